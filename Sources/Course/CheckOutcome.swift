import Cluster

/// Whether a check held, and what was found, at the level of objects and nodes.
public struct CheckOutcome: Sendable, Equatable {
    public var passed: Bool
    /// Expected vs actual (`DaemonSet config runs on 1 of 2 nodes; controlplane: untolerated taint …`),
    /// as catalogue keys: the lab renders it in the learner's language.
    public var found: CheckDetail

    public init(passed: Bool, found: CheckDetail) {
        self.passed = passed
        self.found = found
    }

    /// What was found, in English (the grader's reports).
    public var detail: String { found.english }

    /// What was found, in the language of `say` (`lab check`).
    public func detail(_ say: LabMessages) -> String { found.rendered(say) }

    static func pass(_ found: CheckDetail) -> CheckOutcome { CheckOutcome(passed: true, found: found) }
    static func fail(_ found: CheckDetail) -> CheckOutcome { CheckOutcome(passed: false, found: found) }
    /// A detail already in its final words (the tutor's, written in the learner's language).
    static func pass(_ detail: String) -> CheckOutcome { .pass(.verbatim(detail)) }
    static func fail(_ detail: String) -> CheckOutcome { .fail(.verbatim(detail)) }
}

/// Evaluates checks against a world. Declarative kinds only read the world; `command` and
/// `script` type into a terminal on it (as the learner would, time passing as for any command).
public enum CheckEvaluator {
    public static func evaluate(_ kind: CheckKind, in world: World) -> CheckOutcome {
        world.settle()
        switch kind {
        case let .file(path, nodes, exists, contents):
            return FileCheck.evaluate(path: path, nodes: nodes, exists: exists, contents: contents, in: world)
        case let .object(reference, absent):
            return ObjectCheck.evaluate(reference, absent: absent, in: world)
        case let .field(reference, path, match):
            return ObjectCheck.evaluate(reference, path: path, match: match, in: world)
        case let .pods(selector, namespace, count, running, ready):
            return PodsCheck.evaluate(selector: selector, namespace: namespace, count: count, running: running, ready: ready, in: world)
        case let .daemonSet(name, namespace, nodes):
            return DaemonSetCheck.evaluate(name: name, namespace: namespace, nodes: nodes, in: world)
        case let .staticPod(name, node, namespace):
            return StaticPodCheck.evaluate(name: name, node: node, namespace: namespace, in: world)
        case let .event(reference, reason, message):
            return EventCheck.evaluate(reference, reason: reason, message: message, in: world)
        case let .command(run, output, status):
            return TerminalCheck.evaluate(run: run, output: output, status: status, in: world)
        case let .script(run):
            return TerminalCheck.evaluate(run: run, output: nil, status: 0, in: world)
        }
    }
}

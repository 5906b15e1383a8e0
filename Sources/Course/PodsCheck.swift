import APIStore
import Cluster
import KubeModel

/// How many pods match a selector (Running, Ready).
enum PodsCheck {
    static func phase(_ pod: KubeObject) -> String { pod[path: ["status", "phase"]]?.stringValue ?? "" }

    static func isReady(_ pod: KubeObject) -> Bool {
        (pod[path: ["status", "conditions"]]?.arrayValue ?? []).contains {
            $0["type"]?.stringValue == "Ready" && $0["status"]?.stringValue == "True"
        }
    }

    static func isTerminating(_ pod: KubeObject) -> Bool { pod[path: ["metadata", "deletionTimestamp"]] != nil }

    /// `pod web is Pending` (`key` with the phase), or `pod web is not started` (`notStarted`).
    static func phaseDetail(_ pod: KubeObject, shown: String, _ key: LabMessage, notStarted: LabMessage) -> CheckDetail {
        let phase = phase(pod)
        if phase.isEmpty { return .say(notStarted, ["pod": .verbatim(shown)]) }
        return .say(key, ["pod": .verbatim(shown), "phase": .verbatim(phase)])
    }

    static func evaluate(selector: String, namespace: String, count: Int, running: Bool, ready: Bool, in world: World) -> CheckOutcome {
        guard let requirements = LabelRequirement.parse(selector), let type = world.store.resources.lookup("pods") else {
            return .fail(.say(.badSelector, ["selector": .verbatim(selector)]))
        }
        let pods = world.store.list(type, ListOptions(namespace: namespace, labels: requirements)).filter { !isTerminating($0) }
        let counted = pods.filter { (!running || phase($0) == "Running") && (!ready || isReady($0)) }
        var values: [String: CheckDetail] = ["count": .number(counted.count), "selector": .verbatim(selector),
                                             "namespace": .verbatim(namespace), "expected": .number(count)]
        let key: LabMessage
        switch (running, ready) {
        case (false, false):
            key = counted.count == 1 ? .podsMatchOne : .podsMatch
        case (true, true):
            key = counted.count == 1 ? .podsInStateMatchOne : .podsInStateMatch
            values["state"] = .say(.runningAndReady)
        case (true, false), (false, true):
            key = counted.count == 1 ? .podsInStateMatchOne : .podsInStateMatch
            values["state"] = .verbatim(running ? "Running" : "Ready")
        }
        var parts: [CheckDetail] = [.say(key, values)]
        let others = pods.filter { pod in !counted.contains { $0.name == pod.name } }
        for pod in others.prefix(5) {
            parts.append(.say(isReady(pod) ? .podPhase : .podPhaseNotReady, ["name": .verbatim(pod.name), "phase": .verbatim(phase(pod))]))
        }
        return CheckOutcome(passed: counted.count == count, found: .problems(parts))
    }
}

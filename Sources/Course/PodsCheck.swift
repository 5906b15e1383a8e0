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

    static func evaluate(selector: String, namespace: String, count: Int, running: Bool, ready: Bool, in world: World) -> CheckOutcome {
        guard let requirements = LabelRequirement.parse(selector), let type = world.store.resources.lookup("pods") else {
            return .fail("bad selector \(selector)")
        }
        let pods = world.store.list(type, ListOptions(namespace: namespace, labels: requirements)).filter { !isTerminating($0) }
        let counted = pods.filter { (!running || phase($0) == "Running") && (!ready || isReady($0)) }
        let state = [running ? "Running" : nil, ready ? "Ready" : nil].compactMap { $0 }.joined(separator: " and ")
        let what = state.isEmpty ? "" : state + " "
        var detail = "\(counted.count) \(what)pod\(counted.count == 1 ? "" : "s") match \(selector) in \(namespace), expected \(count)"
        let others = pods.filter { pod in !counted.contains { $0.name == pod.name } }
        if !others.isEmpty {
            detail += "; " + others.prefix(5).map { "\($0.name): \(phase($0))\(isReady($0) ? "" : ", not Ready")" }.joined(separator: "; ")
        }
        return CheckOutcome(passed: counted.count == count, detail: detail)
    }
}

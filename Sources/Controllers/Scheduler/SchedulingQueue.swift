import APIStore
import KubeModel

/// A pod waiting for a node, as the scheduling queue holds it.
struct PendingPod {
    var info: PodInfo
    /// The spec and labels last seen: a change (not our own status writes) makes the pod worth retrying.
    var spec: JSONValue
    var labels: [String: String]
    /// Arrival order, for equal priorities (`PrioritySort`: priority, then queue time).
    var sequence: Int
    var attempts = 0
    var backoffUntil: Int64 = 0
    var state = State.active
    /// The plugins that rejected it last time (what a cluster change must touch to help).
    var rejectedBy: Set<FilterPlugin> = []
    /// The timeline ticket of its next wake-up (back-off end or the 5-minute flush).
    var ticket: Int?

    enum State { case active, waiting, unschedulable }

    /// `podInitialBackoffSeconds` 1 doubling to `podMaxBackoffSeconds` 10, after each failed attempt.
    var backoffSeconds: Double { min(10, Double(1 << min(max(attempts - 1, 0), 4))) }
}

/// Which pods the default scheduler takes: unbound, its own, not terminating, not finished.
enum SchedulerInterest {
    static func isPending(_ pod: KubeObject) -> Bool {
        let name = pod[path: ["spec", "schedulerName"]]?.stringValue ?? ""
        guard name.isEmpty || name == "default-scheduler" else { return false }
        guard (pod[path: ["spec", "nodeName"]]?.stringValue ?? "").isEmpty else { return false }
        guard pod[path: ["metadata", "deletionTimestamp"]] == nil else { return false }
        return !isTerminal(pod)
    }

    static func isTerminal(_ pod: KubeObject) -> Bool {
        let phase = pod[path: ["status", "phase"]]?.stringValue
        return phase == "Succeeded" || phase == "Failed"
    }

    static func key(_ pod: KubeObject) -> ObjectKey {
        ObjectKey(namespace: pod.namespace.isEmpty ? "default" : pod.namespace, name: pod.name)
    }
}

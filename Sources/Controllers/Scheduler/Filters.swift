/// The default profile's filter plugins, each a pure function returning nil when the node
/// passes, else the reason the v1.32 plugin gives (k8s `pkg/scheduler/framework/plugins/…`).
public enum Filters {
    /// `nodeunschedulable`: a cordoned node, unless the pod tolerates `node.kubernetes.io/unschedulable:NoSchedule`.
    public static func nodeUnschedulable(_ pod: PodInfo, _ node: NodeInfo) -> String? {
        guard node.unschedulable else { return nil }
        let taint = Taint(key: "node.kubernetes.io/unschedulable", effect: "NoSchedule")
        return pod.tolerations.contains { $0.tolerates(taint) } ? nil : "node(s) were unschedulable"
    }

    /// `nodename`: a pod naming its node fits only that one.
    public static func nodeName(_ pod: PodInfo, _ node: NodeInfo) -> String? {
        pod.nodeName.isEmpty || pod.nodeName == node.name ? nil : "node(s) didn't match the requested node name"
    }

    /// `tainttoleration`: the first NoSchedule/NoExecute taint no toleration covers.
    public static func taintToleration(_ pod: PodInfo, _ node: NodeInfo) -> String? {
        for taint in node.taints where taint.effect == "NoSchedule" || taint.effect == "NoExecute" {
            if !pod.tolerations.contains(where: { $0.tolerates(taint) }) {
                return "node(s) had untolerated taint {\(taint.key): \(taint.value)}"
            }
        }
        return nil
    }

    /// `nodeaffinity`: `nodeSelector` and the required node affinity (terms ORed) must both match.
    public static func nodeAffinity(_ pod: PodInfo, _ node: NodeInfo) -> String? {
        let reason = "node(s) didn't match Pod's node affinity/selector"
        for (key, value) in pod.nodeSelector where node.labels[key] != value { return reason }
        if let terms = pod.requiredNodeTerms, !terms.contains(where: { $0.matches(name: node.name, labels: node.labels) }) {
            return reason
        }
        return nil
    }

    /// `nodeports`: a wanted host port another pod on the node holds.
    public static func nodePorts(_ pod: PodInfo, _ node: NodeInfo) -> String? {
        for wanted in pod.hostPorts where node.usedPorts.keys.contains(where: { $0.conflicts(with: wanted) }) {
            return "node(s) didn't have free ports for the requested pod ports"
        }
        return nil
    }

    /// `noderesources` Fit: every shortfall, pods first (`fitsRequest`), against `status.allocatable`.
    public static func resourcesFit(_ pod: PodInfo, _ node: NodeInfo) -> [String] {
        var reasons: [String] = []
        if node.requested.pods + 1 > node.allocatable.pods { reasons.append("Too many pods") }
        let want = pod.requests
        if want.milliCPU > 0, want.milliCPU > node.allocatable.milliCPU - node.requested.milliCPU {
            reasons.append("Insufficient cpu")
        }
        if want.memory > 0, want.memory > node.allocatable.memory - node.requested.memory {
            reasons.append("Insufficient memory")
        }
        return reasons
    }

    /// `interpodaffinity` with its PreFilter state: existing pods' anti-affinity, then the pod's
    /// affinity, then its anti-affinity.
    public static func interPodAffinity(_ pod: PodInfo, _ node: NodeInfo, _ state: AffinityState) -> String? {
        for (key, values) in state.existingAntiAffinity {
            if let value = node.labels[key], values.contains(value) {
                return "node(s) didn't satisfy existing pods anti-affinity rules"
            }
        }
        if !pod.affinityTerms.isEmpty {
            var fits = true
            for (index, term) in pod.affinityTerms.enumerated() {
                guard let value = node.labels[term.topologyKey] else { return "node(s) didn't match pod affinity rules" }
                if (state.affinityCounts[index][value] ?? 0) == 0 { fits = false }
            }
            // The first pod of a group that matches its own terms may go anywhere the keys exist.
            if !fits, !(state.affinityCounts.allSatisfy(\.isEmpty) && state.podMatchesOwnAffinity) {
                return "node(s) didn't match pod affinity rules"
            }
        }
        for (index, term) in pod.antiAffinityTerms.enumerated() {
            if let value = node.labels[term.topologyKey], (state.antiAffinityCounts[index][value] ?? 0) > 0 {
                return "node(s) didn't match pod anti-affinity rules"
            }
        }
        return nil
    }
}

/// InterPodAffinity's PreFilter result: topology domains counted from the bound pods.
public struct AffinityState: Sendable {
    /// topologyKey → values whose domain holds a pod whose required anti-affinity matches the incoming pod.
    public var existingAntiAffinity: [String: Set<String>] = [:]
    /// Per affinity term of the pod: topology value → matching pods there.
    public var affinityCounts: [[String: Int]] = []
    /// Per anti-affinity term of the pod: topology value → matching pods there.
    public var antiAffinityCounts: [[String: Int]] = []
    public var podMatchesOwnAffinity = false

    public init() {}
}

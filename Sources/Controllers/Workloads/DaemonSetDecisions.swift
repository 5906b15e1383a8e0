import KubeModel

/// The DaemonSet controller's pure decisions (k8s `pkg/controller/daemon`).
public enum DaemonSetDecisions {
    /// `AddOrUpdateDaemonPodTolerations`, in its order.
    public static func addedTolerations(hostNetwork: Bool) -> [JSONValue] {
        hostNetwork ? hostNetworkTolerations : defaultTolerations
    }

    // Built once: every daemon pod shares them, and admission knows them already.
    private static let defaultTolerations: [JSONValue] = [
        ("node.kubernetes.io/not-ready", "NoExecute"), ("node.kubernetes.io/unreachable", "NoExecute"),
        ("node.kubernetes.io/disk-pressure", "NoSchedule"), ("node.kubernetes.io/memory-pressure", "NoSchedule"),
        ("node.kubernetes.io/pid-pressure", "NoSchedule"), ("node.kubernetes.io/unschedulable", "NoSchedule"),
    ].map { ["effect": .string($0.1), "key": .string($0.0), "operator": "Exists"] }
    private static let hostNetworkTolerations: [JSONValue] = defaultTolerations
        + [["effect": "NoSchedule", "key": "node.kubernetes.io/network-unavailable", "operator": "Exists"]]

    /// The template's tolerations plus the ones the controller adds (those already present are not repeated).
    public static func tolerations(of spec: JSONValue?) -> [JSONValue] {
        var tolerations = spec?["tolerations"]?.arrayValue ?? []
        for added in addedTolerations(hostNetwork: spec?["hostNetwork"]?.boolValue ?? false) {
            let present = tolerations.contains {
                $0["key"] == added["key"] && $0["effect"] == added["effect"] && $0["operator"]?.stringValue == "Exists"
            }
            if !present { tolerations.append(added) }
        }
        return tolerations
    }

    /// `NodeShouldRunDaemonPod`: whether a daemon pod should be created on `node`, whether an existing
    /// one may keep running, and why not (in the scheduler's words).
    public static func shouldRun(_ daemonSet: KubeObject, on node: KubeObject)
        -> (shouldRun: Bool, shouldContinueRunning: Bool, reasons: [String]) {
        let spec = daemonSet[path: ["spec", "template", "spec"]]
        if let nodeName = spec?["nodeName"]?.stringValue, !nodeName.isEmpty, nodeName != node.name {
            return (false, false, ["node(s) didn't match the requested node name"])
        }
        if !NodeEligibility.matchesAffinity(spec, node: node) {
            return (false, false, ["node(s) didn't match Pod's node affinity/selector"])
        }
        let tolerations = tolerations(of: spec)
        let untolerated = NodeEligibility.untoleratedTaints(node, tolerations: tolerations, effects: ["NoSchedule", "NoExecute"])
        if let first = untolerated.first {
            let noExecute = untolerated.contains { $0["effect"]?.stringValue == "NoExecute" }
            return (false, !noExecute, [NodeEligibility.taintReason(first)])
        }
        return (true, true, [])
    }

    /// The pod's node: `spec.nodeName`, or the node its `metadata.name` affinity pins it to.
    public static func targetNode(of pod: KubeObject) -> String? {
        let bound = PodFacts.nodeName(pod)
        if !bound.isEmpty { return bound }
        let terms = pod[path: ["spec", "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution",
                               "nodeSelectorTerms"]]?.arrayValue ?? []
        for term in terms {
            for field in term["matchFields"]?.arrayValue ?? [] where field["key"]?.stringValue == "metadata.name"
                && field["operator"]?.stringValue == "In" {
                if let values = field["values"]?.arrayValue, values.count == 1 { return values[0].stringValue }
            }
        }
        return nil
    }

    /// The pod spec pinned to `node` by required node affinity (`ReplaceDaemonSetPodNodeNameNodeAffinity`).
    /// `tolerations`: `tolerations(of: spec)`, when the caller has it already (every pod of a
    /// template has the same).
    public static func pinned(_ spec: JSONValue, to node: String, tolerations: JSONValue? = nil) -> JSONValue {
        var spec = spec
        let term: JSONValue = ["matchFields": [["key": "metadata.name", "operator": "In", "values": [.string(node)]]]]
        spec[path: ["affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution"]] = ["nodeSelectorTerms": [term]]
        spec["tolerations"] = tolerations ?? .array(Self.tolerations(of: spec))
        return spec
    }
}

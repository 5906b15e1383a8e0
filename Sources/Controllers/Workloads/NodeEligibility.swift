import KubeModel

/// Whether a pod spec fits a node: node name, nodeSelector, required node affinity, taints
/// (what the scheduler's filters and the DaemonSet controller's `predicates` check).
public enum NodeEligibility {
    /// `nodeSelector` and `requiredDuringSchedulingIgnoredDuringExecution` both match the node.
    public static func matchesAffinity(_ spec: JSONValue?, node: KubeObject) -> Bool {
        let labels = node.labels
        for (key, value) in spec?["nodeSelector"]?.objectValue ?? [:] where labels[key] != value.stringValue { return false }
        guard let terms = spec?[path: ["affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution",
                                      "nodeSelectorTerms"]]?.arrayValue else { return true }
        return terms.contains { term in
            let expressions = term["matchExpressions"]?.arrayValue ?? []
            let fields = term["matchFields"]?.arrayValue ?? []
            if expressions.isEmpty, fields.isEmpty { return false }
            return expressions.allSatisfy { matches($0, value: labels[$0["key"]?.stringValue ?? ""]) }
                && fields.allSatisfy { $0["key"]?.stringValue == "metadata.name" && matches($0, value: node.name) }
        }
    }

    /// One node selector requirement against a label (or field) value.
    static func matches(_ requirement: JSONValue, value: String?) -> Bool {
        let values = (requirement["values"]?.arrayValue ?? []).compactMap(\.stringValue)
        switch requirement["operator"]?.stringValue ?? "" {
        case "In": return value.map(values.contains) ?? false
        case "NotIn": return value.map { !values.contains($0) } ?? true
        case "Exists": return value != nil
        case "DoesNotExist": return value == nil
        case "Gt", "Lt":
            guard let value, let number = Int(value), values.count == 1, let bound = Int(values[0]) else { return false }
            return requirement["operator"]?.stringValue == "Gt" ? number > bound : number < bound
        default: return false
        }
    }

    /// Whether `toleration` tolerates `taint` (`Toleration.ToleratesTaint`).
    public static func tolerates(_ toleration: JSONValue, _ taint: JSONValue) -> Bool {
        let effect = toleration["effect"]?.stringValue ?? ""
        if !effect.isEmpty, effect != taint["effect"]?.stringValue { return false }
        let key = toleration["key"]?.stringValue ?? ""
        if !key.isEmpty, key != taint["key"]?.stringValue { return false }
        switch toleration["operator"]?.stringValue ?? "Equal" {
        case "Exists": return true
        case "Equal", "": return (toleration["value"]?.stringValue ?? "") == (taint["value"]?.stringValue ?? "")
        default: return false
        }
    }

    /// The node's taints with one of `effects` that no toleration tolerates.
    public static func untoleratedTaints(_ node: KubeObject, tolerations: [JSONValue], effects: Set<String>) -> [JSONValue] {
        (node[path: ["spec", "taints"]]?.arrayValue ?? []).filter { taint in
            effects.contains(taint["effect"]?.stringValue ?? "") && !tolerations.contains { tolerates($0, taint) }
        }
    }

    /// The scheduler's words for an untolerated taint.
    public static func taintReason(_ taint: JSONValue) -> String {
        "node(s) had untolerated taint {\(taint["key"]?.stringValue ?? ""): \(taint["value"]?.stringValue ?? "")}"
    }
}

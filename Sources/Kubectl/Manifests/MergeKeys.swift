/// The `patchMergeKey` of k8s.io/api v1.32's list fields whose patch strategy is `merge`:
/// lists merged element by element on that key by a strategic merge patch (apply's three-way
/// merge and `kubectl patch` both use this table). Lists not named here are replaced whole.
enum MergeKeys {
    /// Field name → merge key, for lists whose key does not depend on where they sit;
    /// "" for lists of scalars merged as sets.
    static let byField: [String: String] = [
        "containers": "name", "initContainers": "name", "ephemeralContainers": "name", "volumes": "name",
        "imagePullSecrets": "name", "env": "name", "resourceClaims": "name", "schedulingGates": "name",
        "secrets": "name", "volumeMounts": "mountPath", "volumeDevices": "devicePath", "hostAliases": "ip",
        "topologySpreadConstraints": "topologyKey", "ownerReferences": "uid", "conditions": "type",
        "addresses": "type", "finalizers": "", "podCIDRs": "",
    ]

    /// The merge key of the list at `path` (field names only, no indexes), or nil.
    static func key(for path: [String]) -> String? {
        guard let field = path.last else { return nil }
        if field == "ports" {
            // Container ports merge on containerPort; a Service's on port.
            return path.dropLast().last == "spec" ? "port" : "containerPort"
        }
        guard let key = byField[field], !key.isEmpty else { return nil }
        return key
    }

    /// Lists of scalars merged as sets (`patchStrategy: merge` on primitives).
    static func mergesScalars(_ path: [String]) -> Bool {
        guard let field = path.last else { return false }
        return byField[field] == ""
    }
}

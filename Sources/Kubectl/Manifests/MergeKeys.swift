/// The `patchMergeKey` of k8s.io/api's list fields: lists merged element by element on that
/// key by a strategic merge patch. Lists not named here are replaced whole.
enum MergeKeys {
    /// Field name → merge key, for lists whose key does not depend on where they sit.
    private static let byField: [String: String] = [
        "containers": "name", "initContainers": "name", "ephemeralContainers": "name",
        "env": "name", "volumes": "name", "volumeMounts": "mountPath", "volumeDevices": "devicePath",
        "imagePullSecrets": "name", "hostAliases": "ip", "topologySpreadConstraints": "topologyKey",
        "resourceClaims": "name", "conditions": "type", "ownerReferences": "uid", "readinessGates": "conditionType",
        "schedulingGates": "name", "resizePolicy": "resourceName", "taints": "key",
    ]

    /// The merge key of the list at `path` (field names only, no indexes), or nil.
    static func key(for path: [String]) -> String? {
        guard let field = path.last else { return nil }
        if field == "ports" {
            // Container ports merge on containerPort; a Service's on port.
            return path.dropLast().last == "spec" ? "port" : "containerPort"
        }
        return byField[field]
    }

    /// Lists of scalars merged as sets (`patchStrategy: merge` on primitives).
    static func mergesScalars(_ path: [String]) -> Bool {
        path.last == "finalizers" && path.dropLast().last == "metadata"
    }
}

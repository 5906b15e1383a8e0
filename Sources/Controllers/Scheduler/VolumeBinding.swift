import APIStore
import KubeModel

/// The VolumeBinding plugin's PreFilter: a pod whose claims are missing, being deleted or not yet
/// bound (with Immediate binding) waits, and says so for all nodes at once.
enum VolumeBinding {
    /// Why the pod cannot be scheduled anywhere yet, in v1.32's words; nil: its claims are fine.
    static func preFilterFailure(_ pod: JSONValue, namespace: String, store: APIStore) -> String? {
        let claims = (pod[path: ["spec", "volumes"]]?.arrayValue ?? []).compactMap {
            $0[path: ["persistentVolumeClaim", "claimName"]]?.stringValue
        }
        guard !claims.isEmpty, let type = store.resourceType("persistentvolumeclaims") else { return nil }
        var unbound = false
        for name in claims {
            guard let claim = store.object(type, namespace: namespace, name: name) else {
                return "persistentvolumeclaim \"\(name)\" not found"
            }
            if claim[path: ["metadata", "deletionTimestamp"]] != nil {
                return "persistentvolumeclaim \"\(name)\" is being deleted"
            }
            if (claim[path: ["spec", "volumeName"]]?.stringValue ?? "").isEmpty { unbound = true }
        }
        return unbound ? "pod has unbound immediate PersistentVolumeClaims" : nil
    }
}

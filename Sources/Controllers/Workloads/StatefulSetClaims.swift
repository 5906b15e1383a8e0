import APIStore
import KubeModel

/// `persistentVolumeClaimRetentionPolicy` (StatefulSetAutoDeletePVC, beta and on in v1.32): the
/// owner references a set's claims carry so the garbage collector deletes them — the set's when
/// `whenDeleted: Delete`, a scaled-away pod's when `whenScaled: Delete` (k8s `stateful_set_utils.go`
/// `updateClaimOwnerRefForSetAndPod`). With Retain/Retain claims are left alone and outlive everything.
enum StatefulSetClaims {
    static func reconcile(_ set: KubeObject, pods: [Int: KubeObject], replicas: Range<Int>, store: APIStore) {
        let templates = set[path: ["spec", "volumeClaimTemplates"]]?.arrayValue ?? []
        guard !templates.isEmpty, let type = store.resourceType("persistentvolumeclaims") else { return }
        let policy = set[path: ["spec", "persistentVolumeClaimRetentionPolicy"]]
        let scaledDelete = policy?["whenScaled"]?.stringValue == "Delete"
        let deletedDelete = policy?["whenDeleted"]?.stringValue == "Delete"
        for (ordinal, pod) in pods.sorted(by: { $0.key < $1.key }) where !PodFacts.isTerminating(pod) {
            let scaledDown = !replicas.contains(ordinal)
            let ownedBySet = deletedDelete && !(scaledDelete && scaledDown)
            let ownedByPod = scaledDelete && scaledDown
            for template in templates {
                let name = (template[path: ["metadata", "name"]]?.stringValue ?? "") + "-" + pod.name
                guard var claim = store.object(type, namespace: set.namespace, name: name) else { continue }
                var refs = claim[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []
                let before = refs
                setReference(&refs, owner: set, apiVersion: "apps/v1", kind: "StatefulSet", present: ownedBySet)
                setReference(&refs, owner: pod, apiVersion: "v1", kind: "Pod", present: ownedByPod)
                guard refs != before else { continue }
                claim[path: ["metadata", "ownerReferences"]] = refs.isEmpty ? nil : .array(refs)
                _ = try? store.update(claim)
            }
        }
    }

    /// Adds or removes a plain (non-controller) reference to `owner` (`setOwnerRef` / `removeOwnerRef`).
    private static func setReference(_ refs: inout [JSONValue], owner: KubeObject, apiVersion: String, kind: String, present: Bool) {
        let has = refs.contains { $0["uid"]?.stringValue == owner.uid }
        if present, !has {
            refs.append(["apiVersion": .string(apiVersion), "kind": .string(kind), "name": .string(owner.name), "uid": .string(owner.uid)])
        } else if !present, has {
            refs.removeAll { $0["uid"]?.stringValue == owner.uid }
        }
    }
}

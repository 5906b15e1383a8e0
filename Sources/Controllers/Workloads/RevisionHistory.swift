import APIStore
import KubeModel

/// ControllerRevisions of DaemonSets and StatefulSets (k8s `pkg/controller/history`).
enum RevisionHistory {
    /// Makes sure the revision `name` holds `template` and is the newest: created with revision
    /// max+1, or renumbered when a template comes back.
    static func ensure(owner: KubeObject, name: String, hash: String, template: JSONValue, store: APIStore) {
        guard let type = store.resourceType("controllerrevisions.apps") else { return }
        let existing = store.object(type, namespace: owner.namespace, name: name)
        let observed = owner[path: ["status", "observedGeneration"]]?.intValue
        let generation = owner[path: ["metadata", "generation"]]?.intValue ?? 1
        if existing != nil, observed == generation { return }
        let revisions = store.list(type, ListOptions(namespace: owner.namespace)).filter { ControllerRef(of: $0)?.uid == owner.uid }
        let maxRevision = revisions.filter { $0.name != name }.compactMap { $0.content["revision"]?.intValue }.max() ?? 0
        if var existing {
            guard (existing.content["revision"]?.intValue ?? 0) <= maxRevision else { return }
            existing.content["revision"] = .int(maxRevision + 1)
            _ = try? store.update(existing)
            return
        }
        var labels = template[path: ["metadata", "labels"]]?.objectValue ?? [:]
        labels["controller-revision-hash"] = .string(hash)
        var metadata: JSONObject = [:]
        let annotations = owner.content[path: ["metadata", "annotations"]]?.objectValue?
            .filter { $0.key != "kubectl.kubernetes.io/last-applied-configuration" } ?? [:]
        if !annotations.isEmpty { metadata["annotations"] = .object(annotations) }
        metadata["labels"] = .object(labels)
        metadata["name"] = .string(name)
        metadata["namespace"] = .string(owner.namespace)
        metadata["ownerReferences"] = [ControllerRef.reference(to: owner)]
        var data = template
        data["$patch"] = "replace"
        let revision: JSONValue = ["apiVersion": "apps/v1", "kind": "ControllerRevision",
                                   "data": ["spec": ["template": data]], "metadata": .object(metadata),
                                   "revision": .int(maxRevision + 1)]
        _ = try? store.create(KubeObject(revision), namespace: owner.namespace)
    }
}

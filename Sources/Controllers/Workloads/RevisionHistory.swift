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

extension RevisionHistory {
    /// Deletes the owner's oldest revisions beyond `limit` (`cleanupHistory` / `truncateHistory`),
    /// never `current` nor one whose hash a live pod still carries (`liveHashes`, asked only when
    /// there is something to prune).
    static func prune(owner: KubeObject, current: String, keep: Set<String> = [], limit: Int, store: APIStore,
                      liveHashes: () -> Set<String>) {
        guard let type = store.resourceType("controllerrevisions.apps") else { return }
        // Nothing to prune while the whole namespace holds no more than `limit` revisions (the usual
        // case, and asked on every sync).
        guard store.count(type, namespace: owner.namespace) > max(0, limit) else { return }
        let old = store.list(type, ListOptions(namespace: owner.namespace))
            .filter { ControllerRef(of: $0)?.uid == owner.uid && $0.name != current && !keep.contains($0.name) }
        var excess = old.count - max(0, limit)
        guard excess > 0 else { return }
        let live = liveHashes()
        let oldestFirst = old.sorted { ($0.content["revision"]?.intValue ?? 0, $0.name) < ($1.content["revision"]?.intValue ?? 0, $1.name) }
        for revision in oldestFirst where excess > 0 {
            if let hash = revision.label("controller-revision-hash"), live.contains(hash) { continue }
            if live.contains(revision.name) { continue }
            _ = try? store.delete(type, namespace: revision.namespace, name: revision.name,
                                  options: DeleteOptions(preconditionUID: revision.uid))
            excess -= 1
        }
    }
}

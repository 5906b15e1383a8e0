import APIStore
import KubeModel

/// The garbage collector: when an owner goes, its dependents go too (background), or lose their
/// ownerReference first (`orphan` finalizer), or go before it (`foregroundDeletion` finalizer).
/// Dependents are indexed by owner uid from observed events.
final class GarbageCollector: Controller {
    let component = Component.controllerManager
    private let store: APIStore

    /// One dependent object.
    struct Dependent: Hashable, Comparable {
        var resource: String
        var key: ObjectKey
        static func < (a: Dependent, b: Dependent) -> Bool { (a.resource, a.key) < (b.resource, b.key) }
    }

    private var dependents: [String: Set<Dependent>] = [:]
    private var ownersOf: [Dependent: [String]] = [:]
    /// Owners gone (uid) whose dependents are to be deleted.
    private var deletedOwners: Set<String> = []
    /// Owners being deleted with a finalizer the collector handles, and those to look at now.
    private var finalizing: [String: (resource: String, key: ObjectKey)] = [:]
    private var pending: Set<String> = []
    /// Resources with an object that had owners at some time (only their objects can be in the index).
    private var ownedResources: Set<String> = []

    init(store: APIStore) {
        self.store = store
        for type in store.resources.types {
            for object in store.list(type) { index(object, resource: type.key, deleted: false) }
        }
    }

    var hasPendingWork: Bool { !deletedOwners.isEmpty || !pending.isEmpty }

    func observe(_ event: WatchEvent) {
        // Owners, finalizers and deletion live in metadata, which a status write leaves as it was.
        guard !event.statusOnly else { return }
        let object = event.object
        index(object, resource: event.resource.key, deleted: event.type == .deleted)
        if event.type == .deleted {
            let uid = object.uid
            finalizing[uid] = nil
            pending.remove(uid)
            if event.propagation != .orphan, dependents[uid] != nil { deletedOwners.insert(uid) }
        } else if PodFacts.isTerminating(object) {
            let uid = object.uid
            let finalizers = (object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).compactMap(\.stringValue)
            if finalizers.contains("orphan") || finalizers.contains("foregroundDeletion") {
                finalizing[uid] = (event.resource.key, ObjectKey(namespace: object.namespace, name: object.name))
                pending.insert(uid)
            }
        }
        // A dependent gone may let a foreground owner finish.
        if event.type == .deleted, let refs = object[path: ["metadata", "ownerReferences"]]?.arrayValue {
            for ref in refs {
                guard let owner = ref["uid"]?.stringValue, finalizing[owner] != nil else { continue }
                pending.insert(owner)
            }
        }
    }

    func sync(_ context: ControllerContext) {
        for uid in deletedOwners.sorted() {
            deletedOwners.remove(uid)
            for dependent in (dependents[uid] ?? []).sorted() where !hasOtherLiveOwner(dependent, besides: uid) {
                delete(dependent, policy: .background)
            }
        }
        for uid in pending.sorted() {
            pending.remove(uid)
            guard let owner = finalizing[uid] else { continue }
            finalize(uid: uid, resource: owner.resource, key: owner.key)
        }
    }

    private func finalize(uid: String, resource: String, key: ObjectKey) {
        guard let type = store.resourceType(resource), var owner = store.object(type, namespace: key.namespace, name: key.name),
              owner.uid == uid else { return }
        var finalizers = (owner[path: ["metadata", "finalizers"]]?.arrayValue ?? []).compactMap(\.stringValue)
        let children = (dependents[uid] ?? []).sorted()
        if finalizers.contains("orphan") {
            for child in children { removeOwnerReference(uid, from: child) }
            finalizers.removeAll { $0 == "orphan" }
        } else if finalizers.contains("foregroundDeletion") {
            let remaining = children.filter { child in
                guard let object = lookup(child) else { return false }
                if !PodFacts.isTerminating(object) { delete(child, policy: .foreground) }
                return true
            }
            guard remaining.isEmpty else { return }
            finalizers.removeAll { $0 == "foregroundDeletion" }
        } else {
            return
        }
        owner[path: ["metadata", "finalizers"]] = finalizers.isEmpty ? nil : .array(finalizers.map { .string($0) })
        _ = try? store.update(owner)
    }

    private func lookup(_ dependent: Dependent) -> KubeObject? {
        guard let type = store.resourceType(dependent.resource) else { return nil }
        return store.object(type, namespace: dependent.key.namespace, name: dependent.key.name)
    }

    private func delete(_ dependent: Dependent, policy: PropagationPolicy) {
        guard let type = store.resourceType(dependent.resource), let object = lookup(dependent),
              !PodFacts.isTerminating(object) else { return }
        _ = try? store.delete(type, namespace: dependent.key.namespace, name: dependent.key.name,
                              options: DeleteOptions(propagationPolicy: policy, preconditionUID: object.uid))
    }

    private func removeOwnerReference(_ uid: String, from dependent: Dependent) {
        guard var object = lookup(dependent) else { return }
        let refs = (object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).filter { $0["uid"]?.stringValue != uid }
        object[path: ["metadata", "ownerReferences"]] = refs.isEmpty ? nil : .array(refs)
        _ = try? store.update(object)
    }

    /// Whether another owner of the dependent still exists (then it stays).
    private func hasOtherLiveOwner(_ dependent: Dependent, besides uid: String) -> Bool {
        guard let object = lookup(dependent) else { return false }
        for ref in object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? [] {
            guard let other = ref["uid"]?.stringValue, other != uid,
                  let type = store.resources.type(apiVersion: ref["apiVersion"]?.stringValue ?? "", kind: ref["kind"]?.stringValue ?? "")
            else { continue }
            let namespace = type.namespaced ? dependent.key.namespace : ""
            if store.object(type, namespace: namespace, name: ref["name"]?.stringValue ?? "")?.uid == other { return true }
        }
        return false
    }

    private func index(_ object: KubeObject, resource: String, deleted: Bool) {
        let owners = deleted ? [] : (object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).compactMap { $0["uid"]?.stringValue }
        // Nothing of this resource was ever owned (Events, mostly): nothing to update.
        if owners.isEmpty, !ownedResources.contains(resource) { return }
        if !owners.isEmpty { ownedResources.insert(resource) }
        let dependent = Dependent(resource: resource, key: ObjectKey(namespace: object.namespace, name: object.name))
        let previous = ownersOf[dependent] ?? []
        guard owners != previous else { return }
        for uid in previous {
            dependents[uid]?.remove(dependent)
            if dependents[uid]?.isEmpty == true { dependents[uid] = nil }
        }
        for uid in owners { dependents[uid, default: []].insert(dependent) }
        ownersOf[dependent] = owners.isEmpty ? nil : owners
    }
}

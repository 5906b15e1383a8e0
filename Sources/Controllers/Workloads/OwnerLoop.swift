import APIStore
import KubeModel

/// The plumbing every workload controller shares: a dirty set of owner keys fed by watch events,
/// and an index owner → children kept from observed child events (never a list of all children).
///
/// A subclass names the owner and child resources and implements `sync(key:)`; it starts from a
/// list of the store (as an informer does when it starts), then only from events.
class OwnerLoop: Controller {
    let component = Component.controllerManager
    let store: APIStore
    let ownerResource: String
    let ownerKind: String
    let childResource: String
    /// Owner keys to sync.
    var dirty: Set<ObjectKey> = []
    /// Owner key → keys of the children whose controller is that owner (by name; uids are checked on use).
    private(set) var children: [ObjectKey: Set<ObjectKey>] = [:]
    private var childOwner: [ObjectKey: ObjectKey] = [:]
    /// Cap on objects created per owner per sync (the real controllers' burst), so a huge scale
    /// takes a few rounds instead of one long one.
    var burst = 500
    /// Whether the controller claims orphans its selector matches (`ClaimPods`): chosen by a subclass.
    let adopts: Bool
    /// Each watch event's controller reference, shared by the loops made together (the pods'
    /// loops each read it of every pod write).
    var controllerRefs = ControllerRefOfEvent()
    /// Children without a controller, by namespace (candidates for adoption), and the owners known.
    private var orphans: [String: Set<ObjectKey>] = [:]
    private var owners: Set<ObjectKey> = []

    init(store: APIStore, owner: String, kind: String, child: String, adopts: Bool = false) {
        self.store = store
        self.adopts = adopts
        ownerResource = owner
        ownerKind = kind
        childResource = child
        if let type = store.resourceType(child) { for object in store.list(type) { index(object, deleted: false) } }
        if let type = store.resourceType(owner) {
            for object in store.list(type) { dirty.insert(ObjectKey(namespace: object.namespace, name: object.name)) }
            owners = dirty
        }
    }

    var hasPendingWork: Bool { !dirty.isEmpty }

    func observe(_ event: WatchEvent) {
        let key = event.resource.key
        if key == ownerResource {
            let ownerKey = ObjectKey(namespace: event.object.namespace, name: event.object.name)
            dirty.insert(ownerKey)
            if event.type == .deleted { owners.remove(ownerKey) } else { owners.insert(ownerKey) }
        } else if key == childResource {
            // Read once: every loop with pods as children sees every pod write.
            let ref = controllerRefs.of(event)
            // A status write leaves owners, labels and deletion as they were: the index too.
            let owner = event.statusOnly ? childOwner[ObjectKey(namespace: event.object.namespace, name: event.object.name)]
                : index(event.object, deleted: event.type == .deleted, ref: ref)
            if let owner {
                dirty.insert(owner)
                childChanged(event.object, owner: owner, deleted: event.type == .deleted)
            }
            // An orphan may be someone's to adopt: every owner in its namespace looks.
            if adopts, ref == nil, event.type != .deleted, orphans[event.object.namespace]?.isEmpty == false {
                dirty.formUnion(owners.filter { $0.namespace == event.object.namespace })
            }
        }
        observeOther(event)
    }

    /// Other resources a subclass follows (nodes for DaemonSets).
    func observeOther(_ event: WatchEvent) {}

    /// A child of `owner` changed (a subclass that syncs incrementally notes where).
    func childChanged(_ child: KubeObject, owner: ObjectKey, deleted: Bool) {}

    func sync(_ context: ControllerContext) {
        let keys = dirty.sorted()
        dirty = []
        guard let type = store.resourceType(ownerResource) else { return }
        for key in keys {
            guard let owner = store.object(type, namespace: key.namespace, name: key.name) else { continue }
            if adopts { adoptOrphans(of: owner) }
            sync(owner: owner, context)
        }
    }

    /// Whether `owner` may claim this orphan besides its selector matching (StatefulSets: by name).
    func canAdopt(_ child: KubeObject, owner: KubeObject) -> Bool { true }

    /// `ClaimObject`: orphans in the owner's namespace its selector matches get the owner as their
    /// controller (not while the owner is being deleted; an empty selector adopts nothing).
    private func adoptOrphans(of owner: KubeObject) {
        guard let keys = orphans[owner.namespace], !keys.isEmpty, !PodFacts.isTerminating(owner),
              let selector = owner[path: ["spec", "selector"]], selector != .emptyObject,
              case .success(let parsed) = LabelSelector.fromObject(selector),
              let type = store.resourceType(childResource) else { return }
        for key in keys.sorted() {
            guard var child = store.object(type, namespace: key.namespace, name: key.name), ControllerRef(of: child) == nil,
                  !PodFacts.isTerminating(child), parsed.matches(child.labels), canAdopt(child, owner: owner) else { continue }
            var refs = child[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []
            refs.append(ControllerRef.reference(to: owner))
            child[path: ["metadata", "ownerReferences"]] = .array(refs)
            // Indexed at once: the sync that follows counts what it claimed, as `ClaimPods` returns them.
            if let stored = try? store.update(child) { index(stored, deleted: false) }
        }
    }

    /// One owner's reconcile: guards, manage children, status.
    func sync(owner: KubeObject, _ context: ControllerContext) {}

    /// The owner's children as stored now, in name order (only those whose controller uid is the owner's).
    func childObjects(of owner: KubeObject) -> [KubeObject] {
        guard let type = store.resourceType(childResource),
              let keys = children[ObjectKey(namespace: owner.namespace, name: owner.name)] else { return [] }
        return keys.sorted().compactMap { key in
            guard let child = store.object(type, namespace: key.namespace, name: key.name),
                  ControllerRef(of: child)?.uid == owner.uid else { return nil }
            return child
        }
    }

    /// Syncs `owner` again at `time` (minReadySeconds, back-offs, schedules).
    func requeue(_ owner: KubeObject, at time: Int64, _ context: ControllerContext) {
        let key = ObjectKey(namespace: owner.namespace, name: owner.name)
        context.timeline.schedule(at: time) { [weak self] in self?.dirty.insert(key) }
    }

    /// Updates the child index; returns the owner to sync.
    @discardableResult
    private func index(_ child: KubeObject, deleted: Bool) -> ObjectKey? {
        index(child, deleted: deleted, ref: ControllerRef(of: child))
    }

    /// `index` with the child's controller reference already read.
    private func index(_ child: KubeObject, deleted: Bool, ref: ControllerRef?) -> ObjectKey? {
        let key = ObjectKey(namespace: child.namespace, name: child.name)
        if adopts {
            if !deleted, ref == nil, !PodFacts.isTerminating(child) {
                orphans[child.namespace, default: []].insert(key)
            } else {
                orphans[child.namespace]?.remove(key)
            }
        }
        let previous = childOwner[key]
        var current: ObjectKey?
        if !deleted, let ref, ref.kind == ownerKind {
            current = ObjectKey(namespace: child.namespace, name: ref.name)
        }
        if previous != current {
            if let previous {
                children[previous]?.remove(key)
                if children[previous]?.isEmpty == true { children[previous] = nil }
            }
            if let current { children[current, default: []].insert(key) }
            childOwner[key] = current
        }
        return current ?? previous
    }
}

/// The controller reference of the watch event being delivered, worked out by the first loop
/// that asks and given to the others (events are delivered one at a time, to every loop).
final class ControllerRefOfEvent {
    private var sequence = -1
    private var ref: ControllerRef?

    func of(_ event: WatchEvent) -> ControllerRef? {
        if event.sequence != sequence {
            sequence = event.sequence
            ref = ControllerRef(of: event.object)
        }
        return ref
    }
}

import APIStore
import KubeModel

/// kube-scheduler's default profile as a control loop: a queue of unbound pods, a cache of nodes
/// and bound pods kept from watch events, and one scheduling attempt per queued pod per sync.
public final class SchedulerLoop: Controller {
    public let component = Component.scheduler
    public let cache = SchedulerCache()
    let context: ControllerContext
    private var pending: [ObjectKey: PendingPod] = [:]
    /// The spec and labels each bound pod's `PodInfo` in the cache was read from.
    var boundSources: [ObjectKey: (spec: JSONValue, labels: JSONValue?)] = [:]
    /// Pods ready for an attempt.
    private var active: Set<ObjectKey> = []
    /// Pods that failed and wait for a cluster change (or the 5-minute flush).
    private var unschedulable: Set<ObjectKey> = []
    private var arrivals = 0

    /// Lists what the store holds now (a starting scheduler's informers), then follows the watch.
    public init(context: ControllerContext) {
        self.context = context
        let store = context.store
        if let nodes = store.resources.type(key: "nodes") {
            for node in store.list(nodes) { cache.setNode(NodeInfo(node)) }
        }
        if let pods = store.resources.type(key: "pods") {
            for pod in store.list(pods) { notePod(pod, deleted: false) }
        }
    }

    public var hasPendingWork: Bool { !active.isEmpty }

    /// Pods waiting for a node (queued, backing off or unschedulable).
    public var pendingCount: Int { pending.count }

    public func observe(_ event: WatchEvent) {
        switch event.resource.key {
        case "nodes":
            if event.type == .deleted {
                cache.removeNode(event.object.name)
            } else if cache.setNode(NodeInfo(event.object)) {
                requeue { _ in true }
            }
        case "pods":
            notePod(event.object, deleted: event.type == .deleted)
        case "persistentvolumeclaims":
            // A claim bound (or made) may let a waiting pod in.
            requeue { $0.rejectedBy.contains(.volumeBinding) }
        default:
            break
        }
    }

    public func sync(_ context: ControllerContext) {
        let batch = active.compactMap { key in pending[key].map { (key, $0) } }
            .sorted { a, b in
                a.1.info.priority != b.1.info.priority ? a.1.info.priority > b.1.info.priority : a.1.sequence < b.1.sequence
            }
        active = []
        for (key, entry) in batch where entry.state == .active {
            scheduleOne(key, entry)
        }
    }

    // MARK: following the store

    private func notePod(_ pod: KubeObject, deleted: Bool) {
        let key = SchedulerInterest.key(pod)
        if !deleted, SchedulerInterest.isPending(pod) {
            enqueue(key, pod)
        } else {
            dequeue(key)
        }
        let node = pod[path: ["spec", "nodeName"]]?.stringValue ?? ""
        let isBound = !(deleted || node.isEmpty || SchedulerInterest.isTerminal(pod))
        // A bound pod's own status writes come back as changes; its spec and labels tell whether
        // what the scheduler counts changed (most often they are the same storage: compared at once).
        let spec = pod.content["spec"] ?? .emptyObject
        let labels = pod.content["metadata"]?["labels"]
        if isBound, let source = boundSources[key], source.spec == spec, source.labels == labels, cache.bound[key] != nil {
            return
        }
        boundSources[key] = isBound ? (spec, labels) : nil
        let now: PodInfo? = isBound ? PodInfo(pod) : nil
        let before = cache.bound[key]
        guard before != now else { return }
        cache.setBound(key, now)
        if before != nil, now == nil {
            // Freed resources, ports or anti-affinity domains.
            requeue { !$0.rejectedBy.isDisjoint(with: [.nodeResourcesFit, .nodePorts, .interPodAffinity]) }
        } else if now != nil {
            requeue { $0.rejectedBy.contains(.interPodAffinity) }
        }
    }

    private func enqueue(_ key: ObjectKey, _ pod: KubeObject) {
        let spec = pod.content["spec"] ?? .emptyObject
        let labels = pod.labels
        if var entry = pending[key] {
            // Our own status writes come back as modifications: only a changed spec or labels count.
            guard entry.spec != spec || entry.labels != labels else { return }
            entry.info = PodInfo(pod)
            entry.spec = spec
            entry.labels = labels
            pending[key] = entry
            if entry.state == .unschedulable { makeReady(key) }
            return
        }
        arrivals += 1
        pending[key] = PendingPod(info: PodInfo(pod), spec: spec, labels: labels, sequence: arrivals)
        active.insert(key)
    }

    private func dequeue(_ key: ObjectKey) {
        guard let entry = pending.removeValue(forKey: key) else { return }
        if let ticket = entry.ticket { context.timeline.cancel(ticket) }
        active.remove(key)
        unschedulable.remove(key)
    }

    /// Moves unschedulable pods a change may help back to the queue (after their back-off).
    private func requeue(_ helps: (PendingPod) -> Bool) {
        guard !unschedulable.isEmpty else { return }
        for key in unschedulable.sorted() where pending[key].map(helps) == true { makeReady(key) }
    }

    private func makeReady(_ key: ObjectKey) {
        guard var entry = pending[key] else { return }
        unschedulable.remove(key)
        if let ticket = entry.ticket { context.timeline.cancel(ticket) }
        entry.ticket = nil
        if entry.backoffUntil <= context.now {
            entry.state = .active
            active.insert(key)
        } else {
            entry.state = .waiting
            entry.ticket = context.timeline.schedule(at: entry.backoffUntil) { [weak self] in self?.wake(key) }
        }
        pending[key] = entry
    }

    /// Drops a pod from the queue (bound, or gone).
    func forget(_ key: ObjectKey) { dequeue(key) }

    /// Parks a pod that found no node until a change may help, or the flush interval passes.
    func markUnschedulable(_ key: ObjectKey, _ entry: PendingPod) {
        var entry = entry
        entry.state = .unschedulable
        if let ticket = entry.ticket { context.timeline.cancel(ticket) }
        entry.ticket = context.after(seconds: Self.unschedulableFlushSeconds) { [weak self] in self?.wake(key) }
        pending[key] = entry
        active.remove(key)
        unschedulable.insert(key)
    }

    private func wake(_ key: ObjectKey) {
        guard var entry = pending[key], entry.state != .active else { return }
        entry.ticket = nil
        entry.state = .active
        pending[key] = entry
        unschedulable.remove(key)
        active.insert(key)
    }
}

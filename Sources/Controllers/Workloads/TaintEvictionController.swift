import APIStore
import KubeModel

/// The taint eviction controller (pkg/controller/tainteviction, its own controller since 1.29):
/// a pod on a node with a `NoExecute` taint it does not tolerate is deleted at once; one that
/// tolerates it for `tolerationSeconds` is deleted when they run out; taints that go away
/// cancel what was scheduled.
final class TaintEvictionController: Controller {
    let component = Component.controllerManager
    static let source = "taint-eviction-controller"
    private let store: APIStore
    private var dirtyNodes: Set<String> = []
    private var dirtyPods: Set<ObjectKey> = []
    /// Scheduled evictions by pod: the timeline ticket and when it fires.
    private var scheduled: [ObjectKey: (ticket: Int, at: Int64, uid: String)] = [:]
    /// Each node's NoExecute taints as last seen, to notice when they change.
    private var taints: [String: [JSONValue]] = [:]
    /// Pods seen bound to a node (by uid): a pod is looked at once, when it lands on its node.
    private var bound: Set<String> = []

    init(store: APIStore) {
        self.store = store
        if let type = store.resourceType("nodes") {
            for node in store.list(type) {
                taints[node.name] = Self.noExecuteTaints(node)
                if !Self.noExecuteTaints(node).isEmpty { dirtyNodes.insert(node.name) }
            }
        }
        if let type = store.resourceType("pods") {
            for pod in store.list(type) where !(pod[path: ["spec", "nodeName"]]?.stringValue ?? "").isEmpty { bound.insert(pod.uid) }
        }
    }

    var hasPendingWork: Bool { !dirtyNodes.isEmpty || !dirtyPods.isEmpty }

    func observe(_ event: WatchEvent) {
        // Taints, node names and uids are not status: a status write changes none of them.
        guard !event.statusOnly else { return }
        switch event.resource.key {
        case "nodes":
            let name = event.object.name
            let now = event.type == .deleted ? [] : Self.noExecuteTaints(event.object)
            if now != taints[name] ?? [] { dirtyNodes.insert(name) }
            taints[name] = event.type == .deleted ? nil : now
        case "pods":
            let key = ObjectKey(namespace: event.object.namespace, name: event.object.name)
            if event.type == .deleted {
                if bound.remove(event.object.uid) != nil, scheduled[key] != nil { dirtyPods.insert(key) }
                return
            }
            let node = event.object[path: ["spec", "nodeName"]]?.stringValue ?? ""
            if !node.isEmpty, bound.insert(event.object.uid).inserted, !(taints[node] ?? []).isEmpty { dirtyPods.insert(key) }
        default:
            break
        }
    }

    func sync(_ context: ControllerContext) {
        guard let podType = store.resourceType("pods"), let nodeType = store.resourceType("nodes") else { return }
        var pods = dirtyPods
        dirtyPods = []
        for name in dirtyNodes.sorted() {
            for pod in store.list(podType, ListOptions(fields: [FieldRequirement(path: "spec.nodeName", value: name)])) {
                pods.insert(ObjectKey(namespace: pod.namespace, name: pod.name))
            }
        }
        dirtyNodes = []
        for key in pods.sorted(by: { ($0.namespace, $0.name) < ($1.namespace, $1.name) }) {
            guard let pod = store.object(podType, namespace: key.namespace, name: key.name), !PodFacts.isTerminating(pod),
                  let nodeName = pod[path: ["spec", "nodeName"]]?.stringValue,
                  let node = store.object(nodeType, namespace: "", name: nodeName) else {
                cancel(key, pod: nil, context)
                continue
            }
            let tolerations = pod[path: ["spec", "tolerations"]]?.arrayValue ?? []
            let delays = Self.noExecuteTaints(node).map { Self.evictionDelay(tolerations: tolerations, taint: $0) }
            // Tolerated for ever by every taint (or no taint at all): nothing to do.
            guard let delay = delays.compactMap({ $0 }).min() else {
                cancel(key, pod: pod, context)
                continue
            }
            let due = context.now + Int64(delay) * 1_000_000_000
            if let existing = scheduled[key], existing.uid == pod.uid, existing.at <= due { continue }
            if let existing = scheduled[key] { context.timeline.cancel(existing.ticket) }
            let uid = pod.uid
            let ticket = context.timeline.schedule(at: due) { [weak self] in self?.evict(key, uid: uid) }
            scheduled[key] = (ticket, due, uid)
        }
    }

    /// Seconds until a pod with `tolerations` is evicted for `taint`: nil = never, 0 = now.
    static func evictionDelay(tolerations: [JSONValue], taint: JSONValue) -> Int? {
        let matching = tolerations.filter { NodeEligibility.tolerates($0, taint) }
        if matching.isEmpty { return 0 }
        let seconds = matching.map { $0["tolerationSeconds"]?.intValue }
        if seconds.contains(where: { $0 == nil }) { return nil }
        return max(0, seconds.compactMap { $0 }.min() ?? 0)
    }

    /// The NoExecute taints of a node (key, value, effect only: timeAdded does not change a decision).
    static func noExecuteTaints(_ node: KubeObject) -> [JSONValue] {
        (node[path: ["spec", "taints"]]?.arrayValue ?? []).filter { $0["effect"]?.stringValue == "NoExecute" }.map { taint in
            var kept: JSONObject = [:]
            for field in ["effect", "key", "value"] { if let value = taint[field] { kept[field] = value } }
            return .object(kept)
        }
    }

    private func cancel(_ key: ObjectKey, pod: KubeObject?, _ context: ControllerContext) {
        guard let existing = scheduled.removeValue(forKey: key) else { return }
        context.timeline.cancel(existing.ticket)
        if let pod, pod.uid == existing.uid {
            store.recordEvent(regarding: pod, reason: "TaintManagerEviction",
                              message: "Cancelling deletion of Pod \(key.namespace)/\(key.name)", component: Self.source)
        }
    }

    private func evict(_ key: ObjectKey, uid: String) {
        scheduled[key] = nil
        guard let type = store.resourceType("pods"), let pod = store.object(type, namespace: key.namespace, name: key.name),
              pod.uid == uid, !PodFacts.isTerminating(pod) else { return }
        store.recordEvent(regarding: pod, reason: "TaintManagerEviction",
                          message: "Marking for deletion Pod \(key.namespace)/\(key.name)", component: Self.source)
        _ = try? store.delete(type, namespace: key.namespace, name: key.name, options: DeleteOptions(preconditionUID: uid))
    }
}

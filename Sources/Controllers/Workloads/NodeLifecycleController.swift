import APIStore
import KubeModel

/// The node lifecycle controller: a node whose kubelet stopped posting for the grace period turns
/// `Unknown` and gets the `unreachable` taints (the taint eviction controller evicts its pods).
final class NodeLifecycleController: Controller {
    let component = Component.controllerManager
    static let source = "node-controller"
    /// `--node-monitor-grace-period`: 50 s since 1.32 (PR #126287; it was 40 s).
    static let gracePeriod: Int64 = 50_000_000_000
    static let unreachable = "node.kubernetes.io/unreachable"
    private let store: APIStore
    private var dueChecks: Set<String> = []
    private var restarted: Set<String> = []

    private weak var contextForTimers: ControllerContext?

    init(store: APIStore, context: ControllerContext) {
        self.store = store
        contextForTimers = context
        context.heartbeats.onChange.append { [weak self, weak context] node in
            guard let self, let context else { return }
            if let stopped = context.heartbeats.stoppedAt[node] {
                context.timeline.schedule(at: stopped + Self.gracePeriod) { [weak self] in self?.dueChecks.insert(node) }
            } else {
                self.restarted.insert(node)
            }
        }
    }

    /// PodGC's quarantine: a node gone this long has its pods force-deleted (gcOrphaned).
    static let orphanQuarantine: Int64 = 40_000_000_000
    private var goneNodes: Set<String> = []
    private var orphansDue: Set<String> = []

    var hasPendingWork: Bool { !dueChecks.isEmpty || !restarted.isEmpty || !orphansDue.isEmpty }

    func observe(_ event: WatchEvent) {
        guard event.resource.key == "nodes", let context = contextForTimers else { return }
        let name = event.object.name
        if event.type == .deleted {
            goneNodes.insert(name)
            context.timeline.schedule(at: context.now + Self.orphanQuarantine) { [weak self] in
                guard let self, goneNodes.contains(name) else { return }
                orphansDue.insert(name)
            }
        } else {
            goneNodes.remove(name)
        }
    }

    /// The pod garbage collector's orphan rule: pods bound to a node that no longer exists are deleted at once.
    private func deleteOrphans(_ context: ControllerContext) {
        guard let podType = store.resourceType("pods") else { return }
        for name in orphansDue.sorted() where goneNodes.contains(name) {
            goneNodes.remove(name)
            for pod in store.list(podType, ListOptions(fields: [FieldRequirement(path: "spec.nodeName", value: name)])) {
                _ = try? store.delete(podType, namespace: pod.namespace, name: pod.name,
                                      options: DeleteOptions(gracePeriodSeconds: 0, preconditionUID: pod.uid))
            }
        }
        orphansDue = []
    }

    func sync(_ context: ControllerContext) {
        for node in dueChecks.sorted() where context.heartbeats.stoppedAt[node] != nil { markUnreachable(node, context) }
        dueChecks = []
        for node in restarted.sorted() where context.heartbeats.stoppedAt[node] == nil { markReachable(node, context) }
        restarted = []
        deleteOrphans(context)
    }

    /// Ready and the pressure conditions go Unknown; the taints go on; pods are marked not ready and evictions scheduled.
    private func markUnreachable(_ name: String, _ context: ControllerContext) {
        guard let nodeType = store.resourceType("nodes"), var node = store.object(nodeType, namespace: "", name: name),
              let podType = store.resourceType("pods") else { return }
        let now = Timestamp.rfc3339(nanoseconds: context.now)
        let conditions = (node[path: ["status", "conditions"]]?.arrayValue ?? []).map { condition -> JSONValue in
            var condition = condition
            guard condition["status"]?.stringValue != "Unknown" else { return condition }
            condition["lastTransitionTime"] = .string(now)
            condition["message"] = "Kubelet stopped posting node status."
            condition["reason"] = "NodeStatusUnknown"
            condition["status"] = "Unknown"
            return condition
        }
        node[path: ["status", "conditions"]] = .array(conditions)
        if let stored = try? store.update(node, subresource: .status) { node = stored }
        var taints = (node[path: ["spec", "taints"]]?.arrayValue ?? []).filter { $0["key"]?.stringValue != Self.unreachable }
        taints.append(["effect": "NoSchedule", "key": .string(Self.unreachable), "timeAdded": .string(now)])
        taints.append(["effect": "NoExecute", "key": .string(Self.unreachable), "timeAdded": .string(now)])
        node[path: ["spec", "taints"]] = .array(taints)
        _ = try? store.update(node)
        store.recordEvent(regarding: node, reason: "NodeNotReady", message: "Node \(name) status is now: NodeNotReady",
                          component: Self.source)
        // The NoExecute taint is the taint eviction controller's to act on.
        for pod in store.list(podType, ListOptions(fields: [FieldRequirement(path: "spec.nodeName", value: name)])) {
            var updated = pod
            var podConditions = pod[path: ["status", "conditions"]]?.arrayValue ?? []
            for index in podConditions.indices where podConditions[index]["type"]?.stringValue == "Ready"
                && podConditions[index]["status"]?.stringValue == "True" {
                podConditions[index]["status"] = "False"
                podConditions[index]["lastTransitionTime"] = .string(now)
            }
            updated[path: ["status", "conditions"]] = .array(podConditions)
            if updated != pod { _ = try? store.update(updated, subresource: .status) }
        }
    }

    /// The kubelet is back: the taints come off (the kubelet posts its own conditions).
    private func markReachable(_ name: String, _ context: ControllerContext) {
        guard let nodeType = store.resourceType("nodes"), var node = store.object(nodeType, namespace: "", name: name) else { return }
        let taints = (node[path: ["spec", "taints"]]?.arrayValue ?? []).filter { $0["key"]?.stringValue != Self.unreachable }
        node[path: ["spec", "taints"]] = taints.isEmpty ? nil : .array(taints)
        _ = try? store.update(node)
    }
}

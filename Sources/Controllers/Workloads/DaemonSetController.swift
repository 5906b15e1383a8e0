import APIStore
import KubeModel

/// The DaemonSet controller: one pod per eligible node, pinned by node affinity for the scheduler
/// to bind; pods follow nodes as they come, go, and change labels or taints.
final class DaemonSetController: OwnerLoop {
    static let source = "daemonset-controller"
    /// Nodes by name, as observed.
    private(set) var nodes: [String: KubeObject] = [:]
    private var daemonSets: Set<ObjectKey> = []
    /// Node names in order, kept until a node comes or goes (sorting 5,000 names per sync adds up).
    private var sortedNodeNames: [String]?
    /// shouldRun per DaemonSet uid and node, valid for the DaemonSet's generation and the node's
    /// resourceVersion: a rollout to 5,000 nodes syncs the DaemonSet many times, the answers rarely change.
    private var decisions: [String: (generation: Int, byNode: [String: (version: String, decision: Decision)])] = [:]
    typealias Decision = (shouldRun: Bool, shouldContinueRunning: Bool, reasons: [String])

    init(store: APIStore) {
        super.init(store: store, owner: "daemonsets.apps", kind: "DaemonSet", child: "pods")
        if let type = store.resourceType("nodes") { for node in store.list(type) { nodes[node.name] = node } }
        daemonSets = dirty
    }

    override func observeOther(_ event: WatchEvent) {
        switch event.resource.key {
        case "daemonsets.apps":
            let key = ObjectKey(namespace: event.object.namespace, name: event.object.name)
            if event.type == .deleted {
                daemonSets.remove(key)
                decisions[event.object.uid] = nil
            } else {
                daemonSets.insert(key)
            }
        case "nodes":
            let old = nodes[event.object.name]
            if event.type == .deleted { nodes[event.object.name] = nil } else { nodes[event.object.name] = event.object }
            if event.type != .modified { sortedNodeNames = nil }
            // Only what shouldRun reads matters: labels, taints, the node appearing or going.
            let changed = event.type != .modified || old?.labels != event.object.labels
                || old?[path: ["spec", "taints"]] != event.object[path: ["spec", "taints"]]
            if changed { dirty.formUnion(daemonSets) }
        default: break
        }
    }

    override func sync(owner daemonSet: KubeObject, _ context: ControllerContext) {
        guard !PodFacts.isTerminating(daemonSet) else { return }
        let template = daemonSet[path: ["spec", "template"]] ?? .emptyObject
        let hash = revision(for: daemonSet, template: template)
        let generation = daemonSet.annotations["deprecated.daemonset.template.generation"] ?? "1"
        var byNode: [String: [KubeObject]] = [:]
        for pod in childObjects(of: daemonSet) {
            if let node = DaemonSetDecisions.targetNode(of: pod) { byNode[node, default: []].append(pod) }
        }
        let minReady = daemonSet[path: ["spec", "minReadySeconds"]]?.intValue ?? 0
        let rolling = daemonSet[path: ["spec", "updateStrategy", "type"]]?.stringValue ?? "RollingUpdate" == "RollingUpdate"
        var counts = (desired: 0, current: 0, ready: 0, available: 0, updated: 0, misscheduled: 0)
        var created = 0
        var outdated: [KubeObject] = []
        var unavailable = 0
        let names = sortedNodeNames ?? nodes.keys.sorted()
        sortedNodeNames = names
        for name in names {
            guard let node = nodes[name] else { continue }
            let decision = shouldRun(daemonSet, on: node)
            let pods = (byNode.removeValue(forKey: name) ?? []).sorted { PodFacts.created($0) < PodFacts.created($1) }
            let live = pods.filter { !PodFacts.isTerminating($0) }
            if decision.shouldRun { counts.desired += 1 }
            if !pods.isEmpty { decision.shouldRun ? (counts.current += 1) : (counts.misscheduled += 1) }
            if let oldest = live.first, decision.shouldRun {
                let isAvailable = PodFacts.isAvailable(oldest, minReadySeconds: minReady, now: context.now)
                if PodFacts.isReady(oldest) { counts.ready += 1 }
                if isAvailable { counts.available += 1 } else { unavailable += 1 }
                let current = oldest.labels["controller-revision-hash"] == hash
                    || (oldest.labels["controller-revision-hash"] == nil && oldest.labels["pod-template-generation"] == generation)
                if current { counts.updated += 1 } else if rolling { outdated.append(oldest) }
            } else if decision.shouldRun {
                unavailable += 1
            }
            if !decision.shouldContinueRunning {
                for pod in live { PodMaker.delete(pod, owner: daemonSet, source: Self.source, store: store) }
                continue
            }
            for pod in live where PodFacts.phase(pod) == "Failed" {
                PodMaker.delete(pod, owner: daemonSet, source: Self.source, store: store)
            }
            for pod in live.dropFirst() { PodMaker.delete(pod, owner: daemonSet, source: Self.source, store: store) }
            if decision.shouldRun, pods.isEmpty {
                guard created < burst else {
                    dirty.insert(ObjectKey(namespace: daemonSet.namespace, name: daemonSet.name))
                    continue
                }
                created += 1
                createPod(daemonSet, template: template, node: name, hash: hash, generation: generation)
            }
        }
        // Pods left in byNode are on nodes that no longer exist.
        for pod in byNode.values.joined() where !PodFacts.isTerminating(pod) {
            PodMaker.delete(pod, owner: daemonSet, source: Self.source, store: store)
        }
        if rolling { rollOut(daemonSet, outdated: outdated, unavailable: unavailable, minReady: minReady, context) }
        writeStatus(daemonSet, counts, unavailable: counts.desired - counts.available)
        if minReady > 0 { requeueForAvailability(daemonSet, minReady: minReady, context) }
    }

    /// `DaemonSetDecisions.shouldRun`, remembered while neither the DaemonSet's spec nor the node changes.
    private func shouldRun(_ daemonSet: KubeObject, on node: KubeObject) -> Decision {
        let generation = daemonSet[path: ["metadata", "generation"]]?.intValue ?? 0
        let version = node[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        if let cached = decisions[daemonSet.uid], cached.generation == generation,
           let known = cached.byNode[node.name], known.version == version {
            return known.decision
        }
        let decision = DaemonSetDecisions.shouldRun(daemonSet, on: node)
        if decisions[daemonSet.uid]?.generation != generation { decisions[daemonSet.uid] = (generation, [:]) }
        decisions[daemonSet.uid]?.byNode[node.name] = (version, decision)
        return decision
    }

    /// RollingUpdate with maxSurge 0: old pods that are not available go freely; available ones only
    /// while fewer than maxUnavailable are unavailable.
    private func rollOut(_ daemonSet: KubeObject, outdated: [KubeObject], unavailable: Int, minReady: Int, _ context: ControllerContext) {
        let desired = nodes.count
        let maxUnavailable = DeploymentDecisions.scaled(
            daemonSet[path: ["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"]], total: desired, default: "1", roundUp: true)
        var unavailable = unavailable
        for pod in outdated {
            if !PodFacts.isAvailable(pod, minReadySeconds: minReady, now: context.now) {
                PodMaker.delete(pod, owner: daemonSet, source: Self.source, store: store)
            } else if unavailable < max(1, maxUnavailable) {
                PodMaker.delete(pod, owner: daemonSet, source: Self.source, store: store)
                unavailable += 1
            }
        }
    }

    private func createPod(_ daemonSet: KubeObject, template: JSONValue, node: String, hash: String, generation: String) {
        PodMaker.create(from: daemonSet, template: template, generateName: daemonSet.name + "-",
                        extraLabels: ["controller-revision-hash": hash, "pod-template-generation": generation],
                        edit: { pod in
                            pod["spec"] = DaemonSetDecisions.pinned(pod["spec"] ?? .emptyObject, to: node)
                        }, source: Self.source, store: store)
    }

    /// The hash of the current template's ControllerRevision `<ds>-<hash>`, created (or renumbered) as needed.
    private func revision(for daemonSet: KubeObject, template: JSONValue) -> String {
        let hash = TemplateHash.of(template, collisionCount: daemonSet[path: ["status", "collisionCount"]]?.intValue ?? 0)
        RevisionHistory.ensure(owner: daemonSet, name: daemonSet.name + "-" + hash, hash: hash, template: template,
                               store: store)
        return hash
    }

    private func writeStatus(_ daemonSet: KubeObject, _ counts: (desired: Int, current: Int, ready: Int, available: Int,
                                                                 updated: Int, misscheduled: Int), unavailable: Int) {
        var status: JSONObject = [:]
        if let collisions = daemonSet[path: ["status", "collisionCount"]] { status["collisionCount"] = collisions }
        if let conditions = daemonSet[path: ["status", "conditions"]] { status["conditions"] = conditions }
        status["currentNumberScheduled"] = .int(counts.current)
        status["desiredNumberScheduled"] = .int(counts.desired)
        if counts.available > 0 { status["numberAvailable"] = .int(counts.available) }
        status["numberMisscheduled"] = .int(counts.misscheduled)
        status["numberReady"] = .int(counts.ready)
        if unavailable > 0 { status["numberUnavailable"] = .int(unavailable) }
        status["observedGeneration"] = .int(daemonSet[path: ["metadata", "generation"]]?.intValue ?? 1)
        if counts.updated > 0 { status["updatedNumberScheduled"] = .int(counts.updated) }
        guard daemonSet.content["status"] != .object(status) else { return }
        var updated = daemonSet
        updated.content["status"] = .object(status)
        _ = try? store.update(updated, subresource: .status)
    }

    private func requeueForAvailability(_ daemonSet: KubeObject, minReady: Int, _ context: ControllerContext) {
        let due = childObjects(of: daemonSet).compactMap { PodFacts.availableAt($0, minReadySeconds: minReady, now: context.now) }.min()
        if let due { requeue(daemonSet, at: due, context) }
    }
}

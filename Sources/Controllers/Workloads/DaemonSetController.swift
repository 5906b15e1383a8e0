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
    private var nodeOrder: NodeOrder?
    /// shouldRun per DaemonSet uid and node, valid for the DaemonSet's generation and the node's
    /// resourceVersion: a rollout to 5,000 nodes syncs the DaemonSet many times, the answers rarely change.
    private var decisions: [String: (generation: Int, byNode: [String: (version: String, decision: Decision)])] = [:]
    typealias Decision = (shouldRun: Bool, shouldContinueRunning: Bool, reasons: [String])
    /// Each DaemonSet's per-node tallies (by uid), so a sync only revisits nodes whose pods changed.
    private var tallies: [String: DaemonSetTallies] = [:]
    /// DaemonSet → node → its pods (from pod events), and each pod's place in it.
    private var podIndex: [ObjectKey: [String: Set<ObjectKey>]] = [:]
    private var podNode: [ObjectKey: (owner: ObjectKey, node: String)] = [:]
    /// Nodes whose pods changed since each DaemonSet's last sync.
    private var changedNodes: [ObjectKey: Set<String>] = [:]
    /// DaemonSets whose next sync looks at every node (their spec or the nodes changed).
    private var fullSync: Set<ObjectKey> = []
    /// Each DaemonSet's totals at its last status look, with the resourceVersion it had after it:
    /// while neither changes, the status would be written the same.
    private var statusSeen: [String: (version: String, totals: DaemonSetTallies.Totals)] = [:]
    /// What every pod of a DaemonSet's template gets (labels, tolerations), built once per template:
    /// its pods then share that storage, which admission's decode memo knows at the second pod.
    private var podParts: [String: PodParts] = [:]
    private struct PodParts {
        let template: JSONValue
        let hash: String
        let generation: String
        let labels: JSONObject
        let tolerations: JSONValue
    }

    init(store: APIStore) {
        super.init(store: store, owner: "daemonsets.apps", kind: "DaemonSet", child: "pods", adopts: true)
        if let type = store.resourceType("nodes") { for node in store.list(type) { nodes[node.name] = node } }
        daemonSets = dirty
    }

    override func observeOther(_ event: WatchEvent) {
        switch event.resource.key {
        case "daemonsets.apps":
            let key = ObjectKey(namespace: event.object.namespace, name: event.object.name)
            // (A new template shows as a new generation: the tallies start over then.)
            if event.type == .deleted {
                daemonSets.remove(key)
                decisions[event.object.uid] = nil
                tallies[event.object.uid] = nil
                statusSeen[event.object.uid] = nil
                podParts[event.object.uid] = nil
                // Its pods are forgotten with it (a pod indexed under an owner is in that owner's index).
                for pods in (podIndex[key] ?? [:]).values { for pod in pods { podNode[pod] = nil } }
                podIndex[key] = nil
                changedNodes[key] = nil
            } else {
                daemonSets.insert(key)
            }
        case "nodes":
            let old = nodes[event.object.name]
            if event.type == .deleted { nodes[event.object.name] = nil } else { nodes[event.object.name] = event.object }
            if event.type != .modified { nodeOrder = nil }
            // Only what shouldRun reads matters: labels, taints, the node appearing or going.
            let changed = event.type != .modified || old?.labels != event.object.labels
                || old?[path: ["spec", "taints"]] != event.object[path: ["spec", "taints"]]
            if changed {
                dirty.formUnion(daemonSets)
                fullSync.formUnion(daemonSets)
            }
        default: break
        }
    }

    override func childChanged(_ child: KubeObject, owner: ObjectKey, deleted: Bool) {
        let key = ObjectKey(namespace: child.namespace, name: child.name)
        let node = deleted ? nil : DaemonSetDecisions.targetNode(of: child)
        if let previous = podNode[key], previous.node == node, previous.owner == owner, let node {
            // Indexed where it was (a status write): only its node needs a look.
            changedNodes[owner, default: []].insert(node)
            return
        }
        if let previous = podNode[key], previous.node != node || previous.owner != owner {
            podIndex[previous.owner]?[previous.node]?.remove(key)
            changedNodes[previous.owner, default: []].insert(previous.node)
            podNode[key] = nil
        }
        guard let node else { return }
        podIndex[owner, default: [:]][node, default: []].insert(key)
        podNode[key] = (owner, node)
        changedNodes[owner, default: []].insert(node)
    }

    /// A sync looks at the nodes whose pods changed since the last one; a change of the
    /// DaemonSet's template or of the nodes (or a first sync) looks at every node.
    override func sync(owner daemonSet: KubeObject, _ context: ControllerContext) {
        guard !PodFacts.isTerminating(daemonSet) else { return }
        let key = ObjectKey(namespace: daemonSet.namespace, name: daemonSet.name)
        let template = daemonSet[path: ["spec", "template"]] ?? .emptyObject
        let generation = daemonSet[path: ["metadata", "generation"]]?.intValue ?? 0
        let collisions = daemonSet[path: ["status", "collisionCount"]]?.intValue ?? 0
        let hash: String
        if let known = tallies[daemonSet.uid], known.generation == generation, known.collisions == collisions {
            hash = known.hash
        } else {
            hash = revision(for: daemonSet, template: template)
        }
        let minReady = daemonSet[path: ["spec", "minReadySeconds"]]?.intValue ?? 0
        let changed = changedNodes.removeValue(forKey: key) ?? []
        let forced = fullSync.remove(key) != nil
        var visit: [String]
        let state: DaemonSetTallies
        if let known = tallies[daemonSet.uid], known.generation == generation, known.hash == hash, !forced, minReady == 0 {
            state = known
            visit = changed.sorted()
        } else {
            let order = nodeOrder ?? NodeOrder(sorted: nodes.keys.sorted())
            nodeOrder = order
            state = DaemonSetTallies(generation: generation, hash: hash, collisions: collisions, order: order)
            tallies[daemonSet.uid] = state
            var index: [String: Set<ObjectKey>] = [:]
            for pod in childObjects(of: daemonSet) {
                guard let node = DaemonSetDecisions.targetNode(of: pod) else { continue }
                let podKey = ObjectKey(namespace: pod.namespace, name: pod.name)
                index[node, default: []].insert(podKey)
                podNode[podKey] = (key, node)
            }
            podIndex[key] = index
            visit = order.names + index.keys.filter { nodes[$0] == nil }.sorted()
        }
        var created = 0
        var managed = false
        for name in visit {
            state.set(name, visitNode(name, daemonSet, key: key, template: template, hash: hash, minReady: minReady,
                                      created: &created, managed: &managed, context))
        }
        let strategy = daemonSet[path: ["spec", "updateStrategy"]]
        let rolling = strategy?["type"]?.stringValue ?? "RollingUpdate" == "RollingUpdate"
        // As the real controller waits for the manage loop's creations and deletions to be observed.
        if rolling, !managed, !state.outdatedNodes.isEmpty {
            rollOut(daemonSet, state: state, strategy: strategy, template: template, hash: hash)
        }
        writeStatus(daemonSet, state.totals)
        pruneHistory(daemonSet, hash: hash)
        if minReady > 0 { requeueForAvailability(daemonSet, minReady: minReady, context) }
    }

    /// One node: what it adds to the status, and the pods to create or delete there (`podsShouldBeOnNode`).
    private func visitNode(_ name: String, _ daemonSet: KubeObject, key: ObjectKey, template: JSONValue, hash: String,
                           minReady: Int, created: inout Int, managed: inout Bool, _ context: ControllerContext) -> NodeTally? {
        let pods = (podIndex[key]?[name] ?? []).compactMap { podKey -> KubeObject? in
            guard let type = store.resourceType("pods"), let pod = store.object(type, namespace: podKey.namespace, name: podKey.name),
                  ControllerRef(of: pod)?.uid == daemonSet.uid else { return nil }
            return pod
        }.sorted(by: Self.olderFirst)
        let live = pods.filter { !PodFacts.isTerminating($0) }
        // A node that is gone counts for nothing; its pods are the pod garbage collector's.
        guard let node = nodes[name] else { return nil }
        let templateGeneration = daemonSet.annotation("deprecated.daemonset.template.generation")
        let generation = templateGeneration ?? "1"
        // `IsPodUpdated`: the hash, or the template generation (so adopted pods of an earlier
        // DaemonSet at the same generation count as up to date).
        func isNew(_ pod: KubeObject) -> Bool {
            pod.label("controller-revision-hash") == hash
                || (templateGeneration != nil && pod.label("pod-template-generation") == templateGeneration)
        }
        func isAvailable(_ pod: KubeObject) -> Bool { PodFacts.isAvailable(pod, minReadySeconds: minReady, now: context.now) }
        let decision = shouldRun(daemonSet, on: node)
        var tally = NodeTally()
        tally.desired = decision.shouldRun
        if !pods.isEmpty { if decision.shouldRun { tally.current = true } else { tally.misscheduled = true } }
        // The status reads the oldest pod, terminating or not (`updateDaemonSetStatus`).
        if decision.shouldRun, let oldest = pods.first {
            tally.ready = PodFacts.isReady(oldest)
            tally.available = tally.ready && isAvailable(oldest)
            tally.updated = isNew(oldest)
        }
        tally.unavailable = decision.shouldRun && !tally.available
        if !pods.isEmpty || decision.shouldRun {
            var entry = DaemonSetRollout.Node(name, shouldRun: decision.shouldRun)
            for pod in live {
                let seen = DaemonSetRollout.Pod(pod.name, available: isAvailable(pod))
                if isNew(pod) {
                    if entry.newPod != nil { entry.excess = true } else { entry.newPod = seen }
                } else if entry.oldPod != nil {
                    entry.excess = true
                } else {
                    entry.oldPod = seen
                }
            }
            if entry.excess { entry.newPod = nil; entry.oldPod = nil }
            tally.rollout = entry
        }
        func delete(_ pod: KubeObject) {
            managed = true
            PodMaker.delete(pod, owner: daemonSet, source: Self.source, store: store)
        }
        if !decision.shouldContinueRunning {
            for pod in live { delete(pod) }
            return tally
        }
        var running: [KubeObject] = []
        for pod in live {
            switch PodFacts.phase(pod) {
            case "Failed":
                store.recordEvent(regarding: daemonSet, type: "Warning", reason: "FailedDaemonPod",
                                  message: "Found failed daemon pod \(pod.namespace)/\(pod.name) on node \(name), will try to kill it",
                                  component: Self.source)
                delete(pod)
            case "Succeeded":
                store.recordEvent(regarding: daemonSet, reason: "SucceededDaemonPod",
                                  message: "Found succeeded daemon pod \(pod.namespace)/\(pod.name) on node \(name), will try to delete it",
                                  component: Self.source)
                delete(pod)
            default: running.append(pod)
            }
        }
        let surge = DaemonSetRollout.allowsSurge(daemonSet[path: ["spec", "updateStrategy"]])
        if !surge {
            for pod in running.dropFirst() { delete(pod) }
        } else if running.count > 1 {
            let excess = DaemonSetRollout.surgeExcess(running.map {
                ($0.name, isNew($0), PodFacts.isReady($0), isAvailable($0))
            })
            for pod in running where excess.contains(pod.name) { delete(pod) }
        }
        if decision.shouldRun, pods.isEmpty || (surge && running.isEmpty) {
            if created < burst {
                created += 1
                managed = true
                createPod(daemonSet, template: template, node: name, hash: hash, generation: generation)
            } else {
                // Past the burst: the rest in the next round.
                changedNodes[key, default: []].insert(name)
                dirty.insert(key)
            }
        }
        return tally
    }

    /// `podByCreationTimestampAndPhase`: scheduled pods first, then oldest, then by name.
    static func olderFirst(_ a: KubeObject, _ b: KubeObject) -> Bool {
        let aBound = !PodFacts.nodeName(a).isEmpty, bBound = !PodFacts.nodeName(b).isEmpty
        if aBound != bBound { return aBound }
        return (PodFacts.created(a), a.name) < (PodFacts.created(b), b.name)
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

    /// `rollingUpdate`: the step the tallies keep, then its deletions and surge creations.
    private func rollOut(_ daemonSet: KubeObject, state: DaemonSetTallies, strategy: JSONValue?, template: JSONValue, hash: String) {
        let limits = DaemonSetRollout.limits(strategy, desired: state.totals.desired)
        let step = state.rolloutStep(maxSurge: limits.surge, maxUnavailable: limits.unavailable)
        guard let type = store.resourceType("pods") else { return }
        for name in step.delete {
            guard let pod = store.object(type, namespace: daemonSet.namespace, name: name) else { continue }
            PodMaker.delete(pod, owner: daemonSet, source: Self.source, store: store)
        }
        let generation = daemonSet.annotation("deprecated.daemonset.template.generation") ?? "1"
        for node in step.createOn.prefix(burst) {
            createPod(daemonSet, template: template, node: node, hash: hash, generation: generation)
        }
    }

    /// `cleanupHistory`: old revisions beyond `revisionHistoryLimit`, oldest first, sparing those live pods use.
    private func pruneHistory(_ daemonSet: KubeObject, hash: String) {
        let limit = daemonSet[path: ["spec", "revisionHistoryLimit"]]?.intValue ?? 10
        RevisionHistory.prune(owner: daemonSet, current: daemonSet.name + "-" + hash, limit: limit, store: store) {
            Set(self.childObjects(of: daemonSet).compactMap { $0.label("controller-revision-hash") })
        }
    }

    private func createPod(_ daemonSet: KubeObject, template: JSONValue, node: String, hash: String, generation: String) {
        let parts: PodParts
        if let known = podParts[daemonSet.uid], known.hash == hash, known.generation == generation, known.template == template {
            parts = known
        } else {
            parts = PodParts(template: template, hash: hash, generation: generation,
                             labels: PodMaker.podLabels(template: template,
                                                        extraLabels: ["controller-revision-hash": hash, "pod-template-generation": generation]),
                             tolerations: .array(DaemonSetDecisions.tolerations(of: template["spec"])))
            podParts[daemonSet.uid] = parts
        }
        PodMaker.create(from: daemonSet, template: template, generateName: daemonSet.name + "-", labels: parts.labels,
                        edit: { pod in
                            pod["spec"] = DaemonSetDecisions.pinned(pod["spec"] ?? .emptyObject, to: node, tolerations: parts.tolerations)
                        }, source: Self.source, store: store)
    }

    /// The hash of the current template's ControllerRevision `<ds>-<hash>`, created (or renumbered) as needed.
    private func revision(for daemonSet: KubeObject, template: JSONValue) -> String {
        let hash = TemplateHash.of(template, collisionCount: daemonSet[path: ["status", "collisionCount"]]?.intValue ?? 0)
        RevisionHistory.ensure(owner: daemonSet, name: daemonSet.name + "-" + hash, hash: hash, template: template,
                               store: store)
        return hash
    }

    private func writeStatus(_ daemonSet: KubeObject, _ counts: DaemonSetTallies.Totals) {
        // This runs on every sync; most syncs change no total.
        let version = daemonSet[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        if let seen = statusSeen[daemonSet.uid], seen.version == version, seen.totals == counts { return }
        statusSeen[daemonSet.uid] = nil
        let unavailable = counts.desired - counts.available
        let generation = daemonSet[path: ["metadata", "generation"]]?.intValue ?? 1
        // Distinct names in Go's field order, appended without a lookup each (this runs on every sync).
        var members: [(String, JSONValue)] = []
        members.reserveCapacity(10)
        if let collisions = daemonSet[path: ["status", "collisionCount"]] { members.append(("collisionCount", collisions)) }
        if let conditions = daemonSet[path: ["status", "conditions"]] { members.append(("conditions", conditions)) }
        members.append(("currentNumberScheduled", .int(counts.current)))
        members.append(("desiredNumberScheduled", .int(counts.desired)))
        if counts.available > 0 { members.append(("numberAvailable", .int(counts.available))) }
        members.append(("numberMisscheduled", .int(counts.misscheduled)))
        members.append(("numberReady", .int(counts.ready)))
        if unavailable > 0 { members.append(("numberUnavailable", .int(unavailable))) }
        members.append(("observedGeneration", .int(generation)))
        if counts.updated > 0 { members.append(("updatedNumberScheduled", .int(counts.updated))) }
        let status = JSONObject(uncheckedUniqueKeysWithValues: members)
        guard daemonSet.content["status"] != .object(status) else {
            statusSeen[daemonSet.uid] = (version, counts)
            return
        }
        var updated = daemonSet
        updated.content["status"] = .object(status)
        guard let written = try? store.update(updated, subresource: .status) else { return }
        statusSeen[daemonSet.uid] = (written[path: ["metadata", "resourceVersion"]]?.stringValue ?? "", counts)
    }

    private func requeueForAvailability(_ daemonSet: KubeObject, minReady: Int, _ context: ControllerContext) {
        let due = childObjects(of: daemonSet).compactMap { PodFacts.availableAt($0, minReadySeconds: minReady, now: context.now) }.min()
        if let due { requeue(daemonSet, at: due, context) }
    }
}

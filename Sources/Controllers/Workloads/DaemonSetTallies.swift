import KubeModel

/// What one node adds to its DaemonSet's status, and what a rolling update sees there.
struct NodeTally {
    var desired = false
    var current = false
    var misscheduled = false
    var ready = false
    var available = false
    var updated = false
    /// Should run here but has no available pod.
    var unavailable = false
    /// The node's pods split by template (nil: the node has no pods and should run none).
    var rollout: DaemonSetRollout.Node?

}

/// A DaemonSet's tallies per node and their totals, for one template (generation and hash): a
/// sync replaces the tallies of the nodes it looked at and the totals follow.
final class DaemonSetTallies {
    struct Totals: Equatable {
        var desired = 0, current = 0, misscheduled = 0, ready = 0, available = 0, updated = 0, unavailable = 0
    }

    let generation: Int
    let hash: String
    /// `status.collisionCount` when the hash was taken (a collision renames the revision).
    let collisions: Int
    private(set) var byNode: [String: NodeTally] = [:]
    private(set) var totals = Totals()
    /// Nodes with an old (or one too many) pod: while there are any, the rollout goes on.
    private(set) var outdatedNodes: Set<String> = []
    /// The rolling update's step, node by node; nil once a node outside its order was set.
    private(set) var rollout: DaemonSetRolloutIndex?

    init(generation: Int, hash: String, collisions: Int, order: NodeOrder) {
        self.generation = generation
        self.hash = hash
        self.collisions = collisions
        rollout = DaemonSetRolloutIndex(order: order)
    }

    /// The rolling update's step over every node (the index's answer, else the pure step's).
    func rolloutStep(maxSurge: Int, maxUnavailable: Int) -> DaemonSetRollout.Step {
        if let rollout { return rollout.step(maxSurge: maxSurge, maxUnavailable: maxUnavailable, desired: totals.desired) }
        let entries = byNode.keys.sorted().compactMap { byNode[$0]?.rollout }
        return DaemonSetRollout.step(entries, maxSurge: maxSurge, maxUnavailable: maxUnavailable, desired: totals.desired)
    }

    /// The node's new tally (nil: the node is gone).
    func set(_ node: String, _ tally: NodeTally?) {
        if let old = byNode[node] { add(old, sign: -1) }
        byNode[node] = tally
        if let tally { add(tally, sign: 1) }
        if rollout?.set(node, tally?.rollout) == false { rollout = nil }
        if tally?.rollout?.oldPod != nil || tally?.rollout?.excess == true {
            outdatedNodes.insert(node)
        } else {
            outdatedNodes.remove(node)
        }
    }

    private func add(_ tally: NodeTally, sign: Int) {
        func count(_ flag: Bool) -> Int { flag ? sign : 0 }
        totals.desired += count(tally.desired)
        totals.current += count(tally.current)
        totals.misscheduled += count(tally.misscheduled)
        totals.ready += count(tally.ready)
        totals.available += count(tally.available)
        totals.updated += count(tally.updated)
        totals.unavailable += count(tally.unavailable)
    }
}

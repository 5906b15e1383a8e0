/// `DaemonSetRollout.step` kept up to date node by node. A rollout to 5,000 nodes syncs its
/// DaemonSet after nearly every pod change; walking every node each time made it quadratic.
/// Each node's part in the step (a count, or membership of one of the lists the step returns)
/// is added when its entry is set and taken back when it changes, so a step costs only what it
/// returns. The answer is the pure step's over every node in name order.
struct DaemonSetRolloutIndex {
    let order: NodeOrder
    private var entries: [DaemonSetRollout.Node?]

    // Without surge (`rollingUpdate`'s maxSurge == 0 branch).
    private var unavailable = 0
    private var replacements: NodeBitSet
    private var candidates: NodeBitSet
    // With surge.
    private var surging = 0
    private var available = 0
    private var oldToDelete: NodeBitSet
    private var allowedNew: NodeBitSet
    private var shouldNotRun: NodeBitSet
    private var surgeCandidates: NodeBitSet

    init(order: NodeOrder) {
        self.order = order
        let capacity = order.names.count
        entries = Array(repeating: nil, count: capacity)
        replacements = NodeBitSet(capacity: capacity)
        candidates = NodeBitSet(capacity: capacity)
        oldToDelete = NodeBitSet(capacity: capacity)
        allowedNew = NodeBitSet(capacity: capacity)
        shouldNotRun = NodeBitSet(capacity: capacity)
        surgeCandidates = NodeBitSet(capacity: capacity)
    }

    /// Replaces the node's entry (nil: no pods and none wanted). False when the node is not in
    /// the order (it came after the order was taken): the index cannot answer then.
    mutating func set(_ name: String, _ entry: DaemonSetRollout.Node?) -> Bool {
        guard let place = order.place(of: name) else { return entry == nil }
        if let old = entries[place] { account(old, at: place, adding: false) }
        entries[place] = entry
        if let entry { account(entry, at: place, adding: true) }
        return true
    }

    /// The step: old pods to delete and nodes to start a new pod on, as `DaemonSetRollout.step`.
    func step(maxSurge: Int, maxUnavailable: Int, desired: Int) -> DaemonSetRollout.Step {
        if maxSurge == 0 {
            let room = min(max(0, maxUnavailable - unavailable), candidates.count)
            return DaemonSetRollout.Step(delete: oldPods(replacements.first()) + oldPods(candidates.first(room)))
        }
        let deletable = min(max(0, available - desired), shouldNotRun.count)
        let room = min(max(0, maxSurge - surging), surgeCandidates.count)
        return DaemonSetRollout.Step(delete: oldPods(oldToDelete.first()) + oldPods(shouldNotRun.first(deletable)),
                                     createOn: names(allowedNew.first()) + names(surgeCandidates.first(room)))
    }

    private func names(_ places: [Int]) -> [String] { places.map { order.names[$0] } }
    private func oldPods(_ places: [Int]) -> [String] { places.compactMap { entries[$0]?.oldPod?.name } }

    /// Adds (or takes back) what one node contributes to either branch of the step.
    private mutating func account(_ node: DaemonSetRollout.Node, at place: Int, adding: Bool) {
        let sign = adding ? 1 : -1
        if node.excess {
            unavailable += sign
            surging += sign
            return
        }
        // Without surge.
        switch (node.newPod, node.oldPod) {
        case (nil, nil), (.some, .some): unavailable += sign
        case (let new?, nil): if !new.available { unavailable += sign }
        case (nil, let old?):
            if old.available {
                candidates.set(place, adding)
            } else {
                replacements.set(place, adding)
                unavailable += sign
            }
        }
        // With surge.
        if node.oldPod?.available ?? node.newPod?.available ?? false { available += sign }
        guard let old = node.oldPod else { return }
        if let new = node.newPod {
            if new.available { oldToDelete.set(place, adding) } else { surging += sign }
        } else if !old.available {
            if node.shouldRun { allowedNew.set(place, adding) } else { oldToDelete.set(place, adding) }
        } else if !node.shouldRun {
            shouldNotRun.set(place, adding)
        } else {
            surgeCandidates.set(place, adding)
        }
    }
}

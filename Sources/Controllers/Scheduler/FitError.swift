/// Why one node was rejected: the first failing plugin's reasons, and whether preemption could help.
public struct NodeRejection: Equatable, Sendable {
    public var reasons: [String]
    /// `UnschedulableAndUnresolvable`: removing pods would not make the node fit.
    public var unresolvable: Bool

    public init(_ reasons: [String], unresolvable: Bool) {
        self.reasons = reasons
        self.unresolvable = unresolvable
    }
}

/// The `FailedScheduling` message (k8s `framework/types.go` `FitError.Error`, preemption's PostFilter).
public enum FitError {
    /// `0/2 nodes are available: <histogram>. preemption: 0/2 nodes are available: <histogram>.`
    /// `rejections` has one entry per node that was filtered; nodes a PreFilter result left out count
    /// under `absentReason`.
    public static func message(nodeCount: Int, rejections: [NodeRejection], absentReason: String? = nil,
                               preemptionPolicy: String = "PreemptLowerPriority") -> String {
        var counts: [String: Int] = [:]
        for rejection in rejections { for reason in rejection.reasons { counts[reason, default: 0] += 1 } }
        if let absentReason, rejections.count < nodeCount { counts[absentReason, default: 0] += nodeCount - rejections.count }
        var message = "0/\(nodeCount) nodes are available: " + histogram(counts) + "."
        message += " " + preemption(nodeCount: nodeCount, rejections: rejections, policy: preemptionPolicy) + "."
        return message
    }

    /// `DefaultPreemption.PostFilter`'s message: nodes that failed only on what evicting pods could free
    /// would need victims; the simulation has no lower-priority victims to offer (equal-priority pods).
    static func preemption(nodeCount: Int, rejections: [NodeRejection], policy: String) -> String {
        if policy == "Never" { return "preemption: not eligible due to preemptionPolicy=Never." }
        let resolvable = rejections.filter { !$0.unresolvable }.count
        var counts: [String: Int] = [:]
        if resolvable > 0 { counts["No preemption victims found for incoming pod"] = resolvable }
        if nodeCount - resolvable > 0 { counts["Preemption is not helpful for scheduling"] = nodeCount - resolvable }
        return "preemption: 0/\(nodeCount) nodes are available: " + histogram(counts)
    }

    /// `"<count> <reason>"` entries in Go's `sort.Strings` order (bytewise), joined by `, `.
    static func histogram(_ counts: [String: Int]) -> String {
        counts.map { "\($0.value) \($0.key)" }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .joined(separator: ", ")
    }
}

/// The default profile's score plugins and `selectHost` (k8s `schedule_one.go`): each plugin scores
/// 0…100 per node, weighted (TaintToleration 3, NodeAffinity 2, NodeResourcesFit 1,
/// NodeResourcesBalancedAllocation 1); a tie goes to a seeded pick among the best.
public enum Scoring {
    /// Index into `nodes` of the chosen node; `pick(n)` returns 0..<n (the tie-break).
    public static func select<Nodes: RandomAccessCollection>(_ pod: PodInfo, among nodes: Nodes, pick: (Int) -> Int) -> Int?
    where Nodes.Element == NodeInfo, Nodes.Index == Int {
        guard !nodes.isEmpty else { return nil }
        if nodes.count == 1 { return 0 }
        let softTolerations = pod.tolerations.filter { $0.effect.isEmpty || $0.effect == "PreferNoSchedule" }
        // Raw inputs in one pass; the normalizing plugins need the highest first.
        var taintCounts: [Int] = []
        var affinityWeights: [Int] = []
        var resources: [Int] = []
        taintCounts.reserveCapacity(nodes.count)
        affinityWeights.reserveCapacity(nodes.count)
        resources.reserveCapacity(nodes.count)
        for node in nodes {
            taintCounts.append(intolerablePreferNoSchedule(softTolerations, node))
            affinityWeights.append(pod.preferredNodeTerms.isEmpty ? 0 : preferredAffinity(pod, node))
            resources.append(leastAllocated(pod, node) + balancedAllocation(pod, node))
        }
        let mostTaints = taintCounts.max() ?? 0
        let mostWeight = affinityWeights.max() ?? 0
        var best: [Int] = []
        var bestScore = Int.min
        for index in 0..<nodes.count {
            let taints = mostTaints == 0 ? 100 : 100 - taintCounts[index] * 100 / mostTaints
            let affinity = mostWeight == 0 ? 0 : affinityWeights[index] * 100 / mostWeight
            let score = 3 * taints + 2 * affinity + resources[index]
            if score > bestScore {
                bestScore = score
                best = [index]
            } else if score == bestScore {
                best.append(index)
            }
        }
        let chosen = best.count == 1 ? 0 : min(max(pick(best.count), 0), best.count - 1)
        return best[chosen]
    }

    /// TaintToleration's score input: PreferNoSchedule taints the pod does not tolerate.
    static func intolerablePreferNoSchedule(_ tolerations: [Toleration], _ node: NodeInfo) -> Int {
        var count = 0
        for taint in node.taints where taint.effect == "PreferNoSchedule" && !tolerations.contains(where: { $0.tolerates(taint) }) {
            count += 1
        }
        return count
    }

    /// NodeAffinity's score input: the weights of the preferred terms the node matches.
    static func preferredAffinity(_ pod: PodInfo, _ node: NodeInfo) -> Int {
        pod.preferredNodeTerms.reduce(0) { sum, preferred in
            preferred.term.matches(name: node.name, labels: node.labels) ? sum + preferred.weight : sum
        }
    }

    /// NodeResourcesFit's LeastAllocated: free share of cpu and memory after placing the pod.
    static func leastAllocated(_ pod: PodInfo, _ node: NodeInfo) -> Int {
        func free(_ requested: Int64, _ allocatable: Int64) -> Int {
            guard allocatable > 0, requested <= allocatable else { return 0 }
            return Int((allocatable - requested) * 100 / allocatable)
        }
        let cpu = free(node.nonZeroRequested.milliCPU + pod.nonZeroRequests.milliCPU, node.allocatable.milliCPU)
        let memory = free(node.nonZeroRequested.memory + pod.nonZeroRequests.memory, node.allocatable.memory)
        return (cpu + memory) / 2
    }

    /// NodeResourcesBalancedAllocation: how close the cpu and memory shares stay to each other.
    static func balancedAllocation(_ pod: PodInfo, _ node: NodeInfo) -> Int {
        func share(_ requested: Int64, _ allocatable: Int64) -> Double {
            allocatable > 0 ? min(1, Double(requested) / Double(allocatable)) : 1
        }
        let cpu = share(node.nonZeroRequested.milliCPU + pod.nonZeroRequests.milliCPU, node.allocatable.milliCPU)
        let memory = share(node.nonZeroRequested.memory + pod.nonZeroRequests.memory, node.allocatable.memory)
        return Int((1 - abs(cpu - memory) / 2) * 100)
    }
}

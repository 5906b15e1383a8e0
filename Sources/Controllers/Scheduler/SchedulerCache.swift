import APIStore

/// The scheduler's view of the cluster, kept up to date from watch events (never rebuilt):
/// nodes in the order they joined, and the pods bound to them.
public final class SchedulerCache {
    /// Nodes in the order the scheduler walks them.
    public private(set) var nodeList: [NodeInfo] = []
    /// Node name → position in `nodeList`.
    private var nodeIndex: [String: Int] = [:]
    /// Bound, non-terminal pods.
    public private(set) var bound: [ObjectKey: PodInfo] = [:]
    /// Node name → the pods bound to it (also for nodes not, or no longer, known).
    private var podsByNode: [String: Set<ObjectKey>] = [:]
    /// The bound pods with required anti-affinity (what every incoming pod is checked against).
    private(set) var withAntiAffinity: Set<ObjectKey> = []
    /// Where the next search starts (`nextStartNodeIndex`: successive pods spread over the nodes).
    var nextStart = 0

    public init() {}

    public func node(named name: String) -> NodeInfo? {
        nodeIndex[name].map { nodeList[$0] }
    }

    func position(of name: String) -> Int? { nodeIndex[name] }

    /// Adds or replaces a node; returns whether anything the filters read changed.
    @discardableResult
    public func setNode(_ fresh: NodeInfo) -> Bool {
        guard let index = nodeIndex[fresh.name] else {
            var fresh = fresh
            // Pods bound before the node was seen (kubeadm's mirror pods, a re-registered node).
            for key in podsByNode[fresh.name] ?? [] { if let pod = bound[key] { fresh.account(pod, sign: 1) } }
            nodeIndex[fresh.name] = nodeList.count
            nodeList.append(fresh)
            return true
        }
        let node = nodeList[index]
        let changed = node.labels != fresh.labels || node.taints != fresh.taints
            || node.unschedulable != fresh.unschedulable || node.allocatable != fresh.allocatable
        guard changed else { return false }
        nodeList[index].labels = fresh.labels
        nodeList[index].taints = fresh.taints
        nodeList[index].unschedulable = fresh.unschedulable
        nodeList[index].allocatable = fresh.allocatable
        return true
    }

    public func removeNode(_ name: String) {
        guard let index = nodeIndex.removeValue(forKey: name) else { return }
        nodeList.remove(at: index)
        for position in index..<nodeList.count { nodeIndex[nodeList[position].name] = position }
    }

    /// Records where a pod is bound (nil: not bound, terminal or gone), moving its share between nodes.
    public func setBound(_ key: ObjectKey, _ pod: PodInfo?) {
        if let old = bound.removeValue(forKey: key) {
            if let index = nodeIndex[old.nodeName] { nodeList[index].account(old, sign: -1) }
            podsByNode[old.nodeName]?.remove(key)
            if podsByNode[old.nodeName]?.isEmpty == true { podsByNode[old.nodeName] = nil }
            withAntiAffinity.remove(key)
        }
        guard let pod, !pod.nodeName.isEmpty else { return }
        bound[key] = pod
        podsByNode[pod.nodeName, default: []].insert(key)
        if let index = nodeIndex[pod.nodeName] { nodeList[index].account(pod, sign: 1) }
        if !pod.antiAffinityTerms.isEmpty { withAntiAffinity.insert(key) }
    }
}

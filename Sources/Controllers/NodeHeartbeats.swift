/// Whether each node's kubelet is posting its status: the kubelets report here, the node
/// lifecycle controller reads it (a real one reads Lease renewals; posting them every 10 s
/// for 5,000 nodes would flood the store with writes nobody reads).
public final class NodeHeartbeats {
    /// When a node's kubelet last posted, for nodes whose kubelet has stopped; running ones are fresh.
    public private(set) var stoppedAt: [String: Int64] = [:]
    /// Called when a node's kubelet stops or starts (the node lifecycle controller listens).
    public var onChange: [(String) -> Void] = []

    public init() {}

    public func kubeletStopped(_ node: String, at time: Int64) {
        guard stoppedAt[node] == nil else { return }
        stoppedAt[node] = time
        for listener in onChange { listener(node) }
    }

    public func kubeletStarted(_ node: String) {
        guard stoppedAt.removeValue(forKey: node) != nil else { return }
        for listener in onChange { listener(node) }
    }
}

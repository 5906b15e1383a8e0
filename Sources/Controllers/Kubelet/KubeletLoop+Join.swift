import NodeFS

/// A machine joining the cluster after the world was built (`kubeadm join`): one more kubelet.
extension KubeletLoop {
    /// Adds `name`'s kubelet, stopped until its unit starts it; a name already known is left alone.
    public func addNode(_ name: String) {
        guard nodes[name] == nil else { return }
        let node = NodeKubelet(name: name)
        node.running = false
        nodes[name] = node
        changedDisks.insert(name)
        watchDisk(of: node)
    }
}

/// The kubelet unit of a machine that joins after the world was built.
extension NodeAgents {
    /// Starts `node`'s kubelet.service now (what `kubeadm join`'s `[kubelet-start]` phase does).
    func startJoinedKubelet(_ node: String) {
        guard units[node] == nil else { return }
        let index = world.nodes.firstIndex { $0.name == node } ?? world.nodes.count
        var unit = KubeletUnit(pid: 743 + index * 17)
        unit.since = world.clock.now
        unit.nextPID = 2_000 + index * 31
        units[node] = unit
        journals[node] = []
        kubelet?.addNode(node)
        record(node, ident: "systemd", pid: 1, text: "Started kubelet.service - kubelet: The Kubernetes Node Agent.")
        startKubelet(node, bootTime: true)
    }
}

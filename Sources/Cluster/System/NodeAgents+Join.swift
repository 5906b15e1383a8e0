import Controllers

/// The kubelet unit of a machine that joins after the world was built, and what its kubelet
/// does with the API server when it starts (registration) and when its network comes up.
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

    /// `systemctl restart kubelet`, as kubeadm's TryStopKubelet/TryStartKubelet do it.
    func restartKubelet(_ node: String) {
        stopKubelet(node)
        record(node, ident: "systemd", pid: 1, text: "Started kubelet.service - \(Systemctl.description).")
        startKubelet(node)
    }

    /// Hooks the kubelets' registration and readiness to the cluster's Node objects.
    func installRegistration(_ loop: KubeletLoop) {
        let link = WorldLink(world)
        loop.registerNode = { name in link.world.registerNode(name) }
        loop.nodeBecameReady = { name in KubeadmCluster.networkReady(name, store: link.world.store) }
    }
}

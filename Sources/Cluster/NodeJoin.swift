import APIStore
import KubeModel

/// Machines that join the cluster while the lab runs (`kubeadm join`), as exercises and the
/// `join` lab action ask for them.
extension World {
    /// Seconds from the kubelet's start to the Node object (TLS bootstrap, then registration).
    static let registerAfter = 5.0
    /// Seconds from registration to Ready: canal's pods start on the node and bring up its network.
    static let networkAfter = 20.0

    /// The address a joining node gets when none is given: 172.30.N.2 after the last node.
    func nextNodeAddress() -> String {
        "172.30.\(nodes.count + 1).2"
    }

    /// Adds a worker the way `kubeadm join` leaves it: its disk (kubelet.conf, the kubelet's config),
    /// its kubelet started, the Node registering NotReady a few seconds later and turning Ready once
    /// the network is up; the DaemonSets (kube-proxy, canal, the learner's) follow. Returns why it
    /// cannot (a node of that name exists; no control plane), nil when it joins.
    @discardableResult
    public func join(_ requested: WorldDescription.NodeSpec) -> String? {
        guard let controlPlane = description.controlPlane else { return "join: the cluster has no control-plane node" }
        guard node(named: requested.name) == nil else { return "join: node \"\(requested.name)\" already exists" }
        var spec = requested
        spec.role = .worker
        if spec.address.isEmpty { spec.address = nextNodeAddress() }
        let specs = description.nodes + [spec]
        let machine = Node(spec: spec, world: description, image: BaseImage.standard, hosts: Array(Self.hostsFile(specs).utf8),
                           clock: clock)
        guard addMachine(machine) else { return "join: node \"\(spec.name)\" already exists" }
        let index = nodes.count - 1
        agents.startJoinedKubelet(spec.name)
        timeline.schedule(at: clock.now + Int64(Self.registerAfter * 1_000_000_000)) { [weak self] in
            guard let self else { return }
            var cluster = KubeadmCluster(store: store, description: description, nodes: nodes)
            cluster.registerJoined(spec, index: index, controlPlane: controlPlane)
            timeline.schedule(at: clock.now + Int64(Self.networkAfter * 1_000_000_000)) { [weak self] in
                guard let self else { return }
                KubeadmCluster.networkReady(spec.name, store: store)
            }
        }
        settle()
        return nil
    }
}

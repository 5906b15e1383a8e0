import APIStore
import KubeModel

/// Machines that join the cluster while the lab runs (`kubeadm join`), as exercises and the
/// `join` lab action ask for them.
extension World {
    /// The address a joining node gets when none is given: 172.30.N.2 after the last node.
    func nextNodeAddress() -> String {
        "172.30.\(nodes.count + 1).2"
    }

    /// Adds a worker the way `kubeadm join` leaves it: its disk (kubelet.conf, the kubelet's config),
    /// its kubelet started; the kubelet registers the Node NotReady a few seconds later, and it turns
    /// Ready once canal's install-cni has put a network config on it; the DaemonSets (kube-proxy,
    /// canal, the learner's) follow. Returns why it cannot (a node of that name exists; no control
    /// plane), nil when it joins.
    @discardableResult
    public func join(_ requested: WorldDescription.NodeSpec) -> String? {
        guard description.controlPlane != nil else { return "join: the cluster has no control-plane node" }
        guard node(named: requested.name) == nil else { return "join: node \"\(requested.name)\" already exists" }
        var spec = requested
        spec.role = .worker
        if spec.address.isEmpty { spec.address = nextNodeAddress() }
        let specs = description.nodes + [spec]
        let machine = Node(spec: spec, world: description, image: BaseImage.standard, hosts: Array(Self.hostsFile(specs).utf8),
                           clock: clock, stage: .joined)
        guard addMachine(machine) else { return "join: node \"\(spec.name)\" already exists" }
        agents.startJoinedKubelet(spec.name)
        settle()
        return nil
    }
}

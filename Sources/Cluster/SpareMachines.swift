import APIStore
import KubeModel
import NodeFS

/// Spare machines (`spare:` in a world): installed with the Kubernetes packages, not joined. Their
/// kubelet crash-loops on the missing /var/lib/kubelet/config.yaml until `kubeadm join` runs there.
extension World {
    /// Adds `requested` as a spare machine; returns why it cannot, nil when added.
    @discardableResult
    func addSpare(_ requested: WorldDescription.NodeSpec) -> String? {
        guard description.controlPlane != nil else { return "spare: the cluster has no control-plane node" }
        guard node(named: requested.name) == nil else { return "spare: node \"\(requested.name)\" already exists" }
        var spec = requested
        spec.role = .worker
        if spec.address.isEmpty { spec.address = nextNodeAddress() }
        let machine = Node(spec: spec, world: description, image: BaseImage.standard,
                           hosts: Array(Self.hostsFile(description.nodes + [spec]).utf8), clock: clock, stage: .spare)
        guard addMachine(machine) else { return "spare: node \"\(spec.name)\" already exists" }
        agents.startJoinedKubelet(spec.name)
        return nil
    }

    /// `kubeadm join`'s kubelet-start phase on machine `name`: writes the kubelet's config, the
    /// kubeconfig it ends with and the CA, then (re)starts the kubelet, which registers the Node.
    func completeJoin(_ name: String) {
        guard let machine = node(named: name), let controlPlane = description.controlPlane,
              let spec = nodeSpec(named: name) else { return }
        KubeadmNode.install(on: machine.disk, node: spec, controlPlane: controlPlane, layout: description.kubeletLayout,
                            seed: description.seed, stage: .joined)
        agents.restartKubelet(name)
    }

    /// `kubeadm reset` on machine `name`: the kubelet stopped, kubeadm's files gone (the packages' stay).
    func resetMachine(_ name: String) {
        guard let machine = node(named: name) else { return }
        agents.stopKubelet(name)
        let disk = machine.disk
        for directory in ["/etc/kubernetes/manifests", "/var/lib/kubelet", "/etc/kubernetes/pki"] {
            for entry in (try? disk.listDirectory(directory)) ?? [] {
                Self.removeTree(directory + "/" + entry, on: disk, depth: 0)
            }
        }
        for file in KubeadmReset.files { try? disk.removeFile(file) }
    }

    /// `rm -rf path` (depth-bounded).
    static func removeTree(_ path: String, on disk: Disk, depth: Int) {
        guard depth < 64, let info = try? disk.info(path) else { return }
        if info.isDirectory {
            for entry in (try? disk.listDirectory(path)) ?? [] { removeTree(path + "/" + entry, on: disk, depth: depth + 1) }
            try? disk.removeDirectory(path)
        } else {
            try? disk.removeFile(path)
        }
    }

    /// The spec a machine was made from (its address as it got it), for its kubelet's registration.
    func nodeSpec(named name: String) -> WorldDescription.NodeSpec? {
        guard let machine = node(named: name) else { return nil }
        var spec = (description.nodes + description.joining + description.spare).first { $0.name == name }
            ?? WorldDescription.NodeSpec(name: name, address: machine.address)
        spec.address = machine.address
        return spec
    }

    /// The kubelet of `name` registers its Node (first start after a join, or a restart after `kubectl delete node`).
    func registerNode(_ name: String) {
        guard let controlPlane = description.controlPlane, let spec = nodeSpec(named: name),
              let index = nodes.firstIndex(where: { $0.name == name }) else { return }
        var cluster = KubeadmCluster(store: store, description: description, nodes: nodes)
        cluster.registerJoined(spec, index: index, controlPlane: controlPlane)
    }
}

/// The shape of a world, as data: which nodes exist and what they are called.
///
/// Exercises describe the world they start from with this (later issues add labels,
/// taints, objects and files).
public struct WorldDescription: Sendable, Equatable {
    public struct NodeSpec: Sendable, Equatable {
        public enum Role: String, Sendable, Equatable {
            /// Set up by `kubeadm init`: static control-plane pods, admin kubeconfig.
            case controlPlane = "control-plane"
            /// Joined with `kubeadm join`.
            case worker
        }

        public var name: String
        public var address: String
        public var role: Role
        /// Labels beyond the ones the kubelet and kubeadm set.
        public var labels: [String: String]
        /// nil: what kubeadm sets (the control-plane taint on control-plane nodes, none on workers).
        public var taints: [Taint]?

        public init(name: String, address: String, role: Role = .worker, labels: [String: String] = [:],
                    taints: [Taint]? = nil) {
            self.name = name
            self.address = address
            self.role = role
            self.labels = labels
            self.taints = taints
        }

        /// The node's taints once the cluster is up.
        public var effectiveTaints: [Taint] { taints ?? (role == .controlPlane ? [.controlPlane] : []) }
    }

    public var nodes: [NodeSpec]
    /// The node a learner's terminal starts on.
    public var startNode: String
    /// Seeds every random choice (names, PIDs, IPs).
    public var seed: UInt64
    /// Files put on nodes before the lab starts.
    public var files: [FileSpec] = []
    /// YAML manifests created through the API server after the cluster is up.
    public var objects: [String] = []
    /// Workers that run `kubeadm join` as the lab starts (they register, then turn Ready).
    public var joining: [NodeSpec] = []
    /// Machines that exist (ssh works, the kubelet is installed and crash-looping) but have not
    /// joined: the learner runs `kubeadm join` on them.
    public var spare: [NodeSpec] = []
    /// Where the kubelet unit and kubeadm's drop-in are (seed 003 shows the old apt layout).
    var kubeletLayout: KubeletFiles.PackageLayout

    init(nodes: [NodeSpec], startNode: String? = nil, seed: UInt64 = 1, kubeletLayout: KubeletFiles.PackageLayout = .pkgsK8sIO) {
        self.nodes = nodes
        self.startNode = startNode ?? nodes.first?.name ?? "controlplane"
        self.seed = seed
        self.kubeletLayout = kubeletLayout
    }

    public init(nodes: [NodeSpec], startNode: String? = nil, seed: UInt64 = 1) {
        self.init(nodes: nodes, startNode: startNode, seed: seed, kubeletLayout: .pkgsK8sIO)
    }

    /// The node `kubeadm init` ran on.
    public var controlPlane: NodeSpec? { nodes.first { $0.role == .controlPlane } }

    /// A kubeadm lab like the exam's: `controlplane` (172.30.1.2) and `node01` (172.30.2.2).
    public static let standard = WorldDescription(nodes: [
        NodeSpec(name: "controlplane", address: "172.30.1.2", role: .controlPlane),
        NodeSpec(name: "node01", address: "172.30.2.2"),
    ])

    /// `count` workers named node01, node02, … behind one control plane (for benchmarks).
    public static func large(workers count: Int) -> WorldDescription {
        var nodes = [NodeSpec(name: "controlplane", address: "172.30.1.2", role: .controlPlane)]
        for index in 1...max(1, count) {
            let name = "node" + (index < 10 ? "0\(index)" : "\(index)")
            nodes.append(NodeSpec(name: name, address: "172.30.\(2 + index / 250).\(2 + index % 250)"))
        }
        return WorldDescription(nodes: nodes)
    }
}

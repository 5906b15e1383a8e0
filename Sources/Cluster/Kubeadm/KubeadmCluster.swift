import APIStore
import KubeModel
import NodeFS
import SimKit

/// The API objects a kubeadm v1.32 cluster holds once `kubeadm init`, `kubeadm join` and the CNI
/// (canal, as killercoda's clusters use) have run: built from the world description, so any
/// node names, addresses and roles work.
struct KubeadmCluster {
    let store: APIStore
    let description: WorldDescription
    let nodes: [Node]
    /// When `kubeadm init` ran: 25 days before the lab starts, so AGE reads like the seeds.
    let initTime: Int64
    /// Container ids, image digests, boot ids: chance, seeded.
    var random: SeededRandom
    var kubernetesVersion = "v1.32.4"
    var podSubnet = "192.168.0.0/16"
    /// Node uid by name, for the mirror pods' ownerReferences.
    var nodeUIDs: [String: String] = [:]
    /// Next free pod IP (last octet) per node, for pods on the pod network.
    var nextPodIP: [String: Int] = [:]

    static let age: Int64 = 25 * 86_400 * 1_000_000_000

    init(store: APIStore, description: WorldDescription, nodes: [Node]) {
        self.store = store
        self.description = description
        self.nodes = nodes
        initTime = store.clock.now - Self.age
        random = SeededRandom(seed: description.seed ^ 0x6B75_6265_6164_6D)
    }

    /// Builds every object, in the order the cluster came to life.
    static func install(in store: APIStore, description: WorldDescription, nodes: [Node]) {
        guard let controlPlane = description.controlPlane else { return }
        var cluster = KubeadmCluster(store: store, description: description, nodes: nodes)
        cluster.installNamespaces()
        cluster.installPriorityClasses()
        for (index, spec) in description.nodes.enumerated() {
            cluster.installNode(spec, index: index, controlPlane: controlPlane)
        }
        cluster.installServiceAccounts()
        cluster.installConfigMaps(controlPlane: controlPlane)
        cluster.installMirrorPods(controlPlane: controlPlane)
        cluster.installKubeProxy()
        cluster.installCanal(controlPlane: controlPlane)
        cluster.installCoreDNS()
        cluster.installServices(controlPlane: controlPlane)
        cluster.installLeases(controlPlane: controlPlane)
    }

    /// `seconds` after `kubeadm init`.
    func time(_ seconds: Int64) -> Int64 { initTime + seconds * 1_000_000_000 }

    func stamp(_ seconds: Int64) -> JSONValue { .string(Timestamp.rfc3339(nanoseconds: time(seconds))) }

    /// Stores an object as it exists today, created `seconds` after init.
    @discardableResult
    func add(_ content: JSONValue, at seconds: Int64) -> KubeObject? {
        try? store.create(KubeObject(content), options: CreateOptions(keepStatus: true, creationTime: time(seconds)))
    }

    /// `count` lowercase hex digits.
    mutating func hex(_ count: Int) -> String {
        var text = ""
        while text.count < count { text += APIStoreHex.hex(random.next()) }
        return String(text.prefix(count))
    }

    /// A random version-4 UUID (boot ids, system UUIDs, lease holders).
    mutating func uuid() -> String {
        let digits = Array(hex(32))
        func part(_ range: Range<Int>) -> String { String(digits[range]) }
        return part(0..<8) + "-" + part(8..<12) + "-4" + part(13..<16) + "-a" + part(17..<20) + "-" + part(20..<32)
    }

    /// A file on a node's disk, as text ("" if missing).
    func file(_ path: String, on node: String) -> String {
        guard let disk = nodes.first(where: { $0.name == node })?.disk, let bytes = try? disk.readFile(path) else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The /24 of the pod network kube-controller-manager gives the `index`th node (none past 256).
    func podCIDR(index: Int) -> String? {
        index < 256 ? "192.168.\(index).0/24" : nil
    }

    /// The next address on a node's pod network (host-local IPAM hands them out from .2).
    mutating func allocatePodIP(node: String) -> String {
        let index = description.nodes.firstIndex { $0.name == node } ?? 0
        let next = nextPodIP[node, default: 2]
        nextPodIP[node] = next + 1
        return "192.168.\(index % 256).\(next)"
    }
}

/// Hex helpers shared by the kubeadm builders.
enum APIStoreHex {
    static func hex(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}

import APIStore
import KubeModel
import NodeFS

/// Every node's kubelet, as one loop: runs the pods bound to its nodes through the container
/// runtime, reports their status, and runs the static pods of each node's `staticPodPath`
/// with their mirror pods. Incremental: only pods and nodes named by changes are looked at.
public final class KubeletLoop: Controller {
    public let component = Component.kubelets
    let context: ControllerContext
    let runtime: any ContainerRuntime
    /// A node's disk (where the static pod path lives).
    let disk: (String) -> (any FileSystem)?
    /// Where the kubelet's log lines go (the node's journal): node, klog level letter, source, text.
    public var log: (String, Character, String, String) -> Void = { _, _, _, _ in }
    /// Creates the Node object of a kubelet that starts and finds none (its registration).
    public var registerNode: ((String) -> Void)?
    /// Told when a node's Ready turns True (the node controller lifts its not-ready taint then).
    public var nodeBecameReady: ((String) -> Void)?
    /// The node whose static pods are the control plane (nil: the API server is always up).
    let controlPlane: String?

    var nodes: [String: NodeKubelet] = [:] { didSet { controlPlaneKubelet = nil } }
    /// `nodes[controlPlane]`, kept: whether the API server serves is asked several times per settle round.
    var controlPlaneKubelet: NodeKubelet?
    /// Pods the kubelets run, by uid (API pods and static pods).
    var workers: [String: PodWorker] = [:] { didSet { servingMemo = nil } }
    /// Since when each control-plane component serves, as the workers' states last said.
    var servingMemo: ServingMemo?
    /// uid of the worker running each API pod.
    var apiWorkers: [ObjectKey: String] = [:]
    /// API pods changed since the last sync, with their latest state (nil: deleted).
    var changedPods: [ObjectKey: KubeObject?] = [:]
    /// Nodes whose static pods or mirror pods need a look.
    var dirtyNodes: Set<String> = []
    /// Workers owing a status write.
    var dirtyStatus: Set<String> = []
    var lastScan: Int64 = -1
    /// Nodes whose disk was written since their static pod path was last looked at (disks that
    /// cannot say so are looked at every time).
    var changedDisks: Set<String> = []
    var unwatchedDisks: Set<String> = []
    /// Nodes whose restarted kubelet owes the API server a node status.
    var nodeStatusOwed: Set<String> = []
    /// Nodes whose mirror pods wait for the API server.
    var mirrorsOwed: Set<String> = []
    /// Static pods adopted from the kubeadm world (adoption happens once; later runs start afresh).
    var adoptedOnce: Set<String> = []
    /// Seconds a control-plane component takes from its container's start to serving.
    public var warmUp: [String: Double] = ["kube-apiserver": 12, "etcd": 4, "kube-scheduler": 3, "kube-controller-manager": 3] {
        didSet { servingMemo = nil }
    }

    public init(context: ControllerContext, runtime: any ContainerRuntime, nodes: [String], controlPlane: String?,
                disk: @escaping (String) -> (any FileSystem)?) {
        self.context = context
        self.runtime = runtime
        self.disk = disk
        self.controlPlane = controlPlane
        for name in nodes { self.nodes[name] = NodeKubelet(name: name) }
        changedDisks = Set(nodes)
        for name in nodes { if let node = self.nodes[name] { watchDisk(of: node) } }
    }

    /// A scan per time step over 5,000 nodes was quadratic in a rollout: only written disks are
    /// looked at. A disk is written thousands of times between looks: the first write says so.
    func watchDisk(of node: NodeKubelet) {
        guard let watched = disk(node.name) as? Disk else {
            unwatchedDisks.insert(node.name)
            return
        }
        watched.onChange = { [weak self] in
            guard !node.diskChanged else { return }
            node.diskChanged = true
            self?.changedDisks.insert(node.name)
        }
    }

    var store: APIStore { context.store }
    var now: Int64 { context.clock.now }

    public func observe(_ event: WatchEvent) {
        // A status write (the kubelets' own) changes nothing a kubelet runs a pod from.
        guard event.resource.key == "pods", !event.statusOnly else { return }
        let object = event.object
        let nodeName = object[path: ["spec", "nodeName"]]?.stringValue ?? ""
        guard !nodeName.isEmpty, let node = nodes[nodeName] else { return }
        let key = ObjectKey(namespace: object.namespace, name: object.name)
        if object.annotation("kubernetes.io/config.mirror") != nil {
            if event.type == .deleted { node.mirrors.remove(key) } else { node.mirrors.insert(key) }
            dirtyNodes.insert(nodeName)
            return
        }
        if event.type == .deleted { node.pods.remove(key) } else { node.pods.insert(key) }
        changedPods[key] = event.type == .deleted ? .some(nil) : object
    }

    public var hasPendingWork: Bool {
        scanStaticPodPaths()
        if !dirtyNodes.isEmpty { return true }
        // The sets first: whether the API server serves is the dearer question.
        return (!changedPods.isEmpty || !dirtyStatus.isEmpty || !mirrorsOwed.isEmpty || !nodeStatusOwed.isEmpty) && apiServerUp
    }

    public func sync(_ context: ControllerContext) {
        let nodesToSync = dirtyNodes.sorted()
        dirtyNodes = []
        for name in nodesToSync { syncStaticPods(name) }
        guard apiServerUp else { return }
        postNodeStatuses()
        let owed = mirrorsOwed.sorted()
        mirrorsOwed = []
        for name in owed { syncStaticPods(name) }
        let changed = changedPods.sorted { $0.key < $1.key }
        changedPods = [:]
        for (key, object) in changed { syncAPIPod(key, object) }
        let statuses = dirtyStatus.sorted()
        dirtyStatus = []
        for uid in statuses { writeStatus(uid) }
    }

    /// Adopts what already runs (the kubeadm world): bound pods keep their status, mirror pods whose
    /// hash matches the file on the node stay, so nothing is recreated at start.
    public func adoptExisting() {
        guard let podType = store.resources.type(key: "pods") else { return }
        for pod in store.list(podType) {
            let nodeName = pod[path: ["spec", "nodeName"]]?.stringValue ?? ""
            guard let node = nodes[nodeName] else { continue }
            let key = ObjectKey(namespace: pod.namespace, name: pod.name)
            noteAddress(pod, node: node)
            if pod.annotation("kubernetes.io/config.mirror") != nil {
                node.mirrors.insert(key)
                continue
            }
            node.pods.insert(key)
            guard pod[path: ["status", "phase"]]?.stringValue == "Running" else {
                changedPods[key] = pod
                continue
            }
            let worker = PodWorker.adopting(pod, node: nodeName)
            workers[pod.uid] = worker
            apiWorkers[key] = pod.uid
            adoptContainers(worker)
        }
        for node in nodes.values { node.podCIDRPrefix = podCIDRPrefix(node.name) }
    }

    /// Keeps pod addresses already handed out on a node from being handed out again.
    private func noteAddress(_ pod: KubeObject, node: NodeKubelet) {
        guard pod[path: ["spec", "hostNetwork"]]?.boolValue != true,
              let ip = pod[path: ["status", "podIP"]]?.stringValue,
              let last = ip.split(separator: ".").last.flatMap({ Int($0) }) else { return }
        node.nextIP = max(node.nextIP, last + 1)
    }

    private func podCIDRPrefix(_ node: String) -> String? {
        guard let nodeType = store.resources.type(key: "nodes"),
              let cidr = store.object(nodeType, namespace: "", name: node)?[path: ["spec", "podCIDR"]]?.stringValue else { return nil }
        let parts = cidr.split(separator: "/").first?.split(separator: ".") ?? []
        guard parts.count == 4 else { return nil }
        return parts.prefix(3).joined(separator: ".")
    }

    /// The next address on a node's pod network (host-local IPAM hands them out from .2).
    func allocateIP(_ worker: PodWorker) -> String? {
        guard let node = nodes[worker.node] else { return nil }
        if worker.pod[path: ["spec", "hostNetwork"]]?.boolValue == true { return hostIP(worker.node) }
        guard let prefix = node.podCIDRPrefix ?? podCIDRPrefix(worker.node) else { return nil }
        node.podCIDRPrefix = prefix
        defer { node.nextIP += 1 }
        return prefix + "." + String(node.nextIP % 255)
    }

    func hostIP(_ node: String) -> String {
        guard let nodeType = store.resources.type(key: "nodes"),
              let object = store.object(nodeType, namespace: "", name: node) else { return "" }
        let addresses = object[path: ["status", "addresses"]]?.arrayValue ?? []
        return addresses.first { $0["type"]?.stringValue == "InternalIP" }?["address"]?.stringValue ?? ""
    }
}

import Cluster

/// The world an exercise starts from: nodes, objects, files, setup commands and the seed.
public struct ExerciseWorld: Sendable, Equatable {
    /// nil: the standard kubeadm lab (controlplane and node01).
    public var nodes: [WorldDescription.NodeSpec]?
    public var startNode: String?
    public var seed: UInt64 = 1
    public var files: [WorldDescription.FileSpec] = []
    /// YAML manifests created through the API server once the cluster is up.
    public var objects: [String] = []
    /// Commands typed (unseen) before the learner starts: things broken on purpose.
    public var setup: [String] = []
    /// Workers that `kubeadm join` as the lab starts (registering NotReady, then Ready).
    public var join: [String] = []
    /// Machines that exist with the packages installed but have not joined (the learner runs `kubeadm join`).
    public var spare: [String] = []

    public init() {}

    static let fields = ["seed", "startNode", "nodes", "files", "objects", "setup", "join", "spare"]
    static let nodeFields = ["name", "address", "role", "labels", "taints"]
    static let taintFields = ["key", "value", "effect"]
    static let fileFields = ["node", "path", "contents", "mode"]

    /// What `World` is built from.
    public var description: WorldDescription {
        var description = WorldDescription(nodes: nodes ?? WorldDescription.standard.nodes, startNode: startNode,
                                           seed: seed)
        description.files = files
        description.objects = objects
        description.joining = join.map { WorldDescription.NodeSpec(name: $0, address: "") }
        description.spare = spare.map { WorldDescription.NodeSpec(name: $0, address: "") }
        return description
    }

    static func decode(_ field: YAMLField) throws(ContentError) -> ExerciseWorld {
        let map = try field.mapping(fields)
        var world = ExerciseWorld()
        if let seed = map.optional("seed") {
            let value = try seed.int()
            guard value >= 0 else { throw seed.error("expected a non-negative integer, got \(value)") }
            world.seed = UInt64(value)
        }
        if let list = map.optional("nodes") {
            var nodes: [WorldDescription.NodeSpec] = []
            for item in try list.list() { nodes.append(try node(item)) }
            guard nodes.contains(where: { $0.role == .controlPlane }) else {
                throw list.error("expected at least one node with role control-plane")
            }
            let names = nodes.map(\.name)
            if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
                throw list.error("node \"\(duplicate)\" is listed twice")
            }
            world.nodes = nodes
        }
        let names = (world.nodes ?? WorldDescription.standard.nodes).map(\.name)
        if let start = map.optional("startNode") {
            world.startNode = try start.string()
            guard names.contains(world.startNode ?? "") else { throw start.error("no node named \"\(world.startNode ?? "")\"") }
        }
        if let list = map.optional("files") {
            for item in try list.list() { world.files.append(try file(item, nodes: names)) }
        }
        if let list = map.optional("objects") { world.objects = try list.strings() }
        if let list = map.optional("setup") { world.setup = try list.strings() }
        if let list = map.optional("join") {
            world.join = try list.strings()
            if let taken = world.join.first(where: { name in names.contains(name) || world.join.filter { $0 == name }.count > 1 }) {
                throw list.error("node \"\(taken)\" already exists")
            }
        }
        if let list = map.optional("spare") {
            world.spare = try list.strings()
            let taken = Set(names).union(world.join)
            if let clash = world.spare.first(where: { name in taken.contains(name) || world.spare.filter { $0 == name }.count > 1 }) {
                throw list.error("node \"\(clash)\" already exists")
            }
        }
        return world
    }

    private static func node(_ field: YAMLField) throws(ContentError) -> WorldDescription.NodeSpec {
        let map = try field.mapping(nodeFields)
        let roleField = map.optional("role")
        let role = try roleField.map { field throws(ContentError) in try field.choice(["control-plane", "worker"]) } ?? "worker"
        var spec = WorldDescription.NodeSpec(name: try map.required("name").string(), address: try map.required("address").string(),
                                             role: role == "control-plane" ? .controlPlane : .worker)
        if let labels = map.optional("labels") { spec.labels = try labels.stringMap() }
        if let taints = map.optional("taints") {
            var list: [WorldDescription.Taint] = []
            for item in try taints.list() {
                let taint = try item.mapping(taintFields)
                list.append(WorldDescription.Taint(
                    key: try taint.required("key").string(),
                    value: try taint.optional("value").map { field throws(ContentError) in try field.string() },
                    effect: try taint.required("effect").choice(["NoSchedule", "PreferNoSchedule", "NoExecute"])))
            }
            spec.taints = list
        }
        return spec
    }

    private static func file(_ field: YAMLField, nodes: [String]) throws(ContentError) -> WorldDescription.FileSpec {
        let map = try field.mapping(fileFields)
        var spec = WorldDescription.FileSpec(path: try map.required("path").string(), contents: try map.required("contents").string())
        guard spec.path.hasPrefix("/") else { throw try map.required("path").error("expected an absolute path, got \"\(spec.path)\"") }
        if let node = map.optional("node") {
            spec.node = try node.string()
            guard nodes.contains(spec.node ?? "") else { throw node.error("no node named \"\(spec.node ?? "")\"") }
        }
        if let mode = map.optional("mode") {
            let text = try mode.string()
            guard let value = UInt16(text, radix: 8), value <= 0o7777 else {
                throw mode.error("expected an octal mode such as \"0644\", got \"\(text)\"")
            }
            spec.mode = value
        }
        return spec
    }
}

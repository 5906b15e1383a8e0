import APIStore
import KubeModel
import NodeFS

/// What a world description adds to the kubeadm cluster: files on nodes and API objects,
/// as an exercise asks for them.
extension WorldDescription {
    /// A file an exercise puts on a node (or on every node) before the lab starts.
    public struct FileSpec: Sendable, Equatable {
        /// nil: every node.
        public var node: String?
        public var path: String
        public var contents: String
        public var mode: UInt16

        public init(node: String? = nil, path: String, contents: String, mode: UInt16 = 0o644) {
            self.node = node
            self.path = path
            self.contents = contents
            self.mode = mode
        }
    }

    /// A node taint (`kubectl taint` syntax: key[=value]:effect).
    public struct Taint: Sendable, Equatable {
        public var key: String
        public var value: String?
        public var effect: String

        public init(key: String, value: String? = nil, effect: String) {
            self.key = key
            self.value = value
            self.effect = effect
        }

        /// kubeadm's taint on control-plane nodes.
        public static let controlPlane = Taint(key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule")

        var json: JSONValue {
            var members: JSONObject = ["effect": .string(effect), "key": .string(key)]
            if let value { members["value"] = .string(value) }
            return .object(members)
        }
    }
}

extension World {
    /// Writes the description's files and creates its objects (through the API server's
    /// admission, as if applied just before the lab began). What cannot be done is returned,
    /// in kubectl's and coreutils' words, for `ckalab verify` to report.
    func installExtras() -> [String] {
        var problems: [String] = []
        for file in description.files {
            for node in nodes where file.node == nil || file.node == node.name {
                do throws(FSError) {
                    try node.disk.createDirectories(Path.dirname(file.path))
                    try node.disk.writeFile(file.path, Array(file.contents.utf8), append: false, mode: file.mode)
                } catch {
                    problems.append("\(node.name):\(file.path): \(error.message)")
                }
            }
        }
        for (index, manifest) in description.objects.enumerated() {
            let source = "objects[\(index)]"
            do throws(ManifestError) {
                for document in try KubeYAML.documents(in: manifest, source: source) {
                    do throws(APIError) {
                        try store.create(KubeObject(document))
                    } catch {
                        problems.append("\(source): \(error.message)")
                    }
                }
            } catch {
                problems.append(error.message)
            }
        }
        return problems
    }
}

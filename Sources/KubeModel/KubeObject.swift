/// An API object: a JSON object with `apiVersion`, `kind` and `metadata`, plus typed access
/// to the metadata every part of the lab reads. Everything else stays in `content`, so any
/// field of the real schema is kept as written.
public struct KubeObject: Sendable, Equatable {
    public var content: JSONValue {
        didSet { identity = Identity(content) }
    }
    /// name, namespace and uid, read from `content` when it changes: the control loops read
    /// them hundreds of times per pod, far more often than anything writes an object.
    private var identity: Identity

    public init(_ content: JSONValue) {
        self.content = content
        self.identity = Identity(content)
    }

    /// The identity is derived from `content`, so content alone decides.
    public static func == (lhs: KubeObject, rhs: KubeObject) -> Bool { lhs.content == rhs.content }

    private struct Identity: Sendable {
        var name = "", namespace = "", uid = ""

        init(_ content: JSONValue) {
            guard case .object(let top) = content, case .object(let metadata)? = top.member("metadata") else { return }
            if case .string(let value)? = metadata.member("name") { name = value }
            if case .string(let value)? = metadata.member("namespace") { namespace = value }
            if case .string(let value)? = metadata.member("uid") { uid = value }
        }
    }

    public var apiVersion: String { content["apiVersion"]?.stringValue ?? "" }
    public var kind: String { content["kind"]?.stringValue ?? "" }

    public var name: String {
        get { identity.name }
        set { content[path: ["metadata", "name"]] = .string(newValue) }
    }

    /// "" for cluster-scoped objects.
    public var namespace: String {
        get { identity.namespace }
        set { content[path: ["metadata", "namespace"]] = newValue.isEmpty ? nil : .string(newValue) }
    }

    public var uid: String { identity.uid }

    public var labels: [String: String] {
        get { stringMap(at: ["metadata", "labels"]) }
        set { setStringMap(newValue, at: ["metadata", "labels"]) }
    }

    public var annotations: [String: String] {
        get { stringMap(at: ["metadata", "annotations"]) }
        set { setStringMap(newValue, at: ["metadata", "annotations"]) }
    }

    /// One label's value, read without building the whole map (hot in controller loops).
    @inlinable
    public func label(_ key: String) -> String? {
        content["metadata"]?["labels"]?[key]?.stringValue
    }

    /// One annotation's value, read without building the whole map.
    @inlinable
    public func annotation(_ key: String) -> String? {
        content["metadata"]?["annotations"]?[key]?.stringValue
    }

    /// Inlinable, so that a literal path is built on the caller's stack, not allocated per read.
    @inlinable
    public subscript(path path: [String]) -> JSONValue? {
        get { content[path: path] }
        set { content[path: path] = newValue }
    }

    /// Changes `metadata` in place: taken out of the object while it changes, so that its storage
    /// is not shared and not copied (the store sets four members of every object it creates).
    public mutating func updateMetadata(_ change: (inout JSONObject) -> Void) {
        var top: JSONObject
        if case .object(let members) = content { top = members } else { top = [:] }
        content = .null
        var metadata: JSONObject = [:]
        let index = top.memberIndex("metadata")
        if let index {
            if case .object(let members) = top.values[index] { metadata = members }
            top.values[index] = .null
        }
        change(&metadata)
        if let index { top.values[index] = .object(metadata) } else { top["metadata"] = .object(metadata) }
        content = .object(top)
    }

    private func stringMap(at path: [String]) -> [String: String] {
        guard let members = content[path: path]?.objectValue else { return [:] }
        var map: [String: String] = [:]
        for (key, value) in members { if let s = value.stringValue { map[key] = s } }
        return map
    }

    private mutating func setStringMap(_ map: [String: String], at path: [String]) {
        if map.isEmpty {
            content[path: path] = nil
            return
        }
        let sorted = map.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }
        content[path: path] = .object(JSONObject(sorted, uniquingKeysWith: { a, _ in a }))
    }
}

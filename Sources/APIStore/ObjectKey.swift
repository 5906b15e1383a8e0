/// Where an object lives within its resource: namespace ("" if cluster-scoped) and name.
public struct ObjectKey: Hashable, Sendable, Comparable {
    public var namespace: String
    public var name: String

    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }

    /// The API server's list order: namespace, then name.
    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        lhs.namespace != rhs.namespace ? lhs.namespace < rhs.namespace : lhs.name < rhs.name
    }
}

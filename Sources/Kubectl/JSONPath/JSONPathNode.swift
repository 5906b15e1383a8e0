/// A node of a parsed JSONPath template (client-go util/jsonpath's node types).
indirect enum JSONPathNode: Sendable {
    case list([JSONPathNode])
    case text(String)
    case field(String)
    case array([SliceParam])
    case filter(left: [JSONPathNode], right: [JSONPathNode], op: String)
    case int(Int)
    case float(Double)
    case bool(Bool)
    case wildcard
    case recursive
    case union([[JSONPathNode]])
    case identifier(String)
}

/// One of `[start:end:step]`; `derived` marks an end computed from a lone index.
struct SliceParam: Sendable {
    var value: Int
    var known: Bool
    var derived: Bool = false
}

/// A parse error in client-go's words.
struct JSONPathError: Error {
    let message: String
}

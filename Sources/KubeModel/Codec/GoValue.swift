/// What go-yaml v2 decodes into an `interface{}`: the Go types sigs.k8s.io/yaml then turns
/// into JSON, kept apart from `JSONValue` because YAML keys need not be strings.
indirect enum GoValue: Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case float(Double)
    case string(String)
    case sequence([GoValue])
    /// Key/value pairs in first-set order; a later set of an equal key replaces the value.
    case map([(GoValue, GoValue)])

    static func == (lhs: GoValue, rhs: GoValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.uint(a), .uint(b)): a == b
        case let (.float(a), .float(b)): a == b
        case let (.string(a), .string(b)): a == b
        default: false
        }
    }

    /// Go's `%#v` of the value (as `fmt` prints it inside error messages).
    var goSyntax: String {
        switch self {
        case .null: "interface {}(nil)"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .uint(let u): "0x" + String(u, radix: 16)
        case .float(let f): f.isNaN ? "NaN" : f.isInfinite ? (f < 0 ? "-Inf" : "+Inf") : GoFloat.yaml(f)
        case .string(let s): GoSyntax.quote(s)
        case .sequence(let items): "[]interface {}{" + items.map(\.goSyntax).joined(separator: ", ") + "}"
        case .map(let pairs):
            // fmt prints map entries sorted: strings, then numbers, as its fmtsort orders mixed keys.
            "map[interface {}]interface {}{" + pairs.sorted { Self.fmtLess($0.0, $1.0) }
                .map { $0.0.goSyntax + ":" + $0.1.goSyntax }.joined(separator: ", ") + "}"
        }
    }

    /// `%+#v` at the top level prints nil as `<nil>`.
    var goSyntaxTop: String { self == .null ? "<nil>" : goSyntax }

    private static func fmtLess(_ a: GoValue, _ b: GoValue) -> Bool {
        func rank(_ v: GoValue) -> Int {
            switch v {
            case .string: 0
            case .int: 1
            case .uint: 2
            case .float: 3
            case .bool: 4
            default: 5
            }
        }
        switch (a, b) {
        case let (.string(x), .string(y)): return goStringLess(x, y)
        case let (.int(x), .int(y)): return x < y
        case let (.float(x), .float(y)): return x < y
        default: return rank(a) < rank(b)
        }
    }
}


import KubeModel

/// Read-only access to a field of an API object the way the Go describers see typed structs:
/// absent fields read as Go's zero values ("" / 0 / false / empty).
struct DValue {
    let raw: JSONValue?

    init(_ raw: JSONValue?) { self.raw = raw }

    subscript(_ key: String) -> DValue { DValue(raw?[key]) }
    subscript(_ keys: String...) -> DValue {
        var current = raw
        for key in keys { current = current?[key] }
        return DValue(current)
    }

    /// Whether the field is set (and not null): Go's `!= nil` on a pointer field.
    var exists: Bool { if let raw, !raw.isNull { true } else { false } }
    /// The string, "" when absent.
    var string: String { raw?.stringValue ?? "" }
    /// The integer, 0 when absent.
    var int: Int { raw?.intValue ?? 0 }
    var intOrNil: Int? { raw?.intValue }
    var bool: Bool { raw?.boolValue ?? false }
    var boolOrNil: Bool? { raw?.boolValue }
    var array: [DValue] { (raw?.arrayValue ?? []).map(DValue.init) }
    var strings: [String] { (raw?.arrayValue ?? []).compactMap(\.stringValue) }
    var isEmptyList: Bool { (raw?.arrayValue ?? []).isEmpty }

    /// A `map[string]string` (labels, annotations, selectors, data).
    var stringMap: [String: String] {
        guard let members = raw?.objectValue else { return [:] }
        var map: [String: String] = [:]
        for (key, value) in members { map[key] = value.stringValue ?? value.goText }
        return map
    }

    /// The member names of an object, in stored order.
    var keys: [String] { raw?.objectValue.map { Array($0.keys) } ?? [] }

    /// An `intstr.IntOrString` or any scalar printed with `%v` / `.String()`.
    var text: String { raw?.goText ?? "" }
}

extension JSONValue {
    /// How Go's `%v` prints a scalar of an API struct.
    var goText: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .string(let s): return s
        case .array(let items): return "[" + items.map(\.goText).joined(separator: " ") + "]"
        case .object(let members): return "map[" + members.map { "\($0.key):\($0.value.goText)" }.joined(separator: " ") + "]"
        }
    }
}

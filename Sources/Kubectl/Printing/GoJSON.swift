import KubeModel

/// JSON as Go's encoding/json writes it: `json.Marshal` (compact) and `MarshalIndent` with four
/// spaces, HTML characters escaped, and map keys sorted when the value came from an unstructured
/// map (jsonpath prints those).
public enum GoJSON {
    /// `json.Marshal`: no spaces.
    public static func compact(_ value: JSONValue, sortKeys: Bool = true) -> String {
        var out = ""
        write(value, into: &out, indent: nil, depth: 0, sortKeys: sortKeys)
        return out
    }

    /// `json.MarshalIndent(v, "", "    ")`, without a final newline.
    public static func indented(_ value: JSONValue, sortKeys: Bool = false) -> String {
        var out = ""
        write(value, into: &out, indent: "    ", depth: 0, sortKeys: sortKeys)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String, indent: String?, depth: Int, sortKeys: Bool) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += number(d)
        case .string(let s): out += quote(s)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                newline(&out, indent, depth + 1)
                write(item, into: &out, indent: indent, depth: depth + 1, sortKeys: sortKeys)
            }
            newline(&out, indent, depth)
            out += "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            let keys = sortKeys ? members.keys.sorted(by: utf8Less) : Array(members.keys)
            for (index, key) in keys.enumerated() {
                if index > 0 { out += "," }
                newline(&out, indent, depth + 1)
                out += quote(key)
                out += indent == nil ? ":" : ": "
                write(members[key] ?? .null, into: &out, indent: indent, depth: depth + 1, sortKeys: sortKeys)
            }
            newline(&out, indent, depth)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ indent: String?, _ depth: Int) {
        guard let indent else { return }
        out += "\n" + String(repeating: indent, count: depth)
    }

    /// Go's byte order for map keys.
    static func utf8Less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// A JSON string literal with Go's escapes (`<`, `>`, `&` as \u003c, \u003e, \u0026).
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Go's float formatting for JSON: plain digits below 1e21, shortest round-trip form.
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e18 { return String(Int64(d)) }
        let magnitude = abs(d)
        if magnitude < 1e21, magnitude >= 1e-6 {
            let text = "\(d)"
            if !text.contains("e") { return text }
        }
        // Exponent form as Go writes it: 1e+21, 1e-07.
        let text = "\(d)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        let mantissa = text[..<e]
        var exponent = String(text[text.index(after: e)...])
        let sign = exponent.hasPrefix("-") ? "-" : "+"
        exponent = exponent.trimmingPrefix { $0 == "-" || $0 == "+" }.description
        if exponent.count < 2 { exponent = "0" + exponent }
        let cleanMantissa = mantissa.hasSuffix(".0") ? String(mantissa.dropLast(2)) : String(mantissa)
        return cleanMantissa + "e" + sign + exponent
    }
}

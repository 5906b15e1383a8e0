/// JSON as kubectl reads and writes it: Go's `encoding/json` escaping, indentation and
/// number text, and the unstructured decoder's int-or-float numbers.
public enum KubeJSON {
    /// What `-o json` prints: 4-space indent, a final newline. `sortKeys` sorts members by
    /// bytes as Go sorts a map's keys; without it members print in their stored order
    /// (typed objects print in Go struct order, which the caller keeps).
    public static func print(_ value: JSONValue, sortKeys: Bool = true) -> String {
        var writer = JSONWriter(indent: "    ", sortKeys: sortKeys)
        writer.write(value, depth: 0)
        writer.out += "\n"
        return writer.out
    }

    /// One line, no spaces, no newline: `json.Marshal`'s output.
    public static func compact(_ value: JSONValue, sortKeys: Bool = true) -> String {
        var writer = JSONWriter(indent: nil, sortKeys: sortKeys)
        writer.write(value, depth: 0)
        return writer.out
    }

    /// One JSON value, as `json.Unmarshal` reads it; the error detail is Go's message.
    public static func parse(_ text: String) throws(ManifestError) -> JSONValue {
        var reader = JSONReader(Array(text.utf8))
        do throws(JSONSyntaxError) {
            reader.skipSpace()
            guard !reader.atEnd else { throw JSONSyntaxError.endOfInput }
            let value = try reader.value(depth: 0)
            reader.skipSpace()
            if let byte = reader.peek {
                throw JSONSyntaxError.invalid("invalid character \(JSONReader.quote(byte)) after top-level value", reader.index + 1)
            }
            return value
        } catch {
            throw ManifestError(source: "", detail: error.unmarshalMessage)
        }
    }

    /// A JSON string literal with Go's escaping (`\u003c` for `<`, `\n`, `\u2028`…).
    public static func quote(_ s: String) -> String {
        var out = "\""
        JSONWriter.appendEscaped(s, to: &out)
        out += "\""
        return out
    }

    /// The text Go's `encoding/json` writes for a float (`1e+21`, `1e-7`, `0.5`).
    public static func formatDouble(_ value: Double) -> String {
        GoFloat.json(value)
    }
}

/// Sorting as Go's `sort.Strings`: by UTF-8 bytes.
func goStringLess(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}

/// Writes JSON text in `json.Marshal`/`json.MarshalIndent` form.
struct JSONWriter {
    let indent: String?
    let sortKeys: Bool
    var out = ""

    mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        // encoding/json refuses NaN and ±Inf; an object cannot hold them, so null stands in.
        case .double(let d): out += d.isFinite ? GoFloat.json(d) : "null"
        case .string(let s):
            out += "\""
            Self.appendEscaped(s, to: &out)
            out += "\""
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (n, item) in items.enumerated() {
                if n > 0 { out += "," }
                newline(depth + 1)
                write(item, depth: depth + 1)
            }
            newline(depth)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            let keys = sortKeys ? members.keys.sorted(by: goStringLess) : Array(members.keys)
            for (n, key) in keys.enumerated() {
                if n > 0 { out += "," }
                newline(depth + 1)
                out += "\""
                Self.appendEscaped(key, to: &out)
                out += indent == nil ? "\":" : "\": "
                write(members[key] ?? .null, depth: depth + 1)
            }
            newline(depth)
            out += "}"
        }
    }

    private mutating func newline(_ depth: Int) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<depth { out += indent }
    }

    /// Go's `encodeState.string` with HTML escaping on.
    static func appendEscaped(_ s: String, to out: inout String) {
        let hex = Array("0123456789abcdef")
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                fallthrough
            case _ where scalar.value < 0x20:
                let v = Int(scalar.value)
                out += "\\u"
                out.append(hex[(v >> 12) & 0xF])
                out.append(hex[(v >> 8) & 0xF])
                out.append(hex[(v >> 4) & 0xF])
                out.append(hex[v & 0xF])
            default:
                out.unicodeScalars.append(scalar)
            }
        }
    }
}

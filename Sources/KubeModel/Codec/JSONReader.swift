/// A JSON syntax error as Go's scanner reports it.
enum JSONSyntaxError: Error {
    /// Go's `SyntaxError`: its message and offset (bytes read, the bad one included).
    case invalid(String, Int)
    /// The input ended inside a value.
    case endOfInput

    /// As `json.Unmarshal` words it.
    var unmarshalMessage: String {
        switch self {
        case .invalid(let message, _): message
        case .endOfInput: "unexpected end of JSON input"
        }
    }

    /// As kubectl's YAML-or-JSON stream decoder words it.
    var streamMessage: String {
        switch self {
        case .invalid(let message, let offset): "json: offset \(offset): \(message)"
        case .endOfInput: "unexpected EOF"
        }
    }
}

/// Reads JSON values from bytes with Go's `encoding/json` acceptance rules and messages;
/// numbers become `.int` when they fit an Int64, else `.double`, as kubectl's unstructured
/// decoder makes them.
struct JSONReader {
    let bytes: [UInt8]
    var index = 0
    /// Go's scanner refuses nesting past 10000; the printers recurse, so this stays at
    /// libyaml's limit (1000), which no manifest comes near.
    static let maxDepth = 1000

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipSpace() {
        while let b = peek, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { index += 1 }
    }

    private func fail(_ context: String) -> JSONSyntaxError {
        guard let b = peek else { return .endOfInput }
        return .invalid("invalid character \(Self.quote(b)) \(context)", index + 1)
    }

    mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard let b = peek else { throw .endOfInput }
        switch b {
        case UInt8(ascii: "{"):
            guard depth < Self.maxDepth else { throw .invalid("exceeded max depth", index + 1) }
            return try object(depth: depth + 1)
        case UInt8(ascii: "["):
            guard depth < Self.maxDepth else { throw .invalid("exceeded max depth", index + 1) }
            return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail("looking for beginning of value")
        }
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var members = JSONObject()
        skipSpace()
        if peek == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else { throw fail("looking for beginning of object key string") }
            let key = try string()
            skipSpace()
            guard peek == UInt8(ascii: ":") else { throw fail("after object key") }
            index += 1
            skipSpace()
            members[key] = try value(depth: depth)
            skipSpace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(members)
            default: throw fail("after object key:value pair")
            }
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if peek == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth))
            skipSpace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(items)
            default: throw fail("after array element")
            }
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        for want in word.utf8 {
            guard let b = peek else { throw .endOfInput }
            if b != want { throw fail("in literal \(word) (expecting \(Self.quote(want)))") }
            index += 1
        }
    }

    private mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        if peek == UInt8(ascii: "-") {
            index += 1
            guard let b = peek else { throw .endOfInput }
            guard isDigit(b) else { throw fail("in numeric literal") }
        }
        if peek == UInt8(ascii: "0") {
            index += 1
        } else {
            while let b = peek, isDigit(b) { index += 1 }
        }
        if peek == UInt8(ascii: ".") {
            index += 1
            guard let b = peek else { throw .endOfInput }
            guard isDigit(b) else { throw fail("after decimal point in numeric literal") }
            while let b = peek, isDigit(b) { index += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard let b = peek else { throw .endOfInput }
            guard isDigit(b) else { throw fail("in exponent of numeric literal") }
            while let b = peek, isDigit(b) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if let i = Int(text) { return .int(i) }
        if let d = Double(text), d.isFinite { return .double(d) }
        throw .invalid("json: cannot unmarshal number \(text) into Go value of type float64", index)
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// A string literal; invalid UTF-8 and lone surrogates become U+FFFD as in Go.
    mutating func string() throws(JSONSyntaxError) -> String {
        index += 1
        var out: [UInt8] = []
        while true {
            guard let b = peek else { throw .endOfInput }
            if b == UInt8(ascii: "\"") { index += 1; break }
            if b < 0x20 { throw fail("in string literal") }
            if b != UInt8(ascii: "\\") { out.append(b); index += 1; continue }
            index += 1
            guard let e = peek else { throw .endOfInput }
            index += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var unit = try hex4()
                if (0xD800..<0xDC00).contains(unit), peek == UInt8(ascii: "\\"),
                   index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") {
                    let save = index
                    index += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        index = save
                        unit = 0xFFFD
                    }
                } else if (0xD800..<0xE000).contains(unit) {
                    unit = 0xFFFD
                }
                out.append(contentsOf: Array(String(Unicode.Scalar(unit) ?? "\u{FFFD}").utf8))
            default:
                index -= 1
                throw fail("in string escape code")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let b = peek else { throw .endOfInput }
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            default: throw fail("in \\u hexadecimal character escape")
            }
            v = v * 16 + digit
            index += 1
        }
        return v
    }

    /// Go's `quoteChar`: the byte as a rune in single quotes, escaped as `strconv.Quote` does.
    static func quote(_ byte: UInt8) -> String {
        if byte == UInt8(ascii: "'") { return "'\\''" }
        if byte == UInt8(ascii: "\"") { return "'\"'" }
        switch byte {
        case 0x07: return "'\\a'"
        case 0x08: return "'\\b'"
        case 0x0C: return "'\\f'"
        case 0x0A: return "'\\n'"
        case 0x0D: return "'\\r'"
        case 0x09: return "'\\t'"
        case 0x0B: return "'\\v'"
        case 0x5C: return "'\\\\'"
        default: break
        }
        let hex = Array("0123456789abcdef")
        if byte < 0x20 || byte == 0x7F {
            return "'\\x" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)]) + "'"
        }
        if (0x80...0xA0).contains(byte) || byte == 0xAD {
            return "'\\u00" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)]) + "'"
        }
        return "'" + String(Character(Unicode.Scalar(byte))) + "'"
    }
}

import KubeModel

/// Go's fmt verbs and text/template comparisons over values decoded into interface{}.
enum GoFormat {
    /// `%v`.
    static func plain(_ value: JSONValue) -> String {
        switch value {
        case .null: "<nil>"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): float(d)
        case .string(let s): s
        case .array(let items): "[" + items.map(plain).joined(separator: " ") + "]"
        case .object(let members):
            "map[" + members.keys.sorted(by: GoJSON.utf8Less).map { "\($0):\(plain(members[$0] ?? .null))" }.joined(separator: " ") + "]"
        }
    }

    /// `%#v`, as the jsonpath error dump prints the object.
    static func sharp(_ value: JSONValue) -> String {
        switch value {
        case .null: "interface {}(nil)"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): float(d)
        case .string(let s): FlagParsing.goQuote(s)
        case .array(let items): "[]interface {}{" + items.map(sharp).joined(separator: ", ") + "}"
        case .object(let members):
            "map[string]interface {}{"
                + members.keys.sorted(by: GoJSON.utf8Less).map { "\(FlagParsing.goQuote($0)):\(sharp(members[$0] ?? .null))" }
                .joined(separator: ", ") + "}"
        }
    }

    /// The Go type behind a decoded value, for error messages.
    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "<nil>"
        case .bool: "bool"
        case .int: "int64"
        case .double: "float64"
        case .string: "string"
        case .array: "[]interface {}"
        case .object: "map[string]interface {}"
        }
    }

    /// strconv.FormatFloat(d, 'g', -1, 64): shortest digits, exponent form from 1e+06 or below 1e-04.
    static func float(_ d: Double) -> String {
        guard d.isFinite else { return d.isNaN ? "NaN" : (d < 0 ? "-Inf" : "+Inf") }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        let magnitude = abs(d)
        if magnitude >= 1e-4, magnitude < 1e6 {
            if d == d.rounded() { return String(Int64(d)) }
            let text = "\(d)"
            if !text.contains("e") { return text }
        }
        // Exponent form: shortest digits of the mantissa, two-digit exponent at least.
        var exponent = Int(magnitude.exponentBitPattern) == 0 ? 0 : Int((log10(magnitude)).rounded(.down))
        var mantissa = d / pow10(exponent)
        if abs(mantissa) >= 10 { mantissa /= 10; exponent += 1 }
        if abs(mantissa) < 1 { mantissa *= 10; exponent -= 1 }
        var digits = "\(mantissa)"
        if digits.hasSuffix(".0") { digits = String(digits.dropLast(2)) }
        let sign = exponent < 0 ? "-" : "+"
        let e = String(abs(exponent))
        return digits + "e" + sign + (e.count < 2 ? "0" + e : e)
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(n) { result *= 10 }
        return n < 0 ? 1 / result : result
    }

    private static func log10(_ x: Double) -> Double {
        var value = x
        var result = 0.0
        while value >= 10 { value /= 10; result += 1 }
        while value < 1 { value *= 10; result -= 1 }
        return result
    }

    /// text/template's eq, ne, lt, le, gt, ge on basic values.
    static func compare(_ left: JSONValue, _ op: String, _ right: JSONValue) throws(JSONPathError) -> Bool {
        let order: Int
        switch (left, right) {
        case let (.string(a), .string(b)): order = a == b ? 0 : (a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1)
        case let (.int(a), .int(b)): order = a == b ? 0 : (a < b ? -1 : 1)
        case let (.double(a), .double(b)): order = a == b ? 0 : (a < b ? -1 : 1)
        case let (.bool(a), .bool(b)):
            guard op == "==" || op == "!=" else { throw JSONPathError(message: "invalid type for comparison") }
            order = a == b ? 0 : 1
        case (.object, _), (.array, _), (.null, _), (_, .object), (_, .array), (_, .null):
            throw JSONPathError(message: "invalid type for comparison")
        default:
            throw JSONPathError(message: "incompatible types for comparison")
        }
        switch op {
        case "==": return order == 0
        case "!=": return order != 0
        case "<": return order < 0
        case "<=": return order <= 0
        case ">": return order > 0
        case ">=": return order >= 0
        default: throw JSONPathError(message: "unrecognized filter operator \(op)")
        }
    }
}

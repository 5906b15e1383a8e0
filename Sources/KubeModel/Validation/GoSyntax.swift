/// Go's `fmt` renderings that API server messages embed (`%q`, `%#v` of maps and selectors).
public enum GoSyntax {
    /// Go's `strconv.Quote`: printable characters kept, quotes, backslashes and controls escaped.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hex(scalar.value, width: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `%#v` of a `map[string]string`: keys sorted, `nil` maps as `map[string]string(nil)`.
    public static func stringMap(_ map: [String: String]?) -> String {
        guard let map else { return "map[string]string(nil)" }
        let members = map.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            .map { quote($0.key) + ":" + quote($0.value) }
        return "map[string]string{" + members.joined(separator: ", ") + "}"
    }

    /// `%#v` of a `[]string`.
    public static func stringSlice(_ values: [String]?) -> String {
        guard let values else { return "[]string(nil)" }
        return "[]string{" + values.map(quote).joined(separator: ", ") + "}"
    }

    /// `%#v` of a `v1.LabelSelector` given as JSON (`matchLabels`, `matchExpressions`).
    public static func labelSelector(_ selector: JSONValue?) -> String {
        let labels = selector?["matchLabels"]?.objectValue.map { members in
            var map: [String: String] = [:]
            for (key, value) in members { map[key] = value.stringValue ?? "" }
            return map
        }
        var expressions = "[]v1.LabelSelectorRequirement(nil)"
        if let list = selector?["matchExpressions"]?.arrayValue {
            let items = list.map { item -> String in
                let key = quote(item["key"]?.stringValue ?? "")
                let op = quote(item["operator"]?.stringValue ?? "")
                let values = stringSlice(item["values"]?.arrayValue.map { $0.map { $0.stringValue ?? "" } })
                return "v1.LabelSelectorRequirement{Key:\(key), Operator:\(op), Values:\(values)}"
            }
            expressions = "[]v1.LabelSelectorRequirement{" + items.joined(separator: ", ") + "}"
        }
        return "v1.LabelSelector{MatchLabels:\(stringMap(labels)), MatchExpressions:\(expressions)}"
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

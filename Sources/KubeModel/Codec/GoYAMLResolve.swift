/// go-yaml v2's `resolve`: what an untagged plain scalar means (YAML 1.1 booleans, octal
/// ints, `~`…). The printer quotes any string that would not read back as a string.
enum GoYAMLResolve {
    enum Resolved: Equatable {
        case null
        case bool(Bool)
        case int(Int64)
        case uint(UInt64)
        case float(Double)
        /// A date or date-time; go-yaml hands it to an `interface{}` as the string itself.
        case timestamp
        case string
    }

    private static let table: [String: Resolved] = {
        var t: [String: Resolved] = [:]
        for s in ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"] { t[s] = .bool(true) }
        for s in ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"] { t[s] = .bool(false) }
        for s in ["", "~", "null", "Null", "NULL"] { t[s] = .null }
        for s in [".nan", ".NaN", ".NAN"] { t[s] = .float(.nan) }
        for s in [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"] { t[s] = .float(.infinity) }
        for s in ["-.inf", "-.Inf", "-.INF"] { t[s] = .float(-.infinity) }
        return t
    }()

    /// `resolve("", s)`, the implicit resolution of a plain scalar.
    static func plain(_ s: String) -> Resolved {
        guard let first = s.utf8.first else { return .null }
        let hint: UInt8
        switch first {
        case UInt8(ascii: "+"), UInt8(ascii: "-"): hint = UInt8(ascii: "S")
        case UInt8(ascii: "0")...UInt8(ascii: "9"): hint = UInt8(ascii: "D")
        case UInt8(ascii: "."): hint = UInt8(ascii: ".")
        default:
            if "yYnNtTfFoO~".utf8.contains(first) { return table[s] ?? .string }
            return .string
        }
        if let item = table[s] { return item }
        if hint == UInt8(ascii: ".") {
            if let f = goParseFloat(s) { return .float(f) }
            return .string
        }
        if isTimestamp(s) { return .timestamp }
        let plain = s.replacingAll("_", with: "")
        if let i = goParseInt(plain) { return .int(i) }
        if let u = goParseUint(plain) { return .uint(u) }
        if isYAMLStyleFloat(plain), let f = goParseFloat(plain) { return .float(f) }
        return .string
    }

    /// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`: quoted on output though never read as a number.
    static func isBase60Float(_ s: String) -> Bool {
        var b = Array(s.utf8)[...]
        if let f = b.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { b = b.dropFirst() }
        guard let f = b.first, isDigit(f) else { return false }
        b = b.dropFirst()
        while let c = b.first, isDigit(c) || c == UInt8(ascii: "_") { b = b.dropFirst() }
        var groups = 0
        while b.first == UInt8(ascii: ":") {
            b = b.dropFirst()
            let digits = Array(b.prefix(2))
            if digits.count == 2, isDigit(digits[0]), isDigit(digits[1]), digits[0] <= UInt8(ascii: "5") {
                b = b.dropFirst(2)
            } else if let c = b.first, isDigit(c) {
                b = b.dropFirst()
            } else {
                return false
            }
            groups += 1
        }
        guard groups > 0 else { return false }
        if b.first == UInt8(ascii: ".") {
            b = b.dropFirst()
            while let c = b.first, isDigit(c) || c == UInt8(ascii: "_") { b = b.dropFirst() }
        }
        return b.isEmpty
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
    static func isYAMLStyleFloat(_ s: String) -> Bool {
        var b = Array(s.utf8)[...]
        if let f = b.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { b = b.dropFirst() }
        var intDigits = 0
        while let c = b.first, isDigit(c) { b = b.dropFirst(); intDigits += 1 }
        if b.first == UInt8(ascii: ".") {
            b = b.dropFirst()
            var frac = 0
            while let c = b.first, isDigit(c) { b = b.dropFirst(); frac += 1 }
            if intDigits == 0 && frac == 0 { return false }
        } else if intDigits == 0 {
            return false
        }
        if let e = b.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            b = b.dropFirst()
            if let f = b.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { b = b.dropFirst() }
            var n = 0
            while let c = b.first, isDigit(c) { b = b.dropFirst(); n += 1 }
            if n == 0 { return false }
        }
        return b.isEmpty
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// `strconv.ParseInt(s, 0, 64)`.
    static func goParseInt(_ s: String) -> Int64? {
        var body = Substring(s)
        var negative = false
        if let f = body.first, f == "+" || f == "-" {
            negative = f == "-"
            body = body.dropFirst()
        }
        guard let magnitude = goParseUint(String(body)) else { return nil }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            return magnitude <= UInt64(Int64.max) ? -Int64(magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// `strconv.ParseUint(s, 0, 64)`: `0x`, `0o`, `0b` and a leading `0` pick the base.
    static func goParseUint(_ s: String) -> UInt64? {
        var body = Substring(s)
        var radix = 10
        let lower = body.lowercased()
        if lower.hasPrefix("0x") { radix = 16; body = body.dropFirst(2) }
        else if lower.hasPrefix("0o") { radix = 8; body = body.dropFirst(2) }
        else if lower.hasPrefix("0b") { radix = 2; body = body.dropFirst(2) }
        else if body.count > 1 && body.hasPrefix("0") { radix = 8; body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isHexDigit }) else { return nil }
        return UInt64(body, radix: radix)
    }

    /// `strconv.ParseFloat(s, 64)` for the decimal forms go-yaml lets through; out of range is an error.
    static func goParseFloat(_ s: String) -> Double? {
        guard !s.isEmpty, s.utf8.allSatisfy({ isDigit($0) || "+-.eE".utf8.contains($0) }) else {
            return nil
        }
        guard let d = Double(s), d.isFinite else { return nil }
        return d
    }

    /// go-yaml's `parseTimestamp`: the four layouts it tries with `time.Parse`.
    static func isTimestamp(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count >= 6, b[0..<4].allSatisfy(isDigit), b[4] == UInt8(ascii: "-") else { return false }
        var i = 5
        func number(max: Int) -> Int? {
            var n = 0
            var v = 0
            while i < b.count, isDigit(b[i]), n < max { v = v * 10 + Int(b[i] - 48); i += 1; n += 1 }
            return n == 0 ? nil : v
        }
        let year = b[0..<4].reduce(0) { $0 * 10 + Int($1 - 48) }
        guard let month = number(max: 2), (1...12).contains(month), i < b.count, b[i] == UInt8(ascii: "-") else {
            return false
        }
        i += 1
        guard let day = number(max: 2), day >= 1, day <= daysIn(month: month, year: year) else { return false }
        if i == b.count { return true }
        let separator = b[i]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ") else {
            return false
        }
        i += 1
        guard let hour = number(max: 2), hour < 24, i < b.count, b[i] == UInt8(ascii: ":") else { return false }
        i += 1
        guard let minute = number(max: 2), minute < 60, i < b.count, b[i] == UInt8(ascii: ":") else { return false }
        i += 1
        guard let second = number(max: 2), second < 60 else { return false }
        if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
            i += 1
            guard i < b.count, isDigit(b[i]) else { return false }
            while i < b.count, isDigit(b[i]) { i += 1 }
        }
        if separator == UInt8(ascii: " ") { return i == b.count }
        guard i < b.count else { return false }
        if b[i] == UInt8(ascii: "Z") { return i + 1 == b.count }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return false }
        let zone = Array(b[(i + 1)...])
        guard zone.count == 5, isDigit(zone[0]), isDigit(zone[1]), zone[2] == UInt8(ascii: ":"),
              isDigit(zone[3]), isDigit(zone[4]) else { return false }
        return Int(zone[0] - 48) * 10 + Int(zone[1] - 48) < 24 && Int(zone[3] - 48) * 10 + Int(zone[4] - 48) < 60
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension String {
    /// Every `target` removed or replaced; Foundation-free.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self {
            if ch == target { out += replacement } else { out.append(ch) }
        }
        return out
    }
}

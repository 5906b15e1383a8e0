/// Go's `strconv.FormatFloat` with precision -1 (shortest round-trip digits) for the
/// formats the printers need: JSON's `f`/`e` choice and YAML's `g`.
enum GoFloat {
    /// Shortest decimal digits of a finite value: value = 0.d₁d₂… × 10^point.
    struct Decimal {
        var negative: Bool
        var digits: [UInt8]
        var point: Int
    }

    /// The shortest digits, taken from Swift's own shortest round-trip description.
    static func decimal(_ value: Double, float32: Bool = false) -> Decimal {
        let text = float32 ? Float(value).magnitude.description : value.magnitude.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[text.startIndex..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        for ch in mantissa.utf8 {
            if ch == UInt8(ascii: ".") { seenPoint = true; continue }
            guard ch >= 48, ch <= 57 else { continue }
            digits.append(ch - 48)
            if !seenPoint { point += 1 }
        }
        point += exponent
        while let first = digits.first, first == 0 {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == 0 { digits.removeLast() }
        if digits.isEmpty { point = 0 }
        return Decimal(negative: value.sign == .minus, digits: digits, point: point)
    }

    /// `FormatFloat(v, 'f', -1, 64)`.
    static func fixed(_ d: Decimal) -> String {
        var s = d.negative ? "-" : ""
        let digits = d.digits.map { Character(Unicode.Scalar($0 + 48)) }
        if digits.isEmpty { return s + "0" }
        if d.point <= 0 {
            s += "0." + String(repeating: "0", count: -d.point) + String(digits)
        } else if d.point >= digits.count {
            s += String(digits) + String(repeating: "0", count: d.point - digits.count)
        } else {
            s += String(digits[..<d.point]) + "." + String(digits[d.point...])
        }
        return s
    }

    /// `FormatFloat(v, 'e', -1, 64)`: `d.ddde±XX`.
    static func exponential(_ d: Decimal) -> String {
        var s = d.negative ? "-" : ""
        let digits = d.digits.map { Character(Unicode.Scalar($0 + 48)) }
        guard let first = digits.first else { return s + "0e+00" }
        s.append(first)
        if digits.count > 1 { s += "." + String(digits.dropFirst()) }
        let exp = d.point - 1
        s += exp < 0 ? "e-" : "e+"
        let magnitude = String(abs(exp))
        s += magnitude.count < 2 ? "0" + magnitude : magnitude
        return s
    }

    /// `FormatFloat(v, 'g', -1, bits)` as go-yaml v2 prints floats, with its `.inf`/`.nan` names.
    static func yaml(_ value: Double, float32: Bool = false) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        let d = decimal(value, float32: float32)
        let exp = d.point - 1
        if !d.digits.isEmpty && (exp < -4 || exp >= 6) { return exponential(d) }
        return fixed(d)
    }

    /// Go's `encoding/json` float text: `f` between 1e-6 and 1e21, else `e` with `e-07` cut to `e-7`.
    static func json(_ value: Double) -> String {
        let magnitude = value.magnitude
        let d = decimal(value)
        guard magnitude != 0, magnitude < 1e-6 || magnitude >= 1e21 else { return fixed(d) }
        var s = exponential(d)
        let bytes = Array(s.utf8)
        let n = bytes.count
        if n >= 4, bytes[n - 4] == UInt8(ascii: "e"), bytes[n - 3] == UInt8(ascii: "-"), bytes[n - 2] == UInt8(ascii: "0") {
            s = String(decoding: bytes[..<(n - 2)] + bytes[(n - 1)...], as: UTF8.self)
        }
        return s
    }
}

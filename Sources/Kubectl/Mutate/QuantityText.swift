import KubeModel

/// How a `resource.Quantity` serializes after `ParseQuantity` (kubectl's local output): the
/// string as typed when it is already canonical, else the canonical form (`1000m` → `1`,
/// `1024Mi` → `1Gi`, `0.5` → `500m`). Values beyond Int64 keep the text as typed.
enum QuantityText {
    static let decimalSuffixes: [Int: String] = [-9: "n", -6: "u", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E"]
    static let binarySuffixes: [String: Int] = ["Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60]

    static func canonical(_ text: String) -> String {
        guard Quantity.parseError(text) == nil, text != "0" else { return text }
        var rest = Substring(text)
        var negative = false
        if rest.first == "-" || rest.first == "+" {
            negative = rest.first == "-"
            rest = rest.dropFirst()
        }
        let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let suffix = String(rest.dropFirst(number.count))
        let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = String(parts.first ?? ""), fraction = parts.count > 1 ? String(parts[1]) : ""
        let shifted = whole + fraction
        guard let digits = Int64(shifted.isEmpty ? "0" : shifted) else { return text }
        if digits == 0 { return "0" }
        let sign = negative ? "-" : ""
        if let power = binarySuffixes[suffix] {
            // Binary: typed text stays when it has no fraction and the value is not a multiple of 8.
            if fraction.isEmpty, digits & 7 != 0 { return text }
            return binary(digits: digits, fractionDigits: fraction.count, power: power, sign: sign) ?? text
        }
        var exponent = 0
        var exponentForm = false
        if let e = decimalSuffixes.first(where: { $0.value == suffix && !suffix.isEmpty })?.key {
            exponent = e
        } else if let first = suffix.first, first == "e" || first == "E", let e = Int(suffix.dropFirst()) {
            exponent = e
            exponentForm = true
        }
        let scale = exponent - fraction.count
        if scale % 3 == 0, !shifted.hasSuffix("000"), shifted.first != "0", scale >= -9 { return text }
        return decimal(mantissa: digits, scale: scale, exponentForm: exponentForm, sign: sign) ?? text
    }

    /// AsCanonicalBytes: an integer mantissa with an exponent that is a multiple of 3 (nano at least, rounded up).
    static func decimal(mantissa: Int64, scale: Int, exponentForm: Bool, sign: String) -> String? {
        var mantissa = mantissa, scale = scale
        if scale < -9 {
            var divisor: Int64 = 1
            for _ in 0..<(-9 - scale) {
                let (next, overflow) = divisor.multipliedReportingOverflow(by: 10)
                if overflow { return "1n" }
                divisor = next
            }
            mantissa = (mantissa + divisor - 1) / divisor
            scale = -9
        }
        while mantissa % 10 == 0, mantissa != 0 {
            mantissa /= 10
            scale += 1
        }
        var remainder = ((scale % 3) + 3) % 3
        while remainder > 0 {
            let (next, overflow) = mantissa.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            mantissa = next
            scale -= 1
            remainder -= 1
        }
        if exponentForm { return sign + String(mantissa) + (scale == 0 ? "" : "e\(scale)") }
        guard let suffix = decimalSuffixes[scale] else { return sign + String(mantissa) + "e\(scale)" }
        return sign + String(mantissa) + suffix
    }

    /// AsCanonicalBase1024Bytes: the largest binary suffix with an integer mantissa; below 1Ki, decimal.
    static func binary(digits: Int64, fractionDigits: Int, power: Int, sign: String) -> String? {
        var value = digits
        for _ in 0..<power {
            let (next, overflow) = value.multipliedReportingOverflow(by: 2)
            if overflow { return nil }
            value = next
        }
        var divisor: Int64 = 1
        for _ in 0..<fractionDigits { divisor *= 10 }
        guard value % divisor == 0 else {
            return decimal(mantissa: digits, scale: -fractionDigits, exponentForm: false, sign: sign)
        }
        value /= divisor
        if value < 1024 { return decimal(mantissa: value, scale: 0, exponentForm: false, sign: sign) }
        var exponent = 0
        while value % 1024 == 0, exponent < 60 {
            value /= 1024
            exponent += 10
        }
        let names = [0: "", 10: "Ki", 20: "Mi", 30: "Gi", 40: "Ti", 50: "Pi", 60: "Ei"]
        return sign + String(value) + (names[exponent] ?? "")
    }
}

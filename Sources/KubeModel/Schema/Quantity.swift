/// `resource.ParseQuantity`'s acceptance rules and error texts (apimachinery `api/resource/quantity.go`).
public enum Quantity {
    public static let formatError =
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
    public static let numericError = "unable to parse numeric part of quantity"
    public static let suffixError = "unable to parse quantity's suffix"

    /// nil when `text` parses as a quantity, else the error `ParseQuantity` returns.
    public static func parseError(_ text: String) -> String? {
        let s = Array(text.utf8)
        if s.isEmpty { return formatError }
        if s == Array("0".utf8) { return nil }
        var pos = 0
        if s[0] == UInt8(ascii: "-") || s[0] == UInt8(ascii: "+") { pos = 1 }
        if pos == s.count { return nil }  // a bare sign reads as zero
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        // Numerator (leading zeros included: they only matter for the value).
        let numStart = pos
        while pos < s.count, isDigit(s[pos]) { pos += 1 }
        var digits = pos - numStart
        if pos < s.count, s[pos] == UInt8(ascii: ".") {
            pos += 1
            let denomStart = pos
            while pos < s.count, isDigit(s[pos]) { pos += 1 }
            digits += pos - denomStart
        }
        if pos == s.count { return digits > 0 ? nil : numericError }
        let suffixStart = pos
        let suffixChars = Set("eEinumkKMGTP".utf8)
        while pos < s.count, suffixChars.contains(s[pos]) { pos += 1 }
        if pos < s.count, s[pos] == UInt8(ascii: "-") || s[pos] == UInt8(ascii: "+") { pos += 1 }
        while pos < s.count, isDigit(s[pos]) { pos += 1 }
        if pos < s.count { return formatError }
        let suffix = String(decoding: s[suffixStart...], as: UTF8.self)
        guard isKnownSuffix(suffix) else { return suffixError }
        return digits > 0 ? nil : numericError
    }

    /// The suffixes `quantitySuffixer.interpret` accepts: SI, binary, or an `e`/`E` exponent.
    static func isKnownSuffix(_ suffix: String) -> Bool {
        let known: Set<String> = ["", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]
        if known.contains(suffix) { return true }
        guard let first = suffix.first, first == "e" || first == "E", suffix.count > 1 else { return false }
        var rest = suffix.dropFirst()
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// Go's `base64.StdEncoding.Decode` acceptance (padding required, \r and \n skipped).
enum GoBase64 {
    /// nil when valid, else `illegal base64 data at input byte N`.
    static func decodeError(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        func isAlphabet(_ c: UInt8) -> Bool {
            (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 43 || c == 47
        }
        var i = 0
        while true {
            var quantum = 0
            while quantum < 4 {
                while i < bytes.count, bytes[i] == 10 || bytes[i] == 13 { i += 1 }
                if i == bytes.count {
                    if quantum == 0 { return nil }
                    return "illegal base64 data at input byte \(i - quantum)"
                }
                let c = bytes[i]
                i += 1
                if c == 61 {  // '=': padding ends the input
                    if quantum < 2 { return "illegal base64 data at input byte \(i - 1)" }
                    if quantum == 2 {
                        while i < bytes.count, bytes[i] == 10 || bytes[i] == 13 { i += 1 }
                        if i == bytes.count || bytes[i] != 61 { return "illegal base64 data at input byte \(i)" }
                        i += 1
                    }
                    while i < bytes.count, bytes[i] == 10 || bytes[i] == 13 { i += 1 }
                    return i < bytes.count ? "illegal base64 data at input byte \(i)" : nil
                }
                if !isAlphabet(c) { return "illegal base64 data at input byte \(i - 1)" }
                quantum += 1
            }
        }
    }
}

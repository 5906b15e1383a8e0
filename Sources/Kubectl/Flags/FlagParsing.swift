import KubeModel
/// Go's strconv and time parsers as pflag calls them, with their error texts.
enum FlagParsing {
    /// strconv.ParseBool.
    static func parseBool(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "TRUE", "true", "True": true
        case "0", "f", "F", "FALSE", "false", "False": false
        default: nil
        }
    }

    /// strconv.ParseInt(text, 0, bits): sign, 0x/0o/0b/0 prefixes, underscores after a prefix.
    static func parseInt(_ text: String, bits: Int) -> Int? {
        if case .success(let value) = parseIntResult(text, bits: bits) { return value }
        return nil
    }

    /// The value, or strconv's complaint (`invalid syntax` / `value out of range`).
    static func parseIntResult(_ text: String, bits: Int) -> Result<Int, FlagParseFailure> {
        let syntax = FlagParseFailure(message: "strconv.ParseInt: parsing \(goQuote(text)): invalid syntax")
        let range = FlagParseFailure(message: "strconv.ParseInt: parsing \(goQuote(text)): value out of range")
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "+" || first == "-" {
            negative = first == "-"
            body = body.dropFirst()
        }
        var base = 10
        var prefixed = false
        let lower = body.lowercased()
        if lower.hasPrefix("0x") { base = 16; body = body.dropFirst(2); prefixed = true }
        else if lower.hasPrefix("0o") { base = 8; body = body.dropFirst(2); prefixed = true }
        else if lower.hasPrefix("0b") { base = 2; body = body.dropFirst(2); prefixed = true }
        else if body.count > 1, body.first == "0" { base = 8; body = body.dropFirst(); prefixed = true }
        if body.isEmpty { return .failure(syntax) }
        if body.contains("_") {
            // Go accepts underscores only between digits and only with a base prefix.
            guard prefixed, !body.hasPrefix("_"), !body.hasSuffix("_"), !body.contains("__") else { return .failure(syntax) }
            body = Substring(body.filter { $0 != "_" })
        }
        var magnitude: UInt64 = 0
        var overflow = false
        for character in body {
            guard let digit = character.hexDigitValue, digit < base else { return .failure(syntax) }
            let (times, o1) = magnitude.multipliedReportingOverflow(by: UInt64(base))
            let (sum, o2) = times.addingReportingOverflow(UInt64(digit))
            if o1 || o2 { overflow = true }
            magnitude = sum
        }
        let limit = UInt64(1) << UInt64(bits - 1)
        if overflow || (!negative && magnitude >= limit) || (negative && magnitude > limit) { return .failure(range) }
        return .success(negative ? -Int(truncatingIfNeeded: magnitude) : Int(truncatingIfNeeded: magnitude))
    }

    /// time.ParseDuration, in nanoseconds.
    static func parseDuration(_ text: String) -> Result<Int64, FlagParseFailure> {
        let quoted = goQuote(text)
        let invalid = FlagParseFailure(message: "time: invalid duration \(quoted)")
        var rest = Substring(text)
        var negative = false
        if let first = rest.first, first == "+" || first == "-" {
            negative = first == "-"
            rest = rest.dropFirst()
        }
        if rest == "0" { return .success(0) }
        if rest.isEmpty { return .failure(invalid) }
        var total: Double = 0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, number != ".", number.filter({ $0 == "." }).count <= 1, let value = Double(number) else {
                return .failure(invalid)
            }
            rest = rest.dropFirst(number.count)
            let unit = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            if unit.isEmpty { return .failure(FlagParseFailure(message: "time: missing unit in duration \(quoted)")) }
            rest = rest.dropFirst(unit.count)
            guard let scale = durationUnits[String(unit)] else {
                return .failure(FlagParseFailure(message: "time: unknown unit \(goQuote(String(unit))) in duration \(quoted)"))
            }
            total += value * scale
        }
        guard total < 9.2e18 else { return .failure(invalid) }
        return .success(Int64(negative ? -total : total))
    }

    private static let durationUnits: [String: Double] = [
        "ns": 1, "us": 1e3, "µs": 1e3, "μs": 1e3, "ms": 1e6, "s": 1e9, "m": 60e9, "h": 3600e9,
    ]

    /// A StringSlice value split the way pflag's CSV reader does (quotes group commas).
    static func splitSlice(_ value: String) -> [String] {
        if value.isEmpty { return [] }
        var fields: [String] = []
        var current = ""
        var quoted = false
        for character in value {
            if character == "\"" { quoted.toggle(); continue }
            if character == ",", !quoted {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }

    /// Go's `%q` for ordinary text.
    static func goQuote(_ text: String) -> String { GoSyntax.quote(text) }
}

/// Why a flag value did not parse, in Go's words.
struct FlagParseFailure: Error {
    let message: String
}

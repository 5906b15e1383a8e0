/// One field of a cron spec turned into a bit set, with robfig/cron v3's rules and messages.
enum CronField {
    struct Bounds: Sendable {
        var min: Int
        var max: Int
        var names: [String: Int] = [:]

        static let minutes = Bounds(min: 0, max: 59)
        static let hours = Bounds(min: 0, max: 23)
        static let daysOfMonth = Bounds(min: 1, max: 31)
        static let months = Bounds(min: 1, max: 12, names: [
            "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
            "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
        ])
        static let daysOfWeek = Bounds(min: 0, max: 6, names: [
            "sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6,
        ])
    }

    /// `getField`: the union of the comma-separated ranges (empty pieces are skipped, as `FieldsFunc` does).
    static func bits(_ field: Substring, _ bounds: Bounds) throws(CronParseError) -> UInt64 {
        var bits: UInt64 = 0
        for piece in field.split(separator: ",") { bits |= try rangeBits(piece, bounds) }
        return bits
    }

    /// `getRange`: `*`, `?`, `n`, `a-b`, each with an optional `/step`.
    static func rangeBits(_ expr: Substring, _ bounds: Bounds) throws(CronParseError) -> UInt64 {
        let rangeAndStep = expr.split(separator: "/", omittingEmptySubsequences: false)
        let lowAndHigh = rangeAndStep[0].split(separator: "-", omittingEmptySubsequences: false)
        let singleDigit = lowAndHigh.count == 1
        var start: Int
        var end: Int
        var extra: UInt64 = 0
        if lowAndHigh[0] == "*" || lowAndHigh[0] == "?" {
            start = bounds.min
            end = bounds.max
            extra = CronExpression.starBit
        } else {
            start = try intOrName(lowAndHigh[0], bounds.names)
            switch lowAndHigh.count {
            case 1: end = start
            case 2: end = try intOrName(lowAndHigh[1], bounds.names)
            default: throw CronParseError("too many hyphens: \(expr)")
            }
        }
        var step = 1
        switch rangeAndStep.count {
        case 1: break
        case 2:
            step = try integer(rangeAndStep[1])
            if singleDigit { end = bounds.max }
            if step > 1 { extra = 0 }
        default: throw CronParseError("too many slashes: \(expr)")
        }
        if start < bounds.min { throw CronParseError("beginning of range (\(start)) below minimum (\(bounds.min)): \(expr)") }
        if end > bounds.max { throw CronParseError("end of range (\(end)) above maximum (\(bounds.max)): \(expr)") }
        if start > end { throw CronParseError("beginning of range (\(start)) beyond end of range (\(end)): \(expr)") }
        if step == 0 { throw CronParseError("step of range should be a positive number: \(expr)") }
        return range(start, end, step) | extra
    }

    /// `getBits`: every `step`th value from `min` to `max` (both within 0...62).
    static func range(_ min: Int, _ max: Int, _ step: Int) -> UInt64 {
        guard min >= 0, max <= 62, min <= max, step > 0 else { return 0 }
        var bits: UInt64 = 0
        for value in stride(from: min, through: max, by: step) { bits |= 1 << UInt64(value) }
        return bits
    }

    private static func intOrName(_ text: Substring, _ names: [String: Int]) throws(CronParseError) -> Int {
        if let value = names[text.lowercased()] { return value }
        return try integer(text)
    }

    /// `mustParseInt`: `strconv.Atoi`, then no negatives.
    private static func integer(_ text: Substring) throws(CronParseError) -> Int {
        let digits = text.hasPrefix("+") || text.hasPrefix("-") ? text.dropFirst() : text
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw CronParseError("failed to parse int from \(text): strconv.Atoi: parsing \"\(text)\": invalid syntax")
        }
        guard let magnitude = Int(digits), magnitude <= Int(Int64.max) else {
            throw CronParseError("failed to parse int from \(text): strconv.Atoi: parsing \"\(text)\": value out of range")
        }
        let value = text.hasPrefix("-") ? -magnitude : magnitude
        if value < 0 { throw CronParseError("negative number (\(value)) not allowed: \(text)") }
        return value
    }
}

/// Go's `time.ParseDuration` for the forms people write (`90s`, `1h30m`, `1.5h`, `500ms`).
enum GoDuration {
    static func parse(_ text: String) -> Int64? {
        var rest = Substring(text)
        var negative = false
        if rest.first == "-" || rest.first == "+" {
            negative = rest.first == "-"
            rest = rest.dropFirst()
        }
        if rest == "0" { return 0 }
        guard !rest.isEmpty else { return nil }
        let units: [(String, Double)] = [("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9),
                                         ("m", 60e9), ("h", 3600e9)]
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, number != ".", let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.0) && !(($0.0 == "m") && rest.hasPrefix("ms")) }) else {
                return nil
            }
            rest = rest.dropFirst(unit.0.count)
            total += value * unit.1
            guard total < 9.2e18 else { return nil }
        }
        return Int64(negative ? -total : total)
    }
}

/// The forms of `date -d` (and `touch -d`) people type: `@SECONDS`, `now`, `today`,
/// `yesterday`, `tomorrow`, ISO dates and times, `HH:MM[:SS]`, and relative items such as
/// `2 days ago` or `+3 hours`. All in UTC.
struct DateParser {
    let now: Int64

    private static let units: [String: Int64] = [
        "sec": 1, "second": 1, "min": 60, "minute": 60, "hour": 3600, "day": 86_400,
        "week": 604_800, "fortnight": 1_209_600, "month": -1, "year": -12,
    ]

    /// Nanoseconds since the epoch, or nil when the text is not a date.
    func parse(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: " \t\n")
        if trimmed.hasPrefix("@") {
            guard let seconds = Double(trimmed.dropFirst()), seconds.isFinite, abs(seconds) < 1e15 else { return nil }
            let whole = seconds.rounded(.down)
            return Int64(whole) * 1_000_000_000 + Int64(((seconds - whole) * 1e9).rounded())
        }
        var words = trimmed.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        // `2024-01-02T10:00:00` → two words.
        if let first = words.first, first.count > 10, first.dropFirst(10).first == "t" {
            words.replaceSubrange(0...0, with: [String(first.prefix(10)), String(first.dropFirst(11))])
        }
        let today = CivilTime(nanoseconds: now)
        var date: (Int64, Int, Int)?
        var time: (Int, Int, Int, Int64)?
        var deltaSeconds: Int64 = 0
        var deltaMonths = 0
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            switch word {
            case "now", "utc", "z", "gmt", "+0000", "+00:00": continue
            case "today": continue
            case "yesterday": deltaSeconds -= 86_400; continue
            case "tomorrow": deltaSeconds += 86_400; continue
            case "ago":
                deltaSeconds = -deltaSeconds
                deltaMonths = -deltaMonths
                continue
            default: break
            }
            if let parsed = Self.isoDate(word) {
                guard date == nil else { return nil }
                date = parsed
                continue
            }
            if let parsed = Self.clock(word) {
                guard time == nil else { return nil }
                time = parsed
                continue
            }
            // A relative item: [+|-]N unit, or a bare unit (`hour` = 1 hour).
            var amount: Int64 = 1
            var unitWord = word
            if let number = Int64(word) {
                guard index < words.count else { return nil }
                amount = number
                unitWord = words[index]
                index += 1
            } else if let split = word.firstIndex(where: { $0.isLetter }), let number = Int64(word[..<split]) {
                amount = number
                unitWord = String(word[split...])
            }
            if unitWord.hasSuffix("s") && Self.units[String(unitWord.dropLast())] != nil { unitWord.removeLast() }
            guard let unit = Self.units[unitWord] else { return nil }
            if unit < 0 {
                deltaMonths += Int(amount) * Int(-unit)
            } else {
                deltaSeconds += amount * unit
            }
        }
        var seconds: Int64
        let (year, month, day) = date ?? (today.year, today.month, today.day)
        if let time {
            seconds = CivilTime.seconds(year: year, month: month, day: day, hour: time.0, minute: time.1, second: time.2)
        } else if date != nil {
            seconds = CivilTime.seconds(year: year, month: month, day: day)
        } else {
            seconds = CivilTime.seconds(year: year, month: month, day: day, hour: today.hour, minute: today.minute, second: today.second)
        }
        if deltaMonths != 0 {
            let broken = CivilTime(seconds: seconds)
            seconds = CivilTime.seconds(year: broken.year, month: broken.month + deltaMonths, day: broken.day,
                                        hour: broken.hour, minute: broken.minute, second: broken.second)
        }
        seconds += deltaSeconds
        let nanos: Int64 = time?.3 ?? (date == nil ? CivilTime.split(now).nanoseconds : 0)
        return seconds * 1_000_000_000 + nanos
    }

    /// `YYYY-MM-DD`.
    static func isoDate(_ word: String) -> (Int64, Int, Int)? {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let year = Int64(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts[0].count >= 1, (1...12).contains(month), day >= 1,
              day <= CivilTime.daysInMonth(year, month) else { return nil }
        return (year, month, day)
    }

    /// `HH:MM[:SS[.frac]]`, optionally followed by `Z` or `+00:00`.
    static func clock(_ word: String) -> (Int, Int, Int, Int64)? {
        var body = Substring(word)
        if body.hasSuffix("z") { body = body.dropLast() }
        if body.hasSuffix("+00:00") { body = body.dropLast(6) }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        var second = 0
        var nanos: Int64 = 0
        if parts.count == 3 {
            let secondParts = parts[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard let whole = Int(secondParts[0]), (0...60).contains(whole) else { return nil }
            second = whole
            if secondParts.count == 2 {
                let digits = String(secondParts[1].prefix(9))
                guard let fraction = Int64(digits) else { return nil }
                nanos = fraction * Int64(pow10(9 - digits.count))
            }
        }
        return (hour, minute, second, nanos)
    }

    private static func pow10(_ n: Int) -> Int {
        var value = 1
        for _ in 0..<max(0, n) { value *= 10 }
        return value
    }
}

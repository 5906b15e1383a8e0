/// GNU `strftime` (gnulib's `nstrftime`) in the C locale and the UTC zone: what `date +FORMAT`,
/// `ls --time-style=+FORMAT`, `stat` and `find -printf` use.
///
/// Supports the flags `-` (no padding), `_` (spaces), `0` (zeros), `^` (upper case),
/// `#` (swap case), a field width, the `E`/`O` modifiers (ignored, as in the C locale) and
/// `%:z`, `%::z`, `%:::z`. An unknown directive is copied through, as GNU does.
enum TimeFormat {
    static let zoneName = "UTC"

    static func format(_ format: String, _ time: CivilTime) -> String {
        var out = ""
        var characters = Array(format)[...]
        while let c = characters.popFirst() {
            guard c == "%" else {
                out.append(c)
                continue
            }
            let start = characters
            var pad: Character?
            var upper = false
            var swapCase = false
            while let flag = characters.first, "-_0^#".contains(flag) {
                characters.removeFirst()
                switch flag {
                case "^": upper = true
                case "#": swapCase = true
                default: pad = flag
                }
            }
            var width: Int?
            while let digit = characters.first, let value = digit.wholeNumberValue, digit.isASCII {
                characters.removeFirst()
                width = min((width ?? 0) * 10 + value, 4096)
            }
            while let modifier = characters.first, modifier == "E" || modifier == "O" {
                characters.removeFirst()
            }
            var colons = 0
            while characters.first == ":" {
                characters.removeFirst()
                colons += 1
            }
            guard let directive = characters.popFirst() else {
                out += "%" + String(start)
                break
            }
            if colons > 0 && directive != "z" {
                out += "%" + String(start.prefix(start.count - characters.count))
                continue
            }
            guard let field = expand(directive, time, colons: colons, width: width) else {
                out += "%" + String(start.prefix(start.count - characters.count))
                continue
            }
            var text = field.text
            if upper || (swapCase && field.isAlphabetic) {
                text = swapCase && directive == "p" ? text.lowercased()
                    : swapCase && directive == "Z" ? text.lowercased() : text.uppercased()
            }
            out += padded(text, field: field, pad: pad, width: directive == "N" ? nil : width)
        }
        return out
    }

    private struct Field {
        var text: String
        /// The default padding character for numbers (`0`, or space for `%e`, `%k`, `%l`).
        var numericPad: Character?
        var defaultWidth: Int
        var isAlphabetic = false
    }

    private static func padded(_ text: String, field: Field, pad: Character?, width: Int?) -> String {
        if pad == "-" {
            // No padding at all: strip the default padding of numbers.
            if field.numericPad != nil {
                let trimmed = text.drop { $0 == "0" || $0 == " " }
                return trimmed.isEmpty ? "0" : String(trimmed)
            }
            return text
        }
        var body = text
        if field.numericPad != nil {
            body = String(text.drop { $0 == " " })
            if pad == "_" {
                let digits = body.drop { $0 == "0" }
                body = digits.isEmpty ? "0" : String(digits)
            }
        }
        let targetWidth = width ?? (field.numericPad != nil ? field.defaultWidth : 0)
        let fill: Character = pad == "_" ? " " : pad == "0" ? "0" : (field.numericPad ?? " ")
        guard body.count < targetWidth else { return body }
        let padding = String(repeating: fill, count: targetWidth - body.count)
        if fill == "0", body.hasPrefix("-") || body.hasPrefix("+") {
            return String(body.prefix(1)) + padding + body.dropFirst()
        }
        return padding + body
    }

    private static func number(_ value: Int64, width: Int, pad: Character = "0") -> Field {
        Field(text: String(value), numericPad: pad, defaultWidth: width)
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private static func expand(_ directive: Character, _ t: CivilTime, colons: Int, width: Int?) -> Field? {
        let monthName = CivilTime.monthNames[max(0, min(11, t.month - 1))]
        let dayName = CivilTime.weekdayNames[max(0, min(6, t.weekday))]
        func text(_ s: String) -> Field { Field(text: s, numericPad: nil, defaultWidth: 0, isAlphabetic: true) }
        func literal(_ s: String) -> Field { Field(text: s, numericPad: nil, defaultWidth: 0) }
        let hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12
        switch directive {
        case "a": return text(String(dayName.prefix(3)))
        case "A": return text(dayName)
        case "b", "h": return text(String(monthName.prefix(3)))
        case "B": return text(monthName)
        case "c": return literal(format("%a %b %e %H:%M:%S %Y", t))
        case "C": return number(Int64(CivilTime.floorDiv(t.year, 100)), width: 2)
        case "d": return number(Int64(t.day), width: 2)
        case "D": return literal(format("%m/%d/%y", t))
        case "e": return number(Int64(t.day), width: 2, pad: " ")
        case "F":
            let year = String(t.year)
            let paddedYear = t.year >= 0 && year.count < 4 ? String(repeating: "0", count: 4 - year.count) + year : year
            return literal(paddedYear + format("-%m-%d", t))
        case "g": return number(CivilTime.floorMod(isoWeek(t).year, 100), width: 2)
        case "G": return number(isoWeek(t).year, width: 1)
        case "H": return number(Int64(t.hour), width: 2)
        case "I": return number(Int64(hour12), width: 2)
        case "j": return number(Int64(t.dayOfYear + 1), width: 3)
        case "k": return number(Int64(t.hour), width: 2, pad: " ")
        case "l": return number(Int64(hour12), width: 2, pad: " ")
        case "m": return number(Int64(t.month), width: 2)
        case "M": return number(Int64(t.minute), width: 2)
        case "n": return literal("\n")
        case "N":
            let raw = String(t.nanosecond)
            let digits = String(repeating: "0", count: max(0, 9 - raw.count)) + raw
            let count = max(1, min(9, width ?? 9))
            return literal(String(digits.prefix(count)) + String(repeating: "0", count: max(0, (width ?? 9) - 9)))
        case "p": return text(t.hour < 12 ? "AM" : "PM")
        case "P": return literal(t.hour < 12 ? "am" : "pm")
        case "q": return number(Int64((t.month - 1) / 3 + 1), width: 1)
        case "r": return literal(format("%I:%M:%S %p", t))
        case "R": return literal(format("%H:%M", t))
        case "s": return number(t.epochSeconds, width: 1)
        case "S": return number(Int64(t.second), width: 2)
        case "t": return literal("\t")
        case "T": return literal(format("%H:%M:%S", t))
        case "u": return number(Int64(t.weekday == 0 ? 7 : t.weekday), width: 1)
        case "U": return number(Int64((t.dayOfYear + 7 - t.weekday) / 7), width: 2)
        case "V": return number(Int64(isoWeek(t).week), width: 2)
        case "w": return number(Int64(t.weekday), width: 1)
        case "W": return number(Int64((t.dayOfYear + 7 - (t.weekday + 6) % 7) / 7), width: 2)
        case "x": return literal(format("%m/%d/%y", t))
        case "X": return literal(format("%H:%M:%S", t))
        case "y": return number(CivilTime.floorMod(t.year, 100), width: 2)
        case "Y": return number(t.year, width: 1)
        case "z":
            switch colons {
            case 0: return literal("+0000")
            case 1: return literal("+00:00")
            case 2: return literal("+00:00:00")
            default: return literal("+00")
            }
        case "Z": return text(zoneName)
        case "%": return literal("%")
        case "+": return literal(format("%a %b %e %H:%M:%S %Z %Y", t))
        default: return nil
        }
    }

    /// ISO 8601 week-numbering year and week.
    private static func isoWeek(_ t: CivilTime) -> (year: Int64, week: Int) {
        let isoWeekday = (t.weekday + 6) % 7  // Monday = 0
        let thursdayDayOfYear = t.dayOfYear - isoWeekday + 3
        var year = t.year
        var dayOfYear = thursdayDayOfYear
        if dayOfYear < 0 {
            year -= 1
            dayOfYear += CivilTime.isLeap(year) ? 366 : 365
        } else {
            let length = CivilTime.isLeap(year) ? 366 : 365
            if dayOfYear >= length {
                dayOfYear -= length
                year += 1
            }
        }
        return (year, dayOfYear / 7 + 1)
    }
}

import SimKit

/// RFC 3339 times as the API server writes them in objects (`2026-01-05T09:00:00Z`).
public enum Timestamp {
    /// Whole seconds, UTC, `Z` suffix (`metav1.Time`).
    public static func rfc3339(nanoseconds: Int64) -> String {
        let seconds = nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : (nanoseconds - 999_999_999) / 1_000_000_000
        return format(seconds: seconds, fraction: "")
    }

    /// With nanoseconds, trailing zeros trimmed (`metav1.MicroTime`/RFC3339Nano), e.g. `2026-01-05T09:00:00.12Z`.
    public static func rfc3339Nano(nanoseconds: Int64) -> String {
        let seconds = nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : (nanoseconds - 999_999_999) / 1_000_000_000
        let nanos = nanoseconds - seconds * 1_000_000_000
        guard nanos != 0 else { return format(seconds: seconds, fraction: "") }
        var digits = String(nanos)
        digits = String(repeating: "0", count: 9 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return format(seconds: seconds, fraction: "." + digits)
    }

    /// Nanoseconds since the epoch of an RFC 3339 string with a `Z` zone; nil if it is not one.
    public static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z"), bytes[4] == UInt8(ascii: "-"),
              bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T") else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var nanos: Int64 = 0
        if bytes[19] == UInt8(ascii: ".") {
            let digits = bytes[20..<(bytes.count - 1)]
            guard !digits.isEmpty, digits.count <= 9, let fraction = number(20..<(bytes.count - 1)) else { return nil }
            nanos = fraction
            for _ in digits.count..<9 { nanos *= 10 }
        } else if bytes.count != 20 {
            return nil
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        return ((days * 86_400 + hour * 3_600 + minute * 60 + second) * 1_000_000_000) + nanos
    }

    private static func format(seconds: Int64, fraction: String) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        // Written as bytes: every object write stamps a time, so this runs in the hot loops.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(21 + fraction.utf8.count)
        if year < 0 || year > 9_999 {
            bytes.append(contentsOf: pad(year, 4).utf8)
        } else {
            digits(year, 4, into: &bytes)
        }
        bytes.append(UInt8(ascii: "-"))
        digits(month, 2, into: &bytes)
        bytes.append(UInt8(ascii: "-"))
        digits(day, 2, into: &bytes)
        bytes.append(UInt8(ascii: "T"))
        digits(secondOfDay / 3_600, 2, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        digits(secondOfDay % 3_600 / 60, 2, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        digits(secondOfDay % 60, 2, into: &bytes)
        bytes.append(contentsOf: fraction.utf8)
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `value` (0 ≤ value < 10^width) as exactly `width` decimal digits.
    private static func digits(_ value: Int64, _ width: Int, into bytes: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let date = CivilDate.fromDays(days)
        return (date.year, date.month, date.day)
    }

    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        CivilDate.days(year: year, month: month, day: day)
    }
}

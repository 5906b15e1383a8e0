import SimKit
/// The time zones a CronJob's `spec.timeZone` (or a `TZ=` prefix) may name in the lab: UTC and
/// zones without daylight saving time, each a fixed offset. Others are unknown, as Go's
/// `time.LoadLocation` says of a name it has no tzdata for.
public struct CronTimeZone: Equatable, Sendable {
    public let name: String
    /// Seconds east of UTC.
    public let offset: Int64

    public static let utc = CronTimeZone(name: "UTC", offset: 0)

    /// Zones that have kept one offset for years (no DST), by IANA name.
    static let fixed: [String: Int64] = [
        "UTC": 0, "Etc/UTC": 0, "Etc/UCT": 0, "UCT": 0, "Etc/Universal": 0, "Universal": 0, "Etc/Zulu": 0, "Zulu": 0,
        "GMT": 0, "Etc/GMT": 0, "Etc/GMT0": 0, "Etc/GMT+0": 0, "Etc/GMT-0": 0, "Etc/Greenwich": 0, "Greenwich": 0,
        "Africa/Abidjan": 0, "Atlantic/Reykjavik": 0, "Africa/Lagos": 3600, "Africa/Johannesburg": 7200,
        "Africa/Cairo": 7200, "Africa/Nairobi": 10800, "Europe/Moscow": 10800, "Europe/Istanbul": 10800,
        "Asia/Riyadh": 10800, "Asia/Dubai": 14400, "Asia/Karachi": 18000, "Asia/Tashkent": 18000,
        "Asia/Kolkata": 19800, "Asia/Calcutta": 19800, "Asia/Kathmandu": 20700, "Asia/Dhaka": 21600,
        "Asia/Bangkok": 25200, "Asia/Jakarta": 25200, "Asia/Ho_Chi_Minh": 25200, "Asia/Shanghai": 28800,
        "Asia/Hong_Kong": 28800, "Asia/Singapore": 28800, "Asia/Taipei": 28800, "Asia/Manila": 28800,
        "Australia/Perth": 28800, "Asia/Tokyo": 32400, "Asia/Seoul": 32400, "Australia/Brisbane": 36000,
        "Pacific/Honolulu": -36000, "America/Phoenix": -25200, "America/Bogota": -18000, "America/Lima": -18000,
        "America/Sao_Paulo": -10800, "America/Argentina/Buenos_Aires": -10800,
    ]

    /// `time.LoadLocation`: "" and "UTC" are UTC; `Etc/GMT±N` counts the other way round (Etc/GMT-9 is UTC+9).
    public static func load(_ name: String) -> Result<CronTimeZone, CronParseError> {
        if name.isEmpty || name == "UTC" { return .success(.utc) }
        if name == "Local" { return .success(CronTimeZone(name: "Local", offset: 0)) }
        if let offset = fixed[name] { return .success(CronTimeZone(name: name, offset: offset)) }
        if name.hasPrefix("Etc/GMT"), let hours = Int(name.dropFirst("Etc/GMT".count)),
           name.dropFirst("Etc/GMT".count).first.map({ $0 == "+" || $0 == "-" }) == true, (-14...12).contains(hours) {
            return .success(CronTimeZone(name: name, offset: Int64(-hours) * 3600))
        }
        return .failure(CronParseError("unknown time zone \(name)"))
    }

    /// Go's RFC 3339 rendering of `seconds` (since the epoch) in this zone: `Z` for UTC, else `+09:00`.
    public func rfc3339(_ seconds: Int64) -> String {
        let civil = CivilTime(seconds: seconds + offset)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var year = "\(civil.year)"
        while year.count < 4 { year = "0" + year }
        let zone: String
        if offset == 0 { zone = "Z" } else {
            let minutes = abs(offset) / 60
            zone = (offset < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60)
        }
        return "\(year)-\(two(civil.month))-\(two(civil.day))T\(two(civil.hour)):\(two(civil.minute)):\(two(civil.second))" + zone
    }
}

/// A wall-clock reading (proleptic Gregorian), from seconds since the epoch on that clock.
struct CivilTime: Equatable {
    var year: Int64
    var month: Int64
    var day: Int64
    var hour: Int64
    var minute: Int64
    var second: Int64

    init(year: Int64, month: Int64, day: Int64, hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    init(seconds: Int64) {
        let days = Self.floorDiv(seconds, 86400)
        let rest = seconds - days * 86400
        (year, month, day) = Self.civil(days)
        hour = rest / 3600
        minute = rest % 3600 / 60
        second = rest % 60
    }

    /// Seconds since the epoch; out-of-range months and days carry over as Go's `time.Date` does.
    var seconds: Int64 {
        let monthIndex = month - 1
        let y = year + Self.floorDiv(monthIndex, 12)
        let m = monthIndex - Self.floorDiv(monthIndex, 12) * 12 + 1
        let days = Self.daysFromCivil(y, m, 1) + day - 1
        return days * 86400 + hour * 3600 + minute * 60 + second
    }

    /// 0 = Sunday.
    var weekday: Int64 {
        let days = Self.floorDiv(seconds, 86400)
        return ((days + 4) % 7 + 7) % 7
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    static func daysFromCivil(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        CivilDate.days(year: year, month: month, day: day)
    }

    static func civil(_ days: Int64) -> (Int64, Int64, Int64) {
        let date = CivilDate.fromDays(days)
        return (date.year, date.month, date.day)
    }
}

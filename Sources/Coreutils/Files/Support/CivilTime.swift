import SimKit
/// A moment broken down into calendar fields, always in UTC (every node's `/etc/timezone`
/// is `Etc/UTC`, as on a kubeadm lab VM).
struct CivilTime: Equatable {
    var year: Int64
    /// 1…12
    var month: Int
    /// 1…31
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    var nanosecond: Int
    /// 0 = Sunday.
    var weekday: Int
    /// 0…365
    var dayOfYear: Int

    static let nanosecondsPerSecond: Int64 = 1_000_000_000

    /// Breaks a time in nanoseconds since the epoch down.
    init(nanoseconds: Int64) {
        let (seconds, nanos) = Self.split(nanoseconds)
        self.init(seconds: seconds, nanosecond: Int(nanos))
    }

    init(seconds: Int64, nanosecond: Int = 0) {
        let days = Self.floorDiv(seconds, 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (y, m, d) = Self.civil(fromDays: days)
        year = y
        month = m
        day = d
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        self.nanosecond = nanosecond
        weekday = Int(Self.floorMod(days + 4, 7))
        dayOfYear = Int(days - Self.days(fromCivil: y, 1, 1))
    }

    /// Seconds since the epoch.
    var epochSeconds: Int64 {
        Self.days(fromCivil: year, month, day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Builds a time from fields, normalising out-of-range values as `mktime` does
    /// (month 13 is January next year, day 0 is the last of the previous month).
    static func seconds(year: Int64, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Int64 {
        let monthIndex = Int64(month - 1)
        let normalizedYear = year + floorDiv(monthIndex, 12)
        let normalizedMonth = Int(floorMod(monthIndex, 12)) + 1
        let days = days(fromCivil: normalizedYear, normalizedMonth, 1) + Int64(day - 1)
        return days * 86_400 + Int64(hour) * 3600 + Int64(minute) * 60 + Int64(second)
    }

    static func split(_ nanoseconds: Int64) -> (seconds: Int64, nanoseconds: Int64) {
        (floorDiv(nanoseconds, nanosecondsPerSecond), floorMod(nanoseconds, nanosecondsPerSecond))
    }

    static func isLeap(_ year: Int64) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(_ year: Int64, _ month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's algorithms (days since 1970-01-01 ⇄ proleptic Gregorian date).
    static func days(fromCivil year: Int64, _ month: Int, _ day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int64, Int, Int) {
        let date = CivilDate.fromDays(days)
        return (date.year, Int(date.month), Int(date.day))
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { CivilDate.floorDivide(a, b) }

    static func floorMod(_ a: Int64, _ b: Int64) -> Int64 {
        a - floorDiv(a, b) * b
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
}

import SimKit

/// Dates as journalctl, systemctl and ps print them (UTC, as the lab's nodes run).
enum SystemTime {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]

    /// (year, month 1-12, day) of a Unix time in nanoseconds.
    static func civil(_ time: Int64) -> (year: Int, month: Int, day: Int) {
        let date = CivilDate.fromDays(CivilDate.floorDivide(time / 1_000_000_000, 86_400))
        return (Int(date.year), Int(date.month), Int(date.day))
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 { CivilDate.floorDivide(a, b) }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// `08:57:00`
    static func clock(_ time: Int64) -> String {
        let seconds = Int(floorDivide(time / 1_000_000_000, 1) % 86_400)
        return "\(two(seconds / 3_600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }

    /// `0105` (klog's month and day).
    static func monthDay(_ time: Int64) -> String {
        let date = civil(time)
        return two(date.month) + two(date.day)
    }

    /// `Jan 05 08:57:00` (journalctl's short format).
    static func journal(_ time: Int64) -> String {
        let date = civil(time)
        return "\(months[date.month - 1]) \(two(date.day)) \(clock(time))"
    }

    /// `Mon 2026-01-05 08:57:00 UTC` (systemctl's timestamps).
    static func full(_ time: Int64) -> String {
        let date = civil(time)
        let weekday = weekdays[Int(floorDivide(time / 1_000_000_000, 86_400) % 7)]
        return "\(weekday) \(date.year)-\(two(date.month))-\(two(date.day)) \(clock(time)) UTC"
    }

    /// `3min ago`, `1h 20min ago`, `25s ago` (systemd's relative timespan, two units at most).
    static func ago(_ seconds: Int64) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(s)s ago" }
        if s < 3_600 { return s % 60 == 0 ? "\(s / 60)min ago" : "\(s / 60)min \(s % 60)s ago" }
        if s < 86_400 { return s / 60 % 60 == 0 ? "\(s / 3_600)h ago" : "\(s / 3_600)h \(s / 60 % 60)min ago" }
        return "\(s / 86_400) days ago"
    }
}

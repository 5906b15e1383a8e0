extension CronExpression {
    /// robfig/cron's `Next`: the first activation strictly after `nanoseconds` (since the epoch),
    /// read in the `TZ=` zone, else in `zone`; nil when none comes within five years
    /// (Go returns the zero time there). Whole seconds, in nanoseconds.
    public func next(after nanoseconds: Int64, in zone: CronTimeZone = .utc) -> Int64? {
        let wholeSeconds = CivilTime.floorDiv(nanoseconds, 1_000_000_000)
        switch kind {
        case .every(let seconds):
            // ConstantDelaySchedule: t + delay, dropping t's fraction of a second.
            return (wholeSeconds + seconds) * 1_000_000_000
        case let .fields(minute, hour, dayOfMonth, month, dayOfWeek):
            let offset = (self.zone ?? zone).offset
            let spec = Spec(minute: minute, hour: hour, dayOfMonth: dayOfMonth, month: month, dayOfWeek: dayOfWeek)
            return spec.next(afterLocal: wholeSeconds + offset).map { ($0 - offset) * 1_000_000_000 }
        }
    }

    /// The bit sets and `SpecSchedule.Next`'s walk, on a fixed-offset wall clock.
    private struct Spec {
        var minute: UInt64
        var hour: UInt64
        var dayOfMonth: UInt64
        var month: UInt64
        var dayOfWeek: UInt64

        static func has(_ bits: UInt64, _ value: Int64) -> Bool { value >= 0 && value < 64 && bits & (1 << UInt64(value)) != 0 }

        func dayMatches(_ t: CivilTime) -> Bool {
            let domMatch = Self.has(dayOfMonth, t.day)
            let dowMatch = Self.has(dayOfWeek, t.weekday)
            if dayOfMonth & CronExpression.starBit != 0 || dayOfWeek & CronExpression.starBit != 0 {
                return domMatch && dowMatch
            }
            return domMatch || dowMatch
        }

        func next(afterLocal seconds: Int64) -> Int64? {
            // The upcoming second; every field walk below is bounded by the five-year limit.
            var t = CivilTime(seconds: seconds + 1)
            var added = false
            let yearLimit = t.year + 5
            // A field with no values (robfig accepts `,`) never matches: Go walks five years to say so.
            let none = ~CronExpression.starBit
            if minute & none == 0 || hour & none == 0 || month & none == 0 || (dayOfMonth | dayOfWeek) & none == 0 { return nil }
            var wraps = 0
            wrap: while wraps < 2_000 {
                wraps += 1
                if t.year > yearLimit { return nil }
                while !Self.has(month, t.month) {
                    if !added {
                        added = true
                        t = CivilTime(year: t.year, month: t.month, day: 1)
                    }
                    t = CivilTime(seconds: CivilTime(year: t.year, month: t.month + 1, day: t.day).seconds)
                    if t.month == 1 { continue wrap }
                }
                while !dayMatches(t) {
                    if !added {
                        added = true
                        t = CivilTime(year: t.year, month: t.month, day: t.day)
                    }
                    t = CivilTime(seconds: t.seconds + 86400)
                    if t.day == 1 { continue wrap }
                }
                while !Self.has(hour, t.hour) {
                    if !added {
                        added = true
                        t.minute = 0
                        t.second = 0
                    }
                    t = CivilTime(seconds: t.seconds + 3600)
                    if t.hour == 0 { continue wrap }
                }
                while !Self.has(minute, t.minute) {
                    if !added {
                        added = true
                        t.second = 0
                    }
                    t = CivilTime(seconds: t.seconds + 60)
                    if t.minute == 0 { continue wrap }
                }
                // The standard parser's seconds field is always 0.
                while t.second != 0 {
                    t = CivilTime(seconds: t.seconds + 1)
                    if t.second == 0 { continue wrap }
                }
                return t.seconds
            }
            return nil
        }
    }
}

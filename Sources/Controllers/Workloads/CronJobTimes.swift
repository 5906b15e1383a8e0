/// The CronJob controller's arithmetic on schedule times (cronjob/utils.go, v1.32), pure.
/// Times are nanoseconds since the epoch; activations are whole seconds.
enum CronJobTimes {
    enum Missed: Equatable { case none, few, many }

    struct Recent: Equatable {
        var earliest: Int64
        var mostRecent: Int64?
        var missed: Missed
        var error: String?
    }

    /// `mostRecentScheduleTime`: the latest activation in (earliest, now], where earliest is the
    /// last schedule time or the creation time (and, with `deadlineSeconds`, no earlier than now minus it).
    static func mostRecent(_ schedule: CronExpression, zone: CronTimeZone, lastSchedule: Int64?, created: Int64,
                           now: Int64, deadlineSeconds: Int64?) -> Recent {
        var earliest = lastSchedule ?? created
        if let deadlineSeconds {
            let deadline = now - deadlineSeconds * 1_000_000_000
            if deadline > earliest { earliest = deadline }
        }
        let lessThanASecond = "time difference between two schedules is less than 1 second"
        // Go's zero time stands for "never" in robfig; both nils end in the same error.
        guard let t1 = schedule.next(after: earliest, in: zone) else {
            return Recent(earliest: earliest, mostRecent: nil, missed: .none, error: lessThanASecond)
        }
        if now < t1 { return Recent(earliest: earliest, mostRecent: nil, missed: .none) }
        guard let t2 = schedule.next(after: t1, in: zone) else {
            return Recent(earliest: earliest, mostRecent: nil, missed: .none, error: lessThanASecond)
        }
        if now < t2 { return Recent(earliest: earliest, mostRecent: t1, missed: .none) }
        let between = (t2 - t1 + 500_000_000) / 1_000_000_000
        if between < 1 { return Recent(earliest: earliest, mostRecent: nil, missed: .none, error: lessThanASecond) }
        // A rough count (how many intervals fit since t1), then a short walk to the exact latest.
        let elapsed = (now - t1) / 1_000_000_000
        let count = elapsed / between + 1
        let potentialEarliest = t1 + (count - 2) * between * 1_000_000_000
        var latest: Int64?
        var cursor = schedule.next(after: potentialEarliest, in: zone)
        var steps = 0
        while let t = cursor, t <= now, steps < 10_000 {
            latest = t
            cursor = schedule.next(after: t, in: zone)
            steps += 1
        }
        let missed: Missed = count > 100 ? .many : count > 0 ? .few : .none
        return Recent(earliest: earliest, mostRecent: latest, missed: missed)
    }

    /// `nextScheduleTimeDuration` as an instant: the activation after the most recent one
    /// (or after `earliest`), plus the controller's 100 ms; nil when the schedule never fires again.
    static func wakeUp(_ schedule: CronExpression, zone: CronTimeZone, lastSchedule: Int64?, created: Int64,
                       now: Int64) -> Int64? {
        let recent = mostRecent(schedule, zone: zone, lastSchedule: lastSchedule, created: created, now: now,
                                deadlineSeconds: nil)
        let base = recent.error != nil ? now : recent.mostRecent ?? recent.earliest
        return schedule.next(after: base, in: zone).map { $0 + 100_000_000 }
    }

    /// `getJobName`'s suffix: the scheduled time in minutes since the epoch.
    static func jobName(_ cronJob: String, scheduled: Int64) -> String {
        "\(cronJob)-\(CivilTime.floorDiv(scheduled, 60_000_000_000))"
    }

    /// Go's `time.RFC1123Z` in UTC (`Mon, 05 Jan 2026 09:01:00 +0000`), as MissSchedule prints it.
    static func rfc1123Z(_ nanoseconds: Int64) -> String {
        let civil = CivilTime(seconds: CivilTime.floorDiv(nanoseconds, 1_000_000_000))
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let day = days[Int(civil.weekday)]
        let month = months[Int(min(max(civil.month, 1), 12) - 1)]
        return "\(day), \(two(civil.day)) \(month) \(civil.year) \(two(civil.hour)):\(two(civil.minute)):\(two(civil.second)) +0000"
    }
}

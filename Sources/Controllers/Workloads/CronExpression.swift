/// A cron schedule as robfig/cron v3's `ParseStandard` reads it (what the CronJob controller uses):
/// five fields, `*`/`?`, `a-b`, `/n` steps, lists, month and weekday names, the `@` descriptors,
/// `@every <duration>`, and a `TZ=`/`CRON_TZ=` prefix. Pure: no clock, no store.
public struct CronExpression: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// Bit sets per field (bit 63 marks a `*`, which changes how day-of-month and weekday combine).
        case fields(minute: UInt64, hour: UInt64, dayOfMonth: UInt64, month: UInt64, dayOfWeek: UInt64)
        /// `@every`: a fixed delay in whole seconds (at least one).
        case every(seconds: Int64)
    }

    let kind: Kind
    /// The zone of a `TZ=` prefix, if any (otherwise the caller's).
    let zone: CronTimeZone?

    static let starBit: UInt64 = 1 << 63

    /// Parses `spec` as `cron.ParseStandard` does; the error text is robfig's.
    public static func parse(_ spec: String) -> Result<CronExpression, CronParseError> {
        if spec.isEmpty { return .failure(CronParseError("empty spec string")) }
        var rest = Substring(spec)
        var zone: CronTimeZone?
        if rest.hasPrefix("TZ=") || rest.hasPrefix("CRON_TZ=") {
            // robfig slices up to the first space; without one Go would panic: refuse instead.
            guard let space = rest.firstIndex(of: " "), let equals = rest.firstIndex(of: "=") else {
                return .failure(CronParseError("provided bad location \(rest.drop { $0 != "=" }.dropFirst())"))
            }
            let name = String(rest[rest.index(after: equals)..<space])
            switch CronTimeZone.load(name) {
            case .success(let loaded): zone = loaded
            case .failure(let error): return .failure(CronParseError("provided bad location \(name): \(error.message)"))
            }
            rest = rest[space...].drop { $0 == " " || $0 == "\t" || $0 == "\n" }
            while let last = rest.last, last == " " || last == "\t" || last == "\n" { rest = rest.dropLast() }
        }
        if rest.hasPrefix("@") { return descriptor(String(rest)).map { CronExpression(kind: $0, zone: zone) } }
        let fields = rest.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" })
        guard fields.count == 5 else {
            return .failure(CronParseError("expected exactly 5 fields, found \(fields.count): [\(fields.joined(separator: " "))]"))
        }
        do throws(CronParseError) {
            let minute = try CronField.bits(fields[0], .minutes)
            let hour = try CronField.bits(fields[1], .hours)
            let dayOfMonth = try CronField.bits(fields[2], .daysOfMonth)
            let month = try CronField.bits(fields[3], .months)
            let dayOfWeek = try CronField.bits(fields[4], .daysOfWeek)
            return .success(CronExpression(kind: .fields(minute: minute, hour: hour, dayOfMonth: dayOfMonth, month: month,
                                                         dayOfWeek: dayOfWeek), zone: zone))
        } catch {
            return .failure(error)
        }
    }

    /// `@yearly` … `@hourly` and `@every`.
    private static func descriptor(_ text: String) -> Result<Kind, CronParseError> {
        let all = { (r: CronField.Bounds) in CronField.range(r.min, r.max, 1) | starBit }
        let zero: UInt64 = 1
        switch text {
        case "@yearly", "@annually":
            return .success(.fields(minute: zero, hour: zero, dayOfMonth: 1 << 1, month: 1 << 1, dayOfWeek: all(.daysOfWeek)))
        case "@monthly":
            return .success(.fields(minute: zero, hour: zero, dayOfMonth: 1 << 1, month: all(.months), dayOfWeek: all(.daysOfWeek)))
        case "@weekly":
            return .success(.fields(minute: zero, hour: zero, dayOfMonth: all(.daysOfMonth), month: all(.months), dayOfWeek: zero))
        case "@daily", "@midnight":
            return .success(.fields(minute: zero, hour: zero, dayOfMonth: all(.daysOfMonth), month: all(.months),
                                    dayOfWeek: all(.daysOfWeek)))
        case "@hourly":
            return .success(.fields(minute: zero, hour: all(.hours), dayOfMonth: all(.daysOfMonth), month: all(.months),
                                    dayOfWeek: all(.daysOfWeek)))
        default:
            let prefix = "@every "
            guard text.hasPrefix(prefix) else { return .failure(CronParseError("unrecognized descriptor: \(text)")) }
            let duration = String(text.dropFirst(prefix.count))
            guard let nanoseconds = GoDuration.parse(duration) else {
                return .failure(CronParseError("failed to parse duration \(text): time: invalid duration \"\(duration)\""))
            }
            // cron.Every: below a second becomes a second; otherwise rounded down to whole seconds.
            return .success(.every(seconds: max(1, nanoseconds / 1_000_000_000)))
        }
    }
}

/// robfig/cron's parse error.
public struct CronParseError: Error, Equatable, Sendable {
    public let message: String
    init(_ message: String) { self.message = message }
}

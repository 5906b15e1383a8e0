import APIStore
import Testing
@testable import Controllers

/// The cron parser and schedule arithmetic against robfig/cron v3 and cronjob/utils.go (v1.32).
struct CronScheduleTests {
    private func at(_ text: String) -> Int64 { Timestamp.parse(text) ?? -1 }

    private func next(_ spec: String, after: String, zone: CronTimeZone = .utc) -> String {
        switch CronExpression.parse(spec) {
        case .failure(let error): return "error: \(error.message)"
        case .success(let expression):
            guard let time = expression.next(after: at(after), in: zone) else { return "never" }
            return Timestamp.rfc3339(nanoseconds: time)
        }
    }

    private func error(_ spec: String) -> String? {
        if case .failure(let error) = CronExpression.parse(spec) { return error.message }
        return nil
    }

    @Test(arguments: [
        ("*/1 * * * *", "2026-01-05T09:00:03Z", "2026-01-05T09:01:00Z"),
        ("* * * * *", "2026-01-05T09:01:00Z", "2026-01-05T09:02:00Z"),
        ("*/15 * * * *", "2026-01-05T09:00:00Z", "2026-01-05T09:15:00Z"),
        ("5/20 * * * *", "2026-01-05T09:00:00Z", "2026-01-05T09:05:00Z"),
        ("10-30/10 * * * *", "2026-01-05T09:25:00Z", "2026-01-05T09:30:00Z"),
        ("0,30 9-17 * * *", "2026-01-05T17:30:00Z", "2026-01-06T09:00:00Z"),
        ("0 9 * * 1-5", "2026-01-05T09:00:00Z", "2026-01-06T09:00:00Z"),
        ("0 9 * * MON-FRI", "2026-01-09T10:00:00Z", "2026-01-12T09:00:00Z"),
        ("30 2 * * sun", "2026-01-05T09:00:00Z", "2026-01-11T02:30:00Z"),
        ("0 0 1 jan,JUL *", "2026-01-05T09:00:00Z", "2026-07-01T00:00:00Z"),
        ("0 0 13 * 5", "2026-01-05T09:00:00Z", "2026-01-09T00:00:00Z"),
        ("0 0 13 * *", "2026-01-05T09:00:00Z", "2026-01-13T00:00:00Z"),
        ("0 0 ? * 0", "2026-01-05T09:00:00Z", "2026-01-11T00:00:00Z"),
        ("0 0 29 2 *", "2026-01-05T09:00:00Z", "2028-02-29T00:00:00Z"),
        ("0 0 31 * *", "2026-02-01T00:00:00Z", "2026-03-31T00:00:00Z"),
        ("59 23 31 12 *", "2026-12-31T23:59:00Z", "2027-12-31T23:59:00Z"),
        ("0 0 30 2 *", "2026-01-05T09:00:00Z", "never"),
        ("@hourly", "2026-01-05T09:00:00Z", "2026-01-05T10:00:00Z"),
        ("@daily", "2026-01-05T09:00:00Z", "2026-01-06T00:00:00Z"),
        ("@midnight", "2026-01-05T09:00:00Z", "2026-01-06T00:00:00Z"),
        ("@weekly", "2026-01-05T09:00:00Z", "2026-01-11T00:00:00Z"),
        ("@monthly", "2026-01-05T09:00:00Z", "2026-02-01T00:00:00Z"),
        ("@yearly", "2026-01-05T09:00:00Z", "2027-01-01T00:00:00Z"),
        ("@annually", "2026-01-05T09:00:00Z", "2027-01-01T00:00:00Z"),
        ("@every 90s", "2026-01-05T09:00:00.5Z", "2026-01-05T09:01:30Z"),
        ("@every 1h30m", "2026-01-05T09:00:00Z", "2026-01-05T10:30:00Z"),
        ("TZ=Asia/Tokyo 0 9 * * *", "2026-01-05T09:00:00Z", "2026-01-06T00:00:00Z"),
        ("CRON_TZ=Etc/GMT+5 0 0 * * *", "2026-01-05T09:00:00Z", "2026-01-06T05:00:00Z"),
    ])
    func nextActivation(spec: String, after: String, expected: String) {
        #expect(next(spec, after: after) == expected)
    }

    @Test func theCallersZoneReadsTheFieldsUnlessTheSpecNamesOne() throws {
        let tokyo = try CronTimeZone.load("Asia/Tokyo").get()
        #expect(next("0 9 * * *", after: "2026-01-05T09:00:00Z", zone: tokyo) == "2026-01-06T00:00:00Z")
        let kolkata = try CronTimeZone.load("Asia/Kolkata").get()
        #expect(next("0 9 * * *", after: "2026-01-05T00:00:00Z", zone: kolkata) == "2026-01-05T03:30:00Z")
        #expect(next("TZ=UTC 0 9 * * *", after: "2026-01-05T00:00:00Z", zone: kolkata) == "2026-01-05T09:00:00Z")
    }

    @Test(arguments: [
        ("", "empty spec string"),
        ("* * * *", "expected exactly 5 fields, found 4: [* * * *]"),
        ("0 * * * * *", "expected exactly 5 fields, found 6: [0 * * * * *]"),
        ("60 * * * *", "end of range (60) above maximum (59): 60"),
        ("* 24 * * *", "end of range (24) above maximum (23): 24"),
        ("* * 0 * *", "beginning of range (0) below minimum (1): 0"),
        ("* * * 13 *", "end of range (13) above maximum (12): 13"),
        ("* * * * 7", "end of range (7) above maximum (6): 7"),
        ("5-1 * * * *", "beginning of range (5) beyond end of range (1): 5-1"),
        ("*/0 * * * *", "step of range should be a positive number: */0"),
        ("1-2-3 * * * *", "too many hyphens: 1-2-3"),
        ("*/2/3 * * * *", "too many slashes: */2/3"),
        ("a * * * *", "failed to parse int from a: strconv.Atoi: parsing \"a\": invalid syntax"),
        ("* * * foo *", "failed to parse int from foo: strconv.Atoi: parsing \"foo\": invalid syntax"),
        ("@fortnightly", "unrecognized descriptor: @fortnightly"),
        ("TZ=Mars/Olympus * * * * *", "provided bad location Mars/Olympus: unknown time zone Mars/Olympus"),
    ])
    func parseErrors(spec: String, message: String) {
        #expect(error(spec) == message)
    }

    @Test func zonesAreUTCAFewFixedOnesAndNothingElse() throws {
        #expect(try CronTimeZone.load("").get() == .utc)
        #expect(try CronTimeZone.load("Etc/GMT-9").get().offset == 9 * 3600)
        #expect(try CronTimeZone.load("Asia/Tokyo").get().rfc3339(1_767_603_660) == "2026-01-05T18:01:00+09:00")
        #expect(try CronTimeZone.load("America/Lima").get().rfc3339(1_767_603_660) == "2026-01-05T04:01:00-05:00")
        #expect(CronTimeZone.utc.rfc3339(1_767_603_660) == "2026-01-05T09:01:00Z")
        #expect((try? CronTimeZone.load("Moon/Base").get()) == nil)
    }

    @Test func jobNamesCountMinutesSinceTheEpoch() {
        #expect(CronJobTimes.jobName("hello", scheduled: at("2026-01-05T09:01:00Z")) == "hello-29460061")
        #expect(CronJobTimes.rfc1123Z(at("2026-01-05T09:01:00Z")) == "Mon, 05 Jan 2026 09:01:00 +0000")
    }

    private func recent(_ spec: String, last: String?, created: String, now: String,
                        deadline: Int64? = nil) -> CronJobTimes.Recent? {
        guard case .success(let expression) = CronExpression.parse(spec) else { return nil }
        return CronJobTimes.mostRecent(expression, zone: .utc, lastSchedule: last.map(at), created: at(created),
                                       now: at(now), deadlineSeconds: deadline)
    }

    @Test func mostRecentScheduleTime() {
        let first = recent("*/1 * * * *", last: nil, created: "2026-01-05T09:00:03Z", now: "2026-01-05T09:01:00.1Z")
        #expect(first == .init(earliest: at("2026-01-05T09:00:03Z"), mostRecent: at("2026-01-05T09:01:00Z"), missed: .none))
        let none = recent("*/1 * * * *", last: nil, created: "2026-01-05T09:00:03Z", now: "2026-01-05T09:00:30Z")
        #expect(none?.mostRecent == nil)
        let few = recent("*/1 * * * *", last: "2026-01-05T09:01:00Z", created: "2026-01-05T09:00:03Z", now: "2026-01-05T09:05:30Z")
        #expect(few?.mostRecent == at("2026-01-05T09:05:00Z"))
        #expect(few?.missed == .few)
        let many = recent("*/1 * * * *", last: nil, created: "2026-01-05T07:00:00Z", now: "2026-01-05T09:00:30Z")
        #expect(many?.mostRecent == at("2026-01-05T09:00:00Z"))
        #expect(many?.missed == .many)
        let deadline = recent("*/1 * * * *", last: nil, created: "2026-01-05T07:00:00Z", now: "2026-01-05T09:00:30Z", deadline: 200)
        #expect(deadline?.missed == .few)
        let never = recent("0 0 30 2 *", last: nil, created: "2026-01-05T07:00:00Z", now: "2026-01-05T09:00:30Z")
        #expect(never?.error == "time difference between two schedules is less than 1 second")
    }

    @Test func theControllerWakesJustAfterTheNextActivation() {
        guard case .success(let expression) = CronExpression.parse("*/5 * * * *") else { return }
        let wake = CronJobTimes.wakeUp(expression, zone: .utc, lastSchedule: at("2026-01-05T09:05:00Z"),
                                       created: at("2026-01-05T09:00:03Z"), now: at("2026-01-05T09:05:00.1Z"))
        #expect(wake == at("2026-01-05T09:10:00.1Z"))
    }
}

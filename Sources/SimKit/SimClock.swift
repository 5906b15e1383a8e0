/// The only source of time in the simulation.
///
/// Time is whole nanoseconds since the Unix epoch. Nothing in the simulation reads the
/// wall clock: commands advance this clock, so the same commands always see the same times.
public final class SimClock: @unchecked Sendable {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public private(set) var now: Int64

    /// 2026-01-05T09:00:00Z, a Monday morning: the moment every fresh world starts at.
    public static let defaultStart: Int64 = 1_767_603_600 * 1_000_000_000

    public init(start: Int64 = SimClock.defaultStart) {
        now = start
    }

    /// Seconds since the epoch, rounded down.
    public var seconds: Int64 { now / 1_000_000_000 }

    public func advance(nanoseconds: Int64) {
        precondition(nanoseconds >= 0, "the simulated clock never goes back")
        now += nanoseconds
    }

    public func advance(seconds: Double) {
        advance(nanoseconds: Int64(seconds * 1_000_000_000))
    }

    public func advance(milliseconds: Int64) {
        advance(nanoseconds: milliseconds * 1_000_000)
    }

    /// Moves to `instant` if it is later than now.
    public func advance(to instant: Int64) {
        if instant > now { now = instant }
    }

    /// Who decides what waiting means: the world runs the cluster forward while the
    /// learner's `sleep` waits; a container's `sleep` waits for the world. Unset: time just moves.
    public var sleepHandler: ((Int64) -> Void)?

    /// Waits `nanoseconds` of simulated time (what `sleep` does).
    public func sleep(nanoseconds: Int64) {
        guard nanoseconds > 0 else { return }
        if let sleepHandler { sleepHandler(nanoseconds) } else { advance(nanoseconds: nanoseconds) }
    }

    public func sleep(seconds: Double) {
        sleep(nanoseconds: Int64(seconds * 1_000_000_000))
    }
}

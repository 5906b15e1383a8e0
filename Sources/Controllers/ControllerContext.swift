import APIStore
import KubeModel
import SimKit

/// What a control loop may use: the store, the clock, the timeline for work due later,
/// and seeded chance for names.
public final class ControllerContext {
    public let store: APIStore
    public let clock: SimClock
    public let timeline: Timeline
    public var random: SeededRandom
    /// Which kubelets are posting status (kubelets write, node lifecycle reads).
    public let heartbeats = NodeHeartbeats()

    public init(store: APIStore, clock: SimClock, timeline: Timeline, seed: UInt64) {
        self.store = store
        self.clock = clock
        self.timeline = timeline
        random = SeededRandom(seed: seed ^ 0xC0_47_80_11E5)
    }

    public var now: Int64 { clock.now }

    /// Runs `action` `seconds` from now (the world settles the controllers afterwards).
    @discardableResult
    public func after(seconds: Double, _ action: @escaping Timeline.Action) -> Int {
        timeline.schedule(at: clock.now + Int64(seconds * 1_000_000_000), action)
    }
}

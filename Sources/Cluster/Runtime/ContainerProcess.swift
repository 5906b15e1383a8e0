import Dispatch
import Foundation
import SimKit

/// A container's main process when it runs a shell: the script runs on a thread of its own
/// that parks whenever it sleeps, so the world can go on and wake it at the right time.
///
/// Only one thread runs at a time (the world waits while the container runs, and the other
/// way round), so every run is as deterministic as a single-threaded one.
final class ContainerProcess: @unchecked Sendable {
    enum Phase: Equatable {
        case running
        /// Waiting in `sleep` until this instant.
        case sleeping(until: Int64)
        case exited(Int32)
    }

    /// The container's own clock: it only moves when the world wakes the container.
    let clock: SimClock
    private(set) var phase: Phase = .running
    /// Set by `kill`: the script unwinds at its next step.
    private(set) var killed = false
    private var wakeTime: Int64 = 0
    private let toContainer = DispatchSemaphore(value: 0)
    private let toWorld = DispatchSemaphore(value: 0)
    /// Runs the script; returns its exit status. Gets the process, to stop the shell when killed.
    /// Dropped once it returns: it holds the container's record, which holds this process.
    private var body: ((ContainerProcess) -> Int32)?
    /// Called on the container's thread when killed, so the script stops at its next step.
    var onKill: (() -> Void)?

    /// Threads that exist at once across the process (each holds a stack while it sleeps).
    nonisolated(unsafe) static var liveThreads = 0
    static let threadLimit = 128
    private static let lock = NSLock()

    init(clock: SimClock, body: @escaping (ContainerProcess) -> Int32) {
        self.clock = clock
        self.body = body
    }

    /// Whether another thread may start now.
    static var canStartThread: Bool {
        lock.lock()
        defer { lock.unlock() }
        return liveThreads < threadLimit
    }

    /// Starts the script on its thread and waits until it first sleeps or ends.
    func start() -> Phase {
        Self.lock.lock()
        Self.liveThreads += 1
        Self.lock.unlock()
        clock.sleepHandler = { [unowned self] nanoseconds in park(until: clock.now + nanoseconds) }
        let thread = Thread { [self] in
            phase = .exited(runBody())
            Self.lock.lock()
            Self.liveThreads -= 1
            Self.lock.unlock()
            toWorld.signal()
        }
        thread.stackSize = 16 << 20
        thread.start()
        toWorld.wait()
        return phase
    }

    /// Runs the script inline, on the caller's thread: for when too many threads exist.
    /// Its sleeps do not wait for the world; they only move its own clock (what it writes
    /// lands early; its log lines carry their own times, shown once the world reaches them).
    func runInline() -> Phase {
        clock.sleepHandler = nil
        phase = .exited(runBody())
        return phase
    }

    /// Runs the script once, then lets go of it and of the shell `onKill` stops.
    private func runBody() -> Int32 {
        let status = body?(self) ?? 0
        body = nil
        onKill = nil
        return status
    }

    /// Wakes the sleeping script at `time` (the world's now) and waits until it sleeps again or ends.
    func resume(at time: Int64) -> Phase {
        guard case .sleeping = phase else { return phase }
        wakeTime = time
        phase = .running
        toContainer.signal()
        toWorld.wait()
        return phase
    }

    /// Ends a sleeping script: it wakes, unwinds without running anything more, and exits.
    func kill() {
        guard case .sleeping = phase else { return }
        killed = true
        _ = resume(at: clock.now)
    }

    /// On the container's thread: hands control to the world until woken.
    private func park(until time: Int64) {
        if killed { return }
        phase = .sleeping(until: time)
        toWorld.signal()
        toContainer.wait()
        clock.advance(to: wakeTime)
        if killed { onKill?() }
    }
}

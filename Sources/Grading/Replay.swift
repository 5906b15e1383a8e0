import Cluster
import CommandKit
import Course
import Foundation

/// Limits one submission's replay may not pass; past one, the row is an error scored zero.
public struct ReplayBudget: Sendable, Equatable {
    /// Simulated cluster time the replay may take (each command is 3 s; `sleep` runs the cluster on).
    public var simulatedSeconds: Double = 24 * 3_600
    /// Bytes the replay may print (stdout and stderr together).
    public var outputBytes = 8 << 20
    /// Real seconds the replay may take, checked between commands (a safety net; nil: none).
    public var wallSeconds: Double? = 60

    public init() {}
}

/// Replays one script in a fresh world of the exercise, within a budget, then runs the checks.
public enum Replay {
    /// Why a replay stopped early (the row's error message).
    public enum Stop: Error, Sendable, Equatable {
        case endlessLoop(command: Int)
        case tooMuchOutput(limit: Int)
        case simulatedTime(limit: Double)
        case wallTime(limit: Double)

        public var message: String {
            switch self {
            case .endlessLoop(let command):
                return "command \(command) hit the shell's step budget (an endless loop?); not graded"
            case .tooMuchOutput(let limit):
                return "printed more than \(limit >> 20) MiB; not graded"
            case .simulatedTime(let limit):
                let amount = limit >= 3_600 ? "\(Int(limit / 3_600)) h" : "\(Int(limit / 60)) min"
                return "ran past \(amount) of cluster time; not graded"
            case .wallTime(let limit):
                return "took more than \(Int(limit)) s to replay; not graded"
            }
        }
    }

    /// The line the shell prints when a command spends its step budget.
    static let stepBudgetMarker = Array("bash: ckalab: script stopped after".utf8)

    /// `wallClock` returns seconds (monotonic); it is only read between commands.
    public static func grade(_ exercise: Exercise, rubric: Rubric, script: String, budget: ReplayBudget = ReplayBudget(),
                             wallClock: @escaping @Sendable () -> Double = Replay.monotonicSeconds) -> Result<Grade, Stop> {
        let world = Grader.prepareWorld(exercise)
        let meter = OutputMeter()
        let session = TerminalSession(world: world, stdout: meter.stdout, stderr: meter.stderr, isTerminal: false)
        let start = world.clock.now
        let wallStart = wallClock()
        var lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if script.hasSuffix("\n") { lines.removeLast() }
        var commands = 0
        func overBudget() -> Stop? {
            if meter.sawStepBudget { return .endlessLoop(command: commands) }
            if meter.bytes > budget.outputBytes { return .tooMuchOutput(limit: budget.outputBytes) }
            if Double(world.clock.now - start) / 1e9 > budget.simulatedSeconds { return .simulatedTime(limit: budget.simulatedSeconds) }
            if let limit = budget.wallSeconds, wallClock() - wallStart > limit { return .wallTime(limit: limit) }
            return nil
        }
        for line in lines {
            if session.hasEnded { break }
            let before = session.transcript.count
            session.feed(line)
            if session.transcript.count != before { commands += 1 }
            if let stop = overBudget() { return .failure(stop) }
        }
        session.finishInput()
        if let stop = overBudget() { return .failure(stop) }
        world.advance(seconds: Double(rubric.wait))
        return .success(Grader.check(world, exercise: exercise, rubric: rubric))
    }

    @Sendable public static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Counts what a replay prints (nothing is kept) and notices the shell's step-budget message.
private final class OutputMeter: @unchecked Sendable {
    var bytes = 0
    var sawStepBudget = false

    var stdout: OutputSink { OutputSink { [self] chunk in bytes += chunk.count } }
    var stderr: OutputSink {
        OutputSink { [self] chunk in
            bytes += chunk.count
            if !sawStepBudget, chunk.starts(with: Replay.stepBudgetMarker) { sawStepBudget = true }
        }
    }
}

/// Limits that keep one `run` from hanging or exhausting memory: bash would loop forever,
/// recurse until it segfaults, or fill the disk; the lab stops with a clear message instead.
final class Budget {
    /// Commands and loop iterations one `run` may take.
    static let maxSteps = 1_000_000
    /// Nested function calls, `source`, `eval`, `$(…)` and child shells together.
    static let maxDepth = 200
    /// Bytes a pipe or `$(…)` may collect.
    static let maxCapturedBytes = 64 << 20

    var steps = 0
    var depth = 0
    /// Set once the message has been printed, so nested shells do not repeat it.
    var exhausted = false
    /// What was exceeded, printed once at the top level.
    var message: String?

    /// Counts one step; throws when the budget is spent.
    func step() throws(ControlFlow) {
        steps += 1
        if steps > Self.maxSteps {
            if message == nil { message = "script stopped after \(Self.maxSteps) steps (endless loop?)" }
            throw .budgetExceeded
        }
    }
}

extension Shell {
    /// Ends the running script at its next step, printing nothing: a container's process
    /// killed while it waits in `sleep` (the runtime resumes it only so it can unwind).
    public func stopRunning() {
        budget.message = ""
        budget.steps = Budget.maxSteps
        budget.exhausted = true
    }
}

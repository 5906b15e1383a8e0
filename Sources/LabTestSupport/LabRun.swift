import Cluster
import CommandKit

/// What a learner saw after typing a script into a fresh lab.
public struct LabRun: Equatable, CustomStringConvertible {
    public var stdout: String
    public var stderr: String
    public var status: Int32

    public var description: String { "status \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Types `script` into a fresh lab (the standard two-node world unless told otherwise)
/// and returns what it printed. `terminal` chooses whether commands see a terminal.
public func runLab(_ script: String, world: World = World(), terminal: Bool = false, echo: Bool = false) -> LabRun {
    let out = OutputBuffer()
    let err = OutputBuffer()
    let session = TerminalSession(world: world, stdout: out.sink, stderr: err.sink, isTerminal: terminal)
    let status = session.runScript(script, echo: echo)
    return LabRun(stdout: out.text, stderr: err.text, status: status)
}

/// Like `runLab` but returns the session too, to look at the world afterwards.
public func labSession(_ script: String, world: World = World()) -> (LabRun, TerminalSession) {
    let out = OutputBuffer()
    let err = OutputBuffer()
    let session = TerminalSession(world: world, stdout: out.sink, stderr: err.sink, isTerminal: false)
    let status = session.runScript(script)
    return (LabRun(stdout: out.text, stderr: err.text, status: status), session)
}

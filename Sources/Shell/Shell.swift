import CommandKit
import NodeFS
import ShellSyntax
import SimKit

/// A bash process on one node: variables, working directory, history, and the commands it
/// can run. It parses with ShellSyntax and interprets the tree the way bash 5.2 does.
public final class Shell {
    public enum Mode: Equatable, Sendable {
        /// Typed at a prompt: errors read `bash: …`.
        case interactive
        /// `bash -c`/`ssh node CMD` or a script file: errors read `NAME: line N: …`.
        case script(name: String)
    }

    public let fileSystem: any FileSystem
    public let clock: SimClock
    public let host: Host
    public var commands: CommandRegistry
    public let mode: Mode
    public var stdoutIsTerminal = false
    public var terminalWidth = 80
    public var history: [String] = []
    /// Set when `exit` ran: the status the shell leaves with.
    public internal(set) var exitRequested: Int32?

    var state = ShellState()
    /// Shared with nested and child shells, reset by each top-level `run`.
    var budget = Budget()
    /// How errors are prefixed: `bash: `, `bash: line 3: `, `./s.sh: line 3: `.
    var flavor: Flavor
    /// `$0`.
    var scriptName: String
    /// The line of the command running now, for `line N:` prefixes.
    var currentLine = 1
    /// Inside `if`/`while` conditions and `&&`/`||` left sides, where `set -e` does not apply.
    var conditionDepth = 0
    var loopDepth = 0
    var functionDepth = 0
    var sourceDepth = 0
    /// True while running a nested `run` (child shell or `$(…)`), so budgets are not reset.
    var isNested = false
    /// The aliases as they were when the running line was read: bash expands aliases while
    /// parsing, so an alias defined on a line is used from the next line on.
    var lineAliases: [String: String] = [:]
    /// bash's `$RANDOM` generator, seeded so runs are repeatable.
    var randomState: UInt32 = 20_250_101
    /// When the shell started, for `$SECONDS`.
    let startSeconds: Int64

    enum Flavor: Equatable {
        case interactive
        /// `bash -c STRING`: runtime errors `NAME: line N:`, syntax errors `NAME: -c: line N:`.
        case commandString(name: String)
        /// `bash FILE`: both `FILE: line N:`.
        case file(name: String)
    }

    public init(fileSystem: any FileSystem, clock: SimClock, host: Host, commands: CommandRegistry,
                environment: [String: String], workingDirectory: String, mode: Mode) {
        self.fileSystem = fileSystem
        self.clock = clock
        self.host = host
        self.commands = commands
        self.mode = mode
        startSeconds = clock.seconds
        switch mode {
        case .interactive: flavor = .interactive; scriptName = "bash"
        case .script(let name) where name == "bash" || name == "sh": flavor = .commandString(name: name); scriptName = name
        case .script(let name): flavor = .file(name: name); scriptName = name
        }
        Self.registerShellPrograms(&self.commands)
        // Sized once: a container's shell starts with a dozen variables, and growing the table
        // step by step cost more than filling it.
        state.variables.reserveCapacity(environment.count + 4)
        for (name, value) in environment { state.variables[name] = Variable(value, exported: true) }
        state.workingDirectory = workingDirectory
        if state.variables["PWD"] == nil { state.variables["PWD"] = Variable(workingDirectory, exported: true) }
        state.variables["PWD"]?.value = workingDirectory
        if state.variables["IFS"] == nil { state.variables["IFS"] = Variable(" \t\n") }
        if mode == .interactive { startInteractive() }
    }

    /// Exported variables, as a child process's environment.
    public var environment: [String: String] {
        get {
            var result: [String: String] = [:]
            result.reserveCapacity(state.variables.count)
            for (name, variable) in state.variables where variable.exported { result[name] = variable.value }
            return result
        }
        set {
            for (name, variable) in state.variables where variable.exported && newValue[name] == nil {
                state.variables[name] = nil
            }
            for (name, value) in newValue { state.variables[name] = Variable(value, exported: true) }
        }
    }

    public var workingDirectory: String {
        get { state.workingDirectory }
        set { state.workingDirectory = newValue }
    }

    /// `$?`: the last command's status. The terminal sets it to 130 when Ctrl-C drops a line.
    public var lastStatus: Int32 {
        get { state.lastStatus }
        set { state.lastStatus = newValue }
    }

    /// Whether `source` needs more lines before it can run (open quote, heredoc, `if` without `fi`, …).
    public static func isIncomplete(_ source: String) -> Bool { Parser.isIncomplete(source) }

    /// Runs `source` (one or more complete commands); returns the last status, as `$?`.
    @discardableResult
    public func run(_ source: String, stdin: [UInt8] = [], stdout: OutputSink, stderr: OutputSink) -> Int32 {
        if !isNested { budget = Budget() }
        let io = IOContext(stdin: InputStream(stdin), stdout: stdout, stderr: stderr, terminal: stdoutIsTerminal)
        return runSource(source, io: io)
    }

    /// Interactive start-up: a prompt string and `~/.bashrc`, its output discarded.
    private func startInteractive() {
        state.variables["PS1"] = Variable("\\u@\\h:\\w\\$ ")
        let home = state.variables["HOME"]?.value ?? "/root"
        let rc = Path.join(home, ".bashrc")
        guard let bytes = try? fileSystem.readFile(rc) else { return }
        let io = IOContext(stdin: InputStream(), stdout: .discarding(), stderr: .discarding(), terminal: false)
        sourceDepth += 1
        _ = runSource(String(decoding: bytes, as: UTF8.self), io: io, catchingReturn: true)
        sourceDepth -= 1
        state.lastStatus = 0
    }
}

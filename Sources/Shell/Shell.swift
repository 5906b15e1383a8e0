import CommandKit
import NodeFS
import ShellSyntax
import SimKit

/// A bash process on one node: variables, working directory, history, and the commands it
/// can run. TEMPORARY SKELETON — runs whitespace-separated words only; the interpreter
/// replaces this.
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
    public var environment: [String: String]
    public var workingDirectory: String
    public let mode: Mode
    public var stdoutIsTerminal = false
    public var terminalWidth = 80
    public var history: [String] = []
    /// Set when `exit` ran: the status the shell leaves with.
    public private(set) var exitRequested: Int32?

    public init(fileSystem: any FileSystem, clock: SimClock, host: Host, commands: CommandRegistry,
                environment: [String: String], workingDirectory: String, mode: Mode) {
        self.fileSystem = fileSystem
        self.clock = clock
        self.host = host
        self.commands = commands
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.mode = mode
    }

    /// Whether `source` needs more lines before it can run (open quote, heredoc, `if` without `fi`, …).
    public static func isIncomplete(_ source: String) -> Bool { false }

    /// Runs `source` (one or more complete commands); returns the last status, as `$?`.
    @discardableResult
    public func run(_ source: String, stdin: [UInt8] = [], stdout: OutputSink, stderr: OutputSink) -> Int32 {
        let words = source.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let name = words.first else { return 0 }
        if name == "exit" { exitRequested = 0; return 0 }
        guard let command = commands.lookup(name, path: environment["PATH"] ?? "") else {
            stderr.line("bash: \(name): command not found")
            return 127
        }
        var invocation = Invocation(arguments: words, stdin: stdin, stdout: stdout, stderr: stderr,
                                    environment: environment, workingDirectory: workingDirectory,
                                    fileSystem: fileSystem, clock: clock, host: host,
                                    stdoutIsTerminal: stdoutIsTerminal, terminalWidth: terminalWidth)
        return command.run(&invocation)
    }
}

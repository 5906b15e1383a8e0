import NodeFS
import SimKit

/// Everything a command sees when it runs: its arguments, streams, environment,
/// filesystem, clock, and a way to run another command (for `xargs`, `sudo`, `env`).
///
/// Commands know nothing of the shell that calls them; they only read and write through this.
public struct Invocation {
    /// `arguments[0]` is the command name as typed.
    public var arguments: [String]
    /// Standard input, whole (pipeline stages run one after another).
    public var stdin: [UInt8]
    public var stdout: OutputSink
    public var stderr: OutputSink
    /// Exported variables, as the command's environment.
    public var environment: [String: String]
    /// Absolute, as `$PWD`.
    public var workingDirectory: String
    public var fileSystem: any FileSystem
    public var clock: SimClock
    public var host: Host
    /// Whether stdout is a terminal (ls prints columns, grep --color=auto colours, …).
    public var stdoutIsTerminal: Bool
    public var terminalWidth: Int
    /// Runs another command by name (`arguments[0]`), the way `execvp` would find it;
    /// returns its exit status. Set by the shell.
    public var runCommand: (Invocation) -> Int32
    /// Where a command name resolves on `$PATH`, for `which` and `type`.
    public var locateCommand: (String) -> String?

    public init(
        arguments: [String], stdin: [UInt8] = [], stdout: OutputSink, stderr: OutputSink,
        environment: [String: String] = [:], workingDirectory: String = "/",
        fileSystem: any FileSystem, clock: SimClock, host: Host = Host(),
        stdoutIsTerminal: Bool = false, terminalWidth: Int = 80,
        runCommand: @escaping (Invocation) -> Int32 = { _ in 127 },
        locateCommand: @escaping (String) -> String? = { _ in nil }
    ) {
        self.arguments = arguments
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.fileSystem = fileSystem
        self.clock = clock
        self.host = host
        self.stdoutIsTerminal = stdoutIsTerminal
        self.terminalWidth = terminalWidth
        self.runCommand = runCommand
        self.locateCommand = locateCommand
    }

    /// The command's name without any directory: `/usr/bin/cat` → `cat`.
    public var name: String { Path.basename(arguments.first ?? "") }

    /// The arguments after the command name.
    public var operands: ArraySlice<String> { arguments.dropFirst() }

    /// An absolute path for an operand, relative to the working directory.
    public func path(_ operand: String) -> String {
        Path.join(workingDirectory, operand)
    }

    /// Writes `<name>: <message>` to stderr, as coreutils do.
    public func error(_ message: String) {
        stderr.line("\(name): \(message)")
    }

    /// Writes `<name>: <operand>: <strerror>` to stderr.
    public func error(_ operand: String, _ failure: FSError) {
        stderr.line("\(name): \(operand): \(failure.message)")
    }

    /// A copy that runs `arguments` with the same streams and context.
    public func with(arguments: [String], stdin: [UInt8]? = nil) -> Invocation {
        var copy = self
        copy.arguments = arguments
        if let stdin { copy.stdin = stdin }
        return copy
    }
}

/// The machine a command runs on.
public struct Host: Sendable {
    public var hostname: String
    public var userName: String
    public var uid: UInt32
    public var gid: UInt32

    public init(hostname: String = "localhost", userName: String = "root", uid: UInt32 = 0, gid: UInt32 = 0) {
        self.hostname = hostname
        self.userName = userName
        self.uid = uid
        self.gid = gid
    }
}

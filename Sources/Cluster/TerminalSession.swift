import CommandKit
import NodeFS
import Shell

/// A learner's terminal: a stack of shells (the first on the start node, one more for each
/// `ssh`), fed one typed line at a time.
///
/// The REPL and `ckalab run` both drive this, so a script prints exactly what typing it would.
public final class TerminalSession {
    struct Frame {
        let node: Node
        let shell: Shell
        let isRemote: Bool
        /// Set for a shell in a container (`kubectl exec -it`), hosted on `node`.
        var container: ContainerTerminal? = nil
    }

    public let world: World
    public let stdout: OutputSink
    public let stderr: OutputSink
    /// Opens an editor on a file's contents; returns the saved contents, or nil if unchanged.
    /// Set by the executable when a real terminal is there (the editor bridge).
    public var editor: EditorBridge?
    public private(set) var hasEnded = false
    public private(set) var lastStatus: Int32 = 0
    /// What was run, as a script that replays it (editor saves become heredoc writes).
    public private(set) var transcript: [String] = []

    private var frames: [Frame] = []
    private var pendingLines: [String] = []
    private var pendingLogin: Node?
    let isTerminal: Bool
    let terminalWidth: Int
    private let link = SessionLink()
    private var commands: CommandRegistry
    var commandRegistryNames: [String] { commands.names }
    /// Called after every command has run and the world settled (the tutor checks a lesson's step).
    public var afterCommand: ((String) -> Void)?
    /// Candidates for a word after a command (`lab start <TAB>`); nil falls back to paths.
    public var argumentCompleter: ((_ words: [String], _ word: String) -> [String]?)?

    /// `extraCommands` are registered on every node's shell (the lab's `lab` command).
    public init(world: World, stdout: OutputSink, stderr: OutputSink, isTerminal: Bool = true, terminalWidth: Int = 80,
                extraCommands: CommandRegistry = CommandRegistry()) {
        self.world = world
        self.stdout = stdout
        self.stderr = stderr
        self.isTerminal = isTerminal
        self.terminalWidth = terminalWidth
        commands = world.commands
        commands.merge(SessionCommands.registry(link))
        commands.merge(extraCommands)
        link.session = self
        let start = world.node(named: world.description.startNode) ?? world.nodes[0]
        frames = [Frame(node: start, shell: makeShell(on: start, interactive: true), isRemote: false)]
    }

    /// The node the learner is on now.
    public var currentNode: Node { frames[frames.count - 1].node }

    var currentShell: Shell { frames[frames.count - 1].shell }

    /// `root@controlplane:~# `, or `> ` while a command is incomplete (open quote, heredoc, …).
    public var prompt: String {
        if !pendingLines.isEmpty { return "> " }
        if let container = frames[frames.count - 1].container { return container.prompt() }
        return "root@\(currentNode.name):\(Self.displayDirectory(currentShell.workingDirectory))# "
    }

    /// Takes one typed line. Runs it once the command it belongs to is complete.
    public func feed(_ line: String) {
        guard !hasEnded else { return }
        pendingLines.append(line)
        let source = pendingLines.joined(separator: "\n")
        if Shell.isIncomplete(source) { return }
        pendingLines = []
        execute(source)
    }

    /// Input ended in the middle of a command: let the shell report it as bash would.
    public func finishInput() {
        guard !pendingLines.isEmpty else { return }
        let source = pendingLines.joined(separator: "\n")
        pendingLines = []
        execute(source)
    }

    /// Ctrl-C: drops a half-typed command; `$?` becomes 130 as in bash.
    public func interrupt() {
        pendingLines = []
        lastStatus = 130
        currentShell.lastStatus = 130
    }

    /// Ctrl-D on an empty line: leaves the current shell.
    public func endOfInput() {
        if !pendingLines.isEmpty {
            finishInput()
            return
        }
        leaveShell(status: lastStatus)
    }

    private func execute(_ source: String) {
        guard source.contains(where: { !" \t".contains($0) }) else { return }
        let shell = currentShell
        // HISTCONTROL=ignorespace, as Ubuntu's .bashrc sets it.
        if !source.hasPrefix(" ") { shell.history.append(source) }
        transcript.append(source)
        // Time passes while the learner reads and types; the cluster runs on meanwhile.
        world.advance(seconds: World.secondsPerCommand)
        world.terminalHost = self
        world.pendingTerminal = nil
        lastStatus = shell.run(source, stdout: stdout, stderr: stderr)
        world.settle()
        if let status = shell.exitRequested {
            leaveShell(status: status)
        }
        if let request = world.pendingTerminal {
            world.pendingTerminal = nil
            frames.append(Frame(node: currentNode, shell: request.terminal.shell, isRemote: false, container: request.terminal))
        }
        if let node = pendingLogin {
            pendingLogin = nil
            frames.append(Frame(node: node, shell: makeShell(on: node, interactive: true), isRemote: true))
        }
        afterCommand?(source)
    }

    /// Ends the terminal as `exit` on the first shell would, without a word (`lab quit`).
    public func end() {
        hasEnded = true
    }

    private func leaveShell(status: Int32) {
        let frame = frames.removeLast()
        if let container = frame.container {
            if container.saysExit { stderr.line("exit") }
            lastStatus = container.ended(status, stdout, stderr)
            currentShell.lastStatus = lastStatus
        } else if frame.isRemote {
            // bash's exit builtin writes "logout" to stderr for a login shell.
            stderr.line("logout")
            stderr.line("Connection to \(frame.node.name) closed.")
            lastStatus = status
        } else {
            stderr.line("exit")
            lastStatus = status
            hasEnded = true
        }
    }

    /// The working directory as bash's `\w` shows root's: `~` for /root.
    static func displayDirectory(_ directory: String) -> String {
        if directory == "/root" { return "~" }
        if directory.hasPrefix("/root/") { return "~" + directory.dropFirst("/root".count) }
        return directory
    }

    func makeShell(on node: Node, interactive: Bool) -> Shell {
        let shell = Shell(
            fileSystem: node.disk, clock: world.clock, host: node.host, commands: commands,
            environment: Self.environment(for: node), workingDirectory: "/root",
            mode: interactive ? .interactive : .script(name: "bash"))
        shell.stdoutIsTerminal = isTerminal
        shell.terminalWidth = terminalWidth
        return shell
    }

    static func environment(for node: Node) -> [String: String] {
        [
            "HOME": "/root", "USER": "root", "LOGNAME": "root", "SHELL": "/bin/bash",
            "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin",
            "TERM": "xterm", "LANG": "C.UTF-8", "HOSTNAME": node.name, "SHLVL": "1",
        ]
    }

    // MARK: - Hooks for session commands (ssh, editors)

    func login(to node: Node) {
        pendingLogin = node
    }

    /// Runs `command` once on `node` in a fresh non-interactive shell, as `ssh node CMD` does.
    func runRemote(_ command: String, on node: Node, stdin: [UInt8], stdout: OutputSink, stderr: OutputSink) -> Int32 {
        let shell = makeShell(on: node, interactive: false)
        shell.stdoutIsTerminal = false
        return shell.run(command, stdin: stdin, stdout: stdout, stderr: stderr)
    }

    func recordEditorSave(path: String, contents: [UInt8]) {
        transcript.append(ReplayScript.write(path: path, contents: contents))
    }
}

/// Lets `@Sendable` command bodies reach the session that registered them.
final class SessionLink: @unchecked Sendable {
    weak var session: TerminalSession?
}

extension TerminalSession {
    /// Feeds a whole script line by line, as a person typing it would; with `echo`, prints
    /// each prompt and line first, like a transcript. Returns the last command's status.
    @discardableResult
    public func runScript(_ script: String, echo: Bool = false) -> Int32 {
        var lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if script.hasSuffix("\n") { lines.removeLast() }
        for line in lines {
            if hasEnded { break }
            if echo { stdout.write(prompt + line + "\n") }
            feed(line)
        }
        finishInput()
        return lastStatus
    }
}

import CommandKit
import KubeModel
import NodeFS
import Shell

/// A shell in a container, hosted at the learner's terminal (`kubectl exec -it POD -- sh`).
struct ContainerTerminal {
    /// How the container's shell draws its prompt.
    enum PromptStyle {
        /// busybox ash (busybox, alpine): `PS1='\w \$ '`, e.g. `/ # `.
        case ash
        /// bash as Debian's /etc/bash.bashrc sets it: `root@web-0:/# `.
        case bash
        /// dash, Debian's `sh`: `# `.
        case dash
    }

    let shell: Shell
    let hostname: String
    let style: PromptStyle
    /// What happens once the shell exits (the container's end, kubectl's messages); returns `$?`.
    let ended: (Int32, OutputSink, OutputSink) -> Int32

    func prompt() -> String {
        let directory = shell.workingDirectory
        switch style {
        case .ash: return "\(directory) # "
        case .dash: return "# "
        case .bash:
            return "root@\(hostname):\(TerminalSession.displayDirectory(directory))# "
        }
    }

    /// bash says `exit` when it leaves; ash and dash say nothing.
    var saysExit: Bool { style == .bash }
}

/// A request from `kubectl exec -it` for the terminal, taken up once the kubectl command returns.
struct ContainerTerminalRequest {
    let terminal: ContainerTerminal
}

extension ShellContainerRuntime {
    /// An interactive shell in the running container, or nil when `argv` is not a shell the image has.
    func terminal(containerID: String, argv: [String], isTerminal: Bool, width: Int,
                  ended: @escaping (Int32, OutputSink, OutputSink) -> Int32) -> ContainerTerminal? {
        guard let record = containers[containerID], record.isRunning, argv.count == 1, let program = argv.first,
              missingExecutable(argv, in: record) == nil else { return nil }
        let style: ContainerTerminal.PromptStyle
        switch Path.basename(program) {
        case "bash": style = .bash
        case "sh", "ash":
            // Debian's sh is dash (its images have bash too); busybox and alpine's is ash.
            style = (try? record.fileSystem.info("/bin/bash")) != nil ? .dash : .ash
        default: return nil
        }
        let shell = makeShell(record, clock: world.clock, interactive: style == .bash)
        shell.stdoutIsTerminal = isTerminal
        shell.terminalWidth = width
        return ContainerTerminal(shell: shell, hostname: record.hostname, style: style, ended: ended)
    }

    /// The container's main process as a shell at the terminal: it was waiting on its stdin
    /// (`waitsOnStdin`); when the learner leaves it, the container exits with its status.
    func attachedTerminal(containerID: String, isTerminal: Bool, width: Int,
                          ended: @escaping (Int32, OutputSink, OutputSink) -> Int32) -> ContainerTerminal? {
        guard let record = containers[containerID], record.isRunning, record.waitsOnStdin else { return nil }
        return terminal(containerID: containerID, argv: record.argv, isTerminal: isTerminal, width: width) {
            [weak self, weak record] status, stdout, stderr in
            if let self, let record, record.isRunning {
                record.process?.kill()
                finish(record, code: status, reason: status == 0 ? "Completed" : "Error", at: world.clock.now)
                world.settle()
            }
            return ended(status, stdout, stderr)
        }
    }

    /// Input for a shell waiting on its stdin: it runs the input as its script, then exits.
    func feedStdin(containerID: String, bytes: [UInt8]) -> Bool {
        guard let record = containers[containerID], record.isRunning, record.waitsOnStdin else { return false }
        if let ticket = record.ticket { world.timeline.cancel(ticket) }
        record.ticket = nil
        record.process?.kill()
        record.waitsOnStdin = false
        record.stdinScript = String(decoding: bytes, as: UTF8.self)
        run(record)
        world.settle()
        return true
    }

    /// A bare shell (`sh`, `bash`, `ash`) with its stdin kept open waits for input rather than
    /// reading an empty stream and exiting (`kubectl run -it … -- sh`).
    static func waitsOnStdin(_ container: JSONValue, argv: [String]) -> Bool {
        guard container["stdin"]?.boolValue == true, argv.count == 1, let program = argv.first else { return false }
        return ["sh", "bash", "ash"].contains(Path.basename(program))
    }
}

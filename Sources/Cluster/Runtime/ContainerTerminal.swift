import CommandKit
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
    /// What kubectl does once the shell exits (`command terminated with exit code N`).
    let ended: (Int32, OutputSink, OutputSink) -> Void

    func prompt() -> String {
        let directory = shell.workingDirectory
        switch style {
        case .ash: return "\(directory) # "
        case .dash: return "# "
        case .bash:
            let shown = directory == "/root" ? "~" : directory.hasPrefix("/root/") ? "~" + directory.dropFirst(5) : directory
            return "root@\(hostname):\(shown)# "
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
                  ended: @escaping (Int32, OutputSink, OutputSink) -> Void) -> ContainerTerminal? {
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
}

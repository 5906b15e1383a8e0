import CommandKit
import Controllers
import Kubectl
import Coreutils
import NodeFS
import Shell
import SimKit

/// Running a container's script in simulated time, and `kubectl exec` into a container.
extension ShellContainerRuntime {
    /// Quotes argv words for the shell, so the script is exactly the process's argv.
    static func commandLine(_ argv: [String]) -> String {
        argv.map { word in
            // Foundation's replacing cost more than the rest of a container's start: only words with a quote need it.
            word.utf8.contains(UInt8(ascii: "'")) ? "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" : "'" + word + "'"
        }.joined(separator: " ")
    }

    func makeShell(_ record: RuntimeContainer, clock: SimClock, interactive: Bool = false) -> Shell {
        makeShell(record, clock: clock, commands: containerCommands, interactive: interactive)
    }

    /// `makeShell` with the commands read already (a process's thread must not build them).
    func makeShell(_ record: RuntimeContainer, clock: SimClock, commands: CommandRegistry, interactive: Bool = false) -> Shell {
        Shell(fileSystem: record.fileSystem, clock: clock, host: Host(hostname: record.hostname),
              commands: commands, environment: record.environment,
              workingDirectory: record.workingDirectory, mode: interactive ? .interactive : .script(name: "sh"))
    }

    /// Starts the main process: on a thread of its own while threads are free, else inline.
    func run(_ record: RuntimeContainer) {
        let clock = SimClock(start: world.clock.now)
        // A shell waiting on its open stdin blocks in read(2); a long sleep stands in for that.
        let script = record.stdinScript ?? (record.waitsOnStdin ? "sleep 2147483647" : Self.commandLine(record.argv))
        let commands = containerCommands
        let process = ContainerProcess(clock: clock) { [unowned self] process in
            let shell = makeShell(record, clock: clock, commands: commands)
            process.onKill = { shell.stopRunning() }
            let open = { !process.killed }
            let stdout = record.log.sink(.stdout, clock: { clock.now }, isOpen: open)
            let stderr = record.log.sink(.stderr, clock: { clock.now }, isOpen: open)
            return shell.run(script, stdout: stdout, stderr: stderr)
        }
        record.process = process
        let phase = ContainerProcess.canStartThread ? process.start() : process.runInline()
        handle(record, phase)
    }

    /// Acts on where the script stopped: schedule its wake-up, or its exit.
    private func handle(_ record: RuntimeContainer, _ phase: ContainerProcess.Phase) {
        switch phase {
        case .running:
            break
        case .sleeping(let until):
            record.ticket = world.timeline.schedule(at: until) { [weak self, weak record] in
                guard let self, let record, record.isRunning, let process = record.process else { return }
                record.ticket = nil
                handle(record, process.resume(at: world.clock.now))
            }
        case .exited(let code):
            guard let process = record.process, !process.killed else { return }
            finish(record, code: code, reason: code == 0 ? "Completed" : "Error", at: process.clock.now)
        }
    }

    /// Records the exit and tells the kubelet, from the timeline, at the instant it happened.
    func finish(_ record: RuntimeContainer, code: Int32, reason: String, at time: Int64, message: String = "") {
        guard record.isRunning else { return }
        let instant = max(time, world.clock.now)
        if let ticket = record.ticket { world.timeline.cancel(ticket) }
        if instant > world.clock.now {
            // A script that ran ahead ends when the world gets there.
            record.ticket = world.timeline.schedule(at: instant) { [weak self, weak record] in
                guard let self, let record else { return }
                record.ticket = nil
                finish(record, code: code, reason: reason, at: instant, message: message)
            }
            return
        }
        record.state = .exited(code: code, at: instant)
        record.log.flush(time: instant)
        record.ticket = nil
        let exit = ContainerExit(exitCode: code, reason: reason, finishedAt: instant, message: message)
        record.exit = exit
        let callback = record.exited
        record.exited = nil
        world.timeline.schedule(at: instant) { callback?(exit) }
    }

    public func startFailure(containerID: String) -> ContainerExit? {
        guard let exit = containers[containerID]?.exit, exit.reason == "StartError" else { return nil }
        return exit
    }

    /// The container's log lines written up to now (a script running ahead may have more).
    func logLines(containerID: String) -> [ContainerLogLine]? {
        guard let record = containers[containerID] else { return nil }
        let now = world.clock.now
        return record.log.lines.filter { $0.time <= now + 999_999_999 }
    }

    /// `kubectl exec`: runs argv in the running container's filesystem and environment.
    func exec(containerID: String, argv: [String], stdin: [UInt8], stdout: OutputSink, stderr: OutputSink) -> PodExecOutcome {
        guard let record = containers[containerID], record.isRunning else { return .notRunning }
        if let missing = missingExecutable(argv, in: record) {
            let execID = StaticPodSource.hex(of: "exec/\(containerID)/\(world.clock.now)", length: 64)
            return .startFailed("failed to start exec \"\(execID)\": OCI runtime exec failed: exec failed: unable to start "
                + "container process: exec: \"\(missing)\": " + Self.notFoundText(missing) + ": unknown")
        }
        let shell = makeShell(record, clock: world.clock)
        return .exited(shell.run(Self.commandLine(argv), stdin: stdin, stdout: stdout, stderr: stderr))
    }

    /// runc's reason a program could not be found.
    static func notFoundText(_ program: String) -> String {
        program.contains("/") ? "stat \(program): no such file or directory" : "executable file not found in $PATH"
    }

    /// Running containers' records for a node, in creation order.
    func records(onNode node: String) -> [RuntimeContainer] {
        (containersByNode[node] ?? []).compactMap { containers[$0] }
    }
}

import CommandKit
import Kubectl

/// `kubectl logs` and `kubectl exec` reach the nodes' containers through the world's runtime.
extension StoreKubectlContext: PodContainerAccess {
    func containerLog(containerID: String) -> [PodLogLine]? {
        guard let runtime = world?.world.runtime else { return nil }
        return runtime.logLines(containerID: containerID)?.map { PodLogLine(time: $0.time, text: $0.text) }
    }

    func exec(containerID: String, command: [String], stdin: [UInt8], stdout: OutputSink, stderr: OutputSink) -> PodExecOutcome {
        guard let runtime = world?.world.runtime else { return .notRunning }
        return runtime.exec(containerID: containerID, argv: command, stdin: stdin, stdout: stdout, stderr: stderr)
    }
}

extension StoreKubectlContext: ContainerTerminalHost {
    func openTerminal(containerID: String, command: [String], ended: @escaping Ended) -> Bool {
        guard let world = world?.world, let session = world.terminalHost,
              let terminal = world.runtime.terminal(containerID: containerID, argv: command, isTerminal: session.isTerminal,
                                                    width: session.terminalWidth, ended: ended) else { return false }
        world.pendingTerminal = ContainerTerminalRequest(terminal: terminal)
        return true
    }

    func attachTerminal(containerID: String, ended: @escaping Ended) -> Bool {
        guard let world = world?.world, let session = world.terminalHost,
              let terminal = world.runtime.attachedTerminal(containerID: containerID, isTerminal: session.isTerminal,
                                                            width: session.terminalWidth, ended: ended) else { return false }
        world.pendingTerminal = ContainerTerminalRequest(terminal: terminal)
        return true
    }

    func feedStdin(containerID: String, bytes: [UInt8]) -> Bool {
        guard let world = world?.world else { return false }
        return world.runtime.feedStdin(containerID: containerID, bytes: bytes)
    }
}

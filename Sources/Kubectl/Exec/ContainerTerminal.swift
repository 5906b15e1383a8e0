import CommandKit

/// `kubectl exec -it POD -- sh` at the learner's terminal: the cluster's context hands the
/// terminal to a shell in the container once kubectl returns, and back when it exits.
public protocol ContainerTerminalHost: AnyObject {
    /// What kubectl does once the shell at the terminal exits: gets the shell's exit status and
    /// the terminal's streams, returns kubectl's own exit status (`$?`).
    typealias Ended = (_ status: Int32, _ stdout: OutputSink, _ stderr: OutputSink) -> Int32

    /// Opens `command` in the running container at the terminal (`kubectl exec -it`). False when
    /// no terminal can host it (the command then runs as a plain exec) or it is not a shell.
    func openTerminal(containerID: String, command: [String], ended: @escaping Ended) -> Bool

    /// Attaches the terminal to the container's main process when it is a shell waiting on its
    /// stdin (`kubectl run -it … -- sh`); its exit ends the container. False otherwise.
    func attachTerminal(containerID: String, ended: @escaping Ended) -> Bool

    /// Sends `bytes` to the main process's open stdin and closes it (`echo ls | kubectl run -i …
    /// -- sh`): a shell waiting there runs them and exits. False when nothing waits on stdin.
    func feedStdin(containerID: String, bytes: [UInt8]) -> Bool
}

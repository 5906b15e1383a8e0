import CommandKit

/// `kubectl exec -it POD -- sh` at the learner's terminal: the cluster's context hands the
/// terminal to a shell in the container once kubectl returns, and back when it exits.
public protocol ContainerTerminalHost: AnyObject {
    /// Opens `command` in the running container at the terminal; `ended` gets its exit status
    /// and the terminal's streams when it exits. False when no terminal can host it (the
    /// command then runs as a plain exec) or the command is not in the image.
    func openTerminal(containerID: String, command: [String],
                      ended: @escaping (_ status: Int32, _ stdout: OutputSink, _ stderr: OutputSink) -> Void) -> Bool
}

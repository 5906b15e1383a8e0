import CommandKit

/// What `kubectl logs` and `kubectl exec` reach through the API server: the kubelet's log
/// files and exec streams of a node's containers, by container id (`status.containerStatuses[].containerID`
/// without its `containerd://` scheme). The cluster's context adopts it; without it, the verbs
/// say the lab cannot reach containers.
public protocol PodContainerAccess: AnyObject {
    /// The lines a container wrote so far, oldest first; nil if the node has no such container.
    func containerLog(containerID: String) -> [PodLogLine]?
    /// Runs `command` in the running container.
    func exec(containerID: String, command: [String], stdin: [UInt8], stdout: OutputSink, stderr: OutputSink) -> PodExecOutcome
}

/// How an exec went.
public enum PodExecOutcome: Equatable, Sendable {
    /// The process ran and exited with this status.
    case exited(Int32)
    /// The container is not running on its node.
    case notRunning
    /// The runtime could not start the process (runc's words, after `failed to start exec "<id>": `).
    case startFailed(String)
}

/// One log line with its time (nanoseconds since the epoch).
public struct PodLogLine: Equatable, Sendable {
    public var time: Int64
    public var text: String

    public init(time: Int64, text: String) {
        self.time = time
        self.text = text
    }
}

import CommandKit
import KubeModel

/// What attach.go's Run does once it has the pod: the TTY notes, the container's output until
/// it stops, and the reattach hint. `kubectl attach` and `kubectl run -i|--attach` share it.
struct AttachSession {
    var stdin: Bool
    var tty: Bool
    var quiet: Bool

    /// How long the lab follows a container that keeps running (the real stream lasts until Ctrl-C).
    static let followSeconds = 60.0

    /// How an attach ended without output of its own to report.
    enum Outcome: Equatable {
        case ended
        /// The stream could not be opened (run falls back to the container's logs).
        case failed(String)
    }

    /// Streams `container`'s output from `since` (nanoseconds) on, as the attach would see it.
    mutating func run(pod: KubeObject, container: String, since: Int64?, request: inout VerbRequest,
                      context: any KubectlContext) -> Outcome {
        let stderr = request.invocation.stderr
        let spec = (pod[path: ["spec", "containers"]]?.arrayValue ?? []).first { $0["name"]?.stringValue == container }
        let containerTTY = spec?["tty"]?.boolValue ?? false
        if tty && !containerTTY {
            tty = false
            if !quiet { stderr.write("error: Unable to use a TTY - container \(container) did not allocate one\n") }
        } else if !tty && containerTTY {
            // A container started with a TTY can only be attached with one.
            tty = true
        }
        let raw = setUpTTY(request.invocation)
        if !quiet { stderr.write("If you don't see a command prompt, try pressing enter.\n") }
        let status = PodContainerChoice.status(container, in: pod)
        guard status?[path: ["state", "running"]] != nil, let id = PodContainerChoice.runtimeID(status?["containerID"]),
              let access = context as? PodContainerAccess else {
            return .failed("unable to upgrade connection: container not found (\"\(container)\")")
        }
        let start = since ?? request.invocation.clock.now
        follow(pod: pod, container: container, id: id, context: context)
        let lines = (access.containerLog(containerID: id) ?? []).filter { $0.time >= start }
        request.invocation.stdout.write(lines.map { $0.text + "\n" }.joined())
        if !quiet && stdin && raw {
            request.invocation.stdout.write("Session ended, resume using 'kubectl attach \(pod.name) -c \(container) -i -t' "
                + "command when the pod is running\n")
        }
        return .ended
    }

    /// StreamOptions.SetupTTY: whether the local terminal goes raw (stdin and a TTY, on a terminal).
    private mutating func setUpTTY(_ invocation: Invocation) -> Bool {
        guard stdin else {
            tty = false
            return false
        }
        guard tty else { return false }
        // The learner's terminal is both ends; piped input is not a terminal.
        if !TerminalInput.isTerminal(invocation) {
            tty = false
            if !quiet { invocation.stderr.write(TerminalInput.notATerminal) }
            return false
        }
        return true
    }

    /// Lets the world run until this container instance stops (or the pod goes), within the cap.
    private func follow(pod: KubeObject, container: String, id: String, context: any KubectlContext) {
        _ = context.wait(upTo: Self.followSeconds) {
            guard let current = try? context.get(resource: "pods", namespace: pod.namespace, name: pod.name),
                  current.uid == pod.uid else { return true }
            let status = PodContainerChoice.status(container, in: current)
            return status?[path: ["state", "running"]] == nil || PodContainerChoice.runtimeID(status?["containerID"]) != id
        }
    }
}

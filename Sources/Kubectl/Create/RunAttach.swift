import CommandKit
import KubeModel

/// `kubectl run -i|--attach [--rm]` after the pod is created (run.go's Run, v1.32): wait for it to
/// run, attach (or print its logs if it already finished), wait for its exit code, delete it.
enum RunAttach {
    static func run(_ pod: KubeObject, options: RunOptions, request: inout VerbRequest,
                    context: any KubectlContext) throws(KubectlFailure) {
        var failure: KubectlFailure?
        do throws(KubectlFailure) {
            // A shell at the learner's terminal: the rest happens when the learner leaves it.
            if try attachAndWait(pod, options: options, request: &request, context: context) { return }
        } catch {
            failure = error
        }
        // The deferred removal runs before CheckErr prints the error.
        if options.remove { remove(pod, quiet: options.quiet, stdout: request.invocation.stdout, context: context) }
        if let failure { throw failure }
    }

    /// True when the terminal went to the container's shell (`finishAttached` follows its exit).
    private static func attachAndWait(_ pod: KubeObject, options: RunOptions, request: inout VerbRequest,
                                      context: any KubectlContext) throws(KubectlFailure) -> Bool {
        let timeout = Double(options.podRunningTimeout) / 1_000_000_000
        // handleAttachPod: running and ready, or already finished.
        let started = try waitForPod(pod, timeout: timeout, context: context) { current in
            let phase = phase(of: current)
            return phase == "Succeeded" || phase == "Failed" || (phase == "Running" && isReady(current))
        }
        let container = pod.name
        if ["Succeeded", "Failed"].contains(phase(of: started)) {
            try printLogs(started, container: container, request: &request)
        } else {
            let id = PodContainerChoice.runtimeID(PodContainerChoice.status(container, in: started)?["containerID"])
            if options.stdin, let id, let host = context as? ContainerTerminalHost {
                if options.tty, TerminalInput.isTerminal(request.invocation),
                   host.attachTerminal(containerID: id, ended: { status, stdout, stderr in
                       finishAttached(pod, options: options, context: context, stdout: stdout, stderr: stderr)
                   }) {
                    if !options.quiet { request.invocation.stderr.write("If you don't see a command prompt, try pressing enter.\n") }
                    return true
                }
                // Piped input goes to the shell's stdin, which then closes.
                _ = host.feedStdin(containerID: id, bytes: request.invocation.stdin)
            }
            var session = AttachSession(stdin: options.stdin, tty: options.tty, quiet: options.quiet)
            let startedAt = PodContainerChoice.status(container, in: started)?[path: ["state", "running", "startedAt"]]
            let since = RFC3339.seconds(startedAt?.stringValue ?? "").map { $0 * 1_000_000_000 }
            if case .failed(let reason) = session.run(pod: started, container: container, since: since,
                                                       request: &request, context: context) {
                request.invocation.stderr.write("warning: couldn't attach to pod/\(pod.name), falling back to streaming logs: \(reason)\n")
                let current = (try? context.get(resource: "pods", namespace: pod.namespace, name: pod.name)) ?? started
                try printLogs(current, container: container, request: &request)
            }
        }
        try waitForExit(pod, options: options, context: context)
        return false
    }

    /// The pod's end, for the restart policies kubectl waits by.
    private static func waitForExit(_ pod: KubeObject, options: RunOptions, context: any KubectlContext) throws(KubectlFailure) {
        guard !options.leaveStdinOpen, ["Never", "OnFailure"].contains(options.restartPolicy) else { return }
        let timeout = Double(options.podRunningTimeout) / 1_000_000_000
        let onFailure = options.restartPolicy == "OnFailure"
        let finished = try waitForPod(pod, timeout: timeout, context: context) { current in
            let phase = phase(of: current)
            return onFailure ? phase == "Succeeded" : phase == "Succeeded" || phase == "Failed"
        }
        try exitStatus(finished)
    }

    /// After the learner leaves the attached shell: attach's parting line (a pod that restarts
    /// can be attached again), the pod's end, `--rm`'s deletion; returns kubectl's exit status.
    private static func finishAttached(_ pod: KubeObject, options: RunOptions, context: any KubectlContext,
                                       stdout: OutputSink, stderr: OutputSink) -> Int32 {
        if !options.quiet, options.restartPolicy == "Always" {
            stdout.write("Session ended, resume using 'kubectl attach \(pod.name) -c \(pod.name) -i -t' command when the pod is running\n")
        }
        var failure: KubectlFailure?
        do throws(KubectlFailure) {
            try waitForExit(pod, options: options, context: context)
        } catch {
            failure = error
        }
        if options.remove { remove(pod, quiet: options.quiet, stdout: stdout, context: context) }
        guard let failure else { return 0 }
        stderr.write(failure.stderr)
        return failure.status
    }

    /// The pod's end as run reports it: nothing when it succeeded, else the container's exit code.
    private static func exitStatus(_ pod: KubeObject) throws(KubectlFailure) {
        let subject = "pod \(pod.namespace)/\(pod.name)"
        switch phase(of: pod) {
        case "Succeeded":
            return
        case "Failed":
            let terminated = pod[path: ["status", "containerStatuses"]]?.arrayValue?.first?[path: ["state", "terminated"]]
            guard let terminated, let code = terminated["exitCode"]?.intValue, code != 0 else {
                throw .error("\(subject) failed with unknown exit code")
            }
            let reason = terminated["reason"]?.stringValue ?? ""
            let message = terminated["message"]?.stringValue ?? ""
            // An exit error is printed as is, without `error: `.
            var text = "\(subject) terminated (\(reason))\n" + message
            if !text.hasSuffix("\n") { text += "\n" }
            throw KubectlFailure(stderr: text, status: Int32(truncatingIfNeeded: code))
        case let other:
            throw .error("\(subject) left in phase \(other)")
        }
    }

    /// run.go's waitForPod: watches the pod until `done`; gone → NotFound, too long → timed out.
    private static func waitForPod(_ pod: KubeObject, timeout: Double, context: any KubectlContext,
                                   done: (KubeObject) -> Bool) throws(KubectlFailure) -> KubeObject {
        var latest = pod
        var gone = false
        let met = context.wait(upTo: timeout) {
            guard let current = try? context.get(resource: "pods", namespace: pod.namespace, name: pod.name),
                  current.uid == pod.uid else {
                gone = true
                return true
            }
            latest = current
            return done(current)
        }
        if gone { throw KubectlFailure(stderr: "Error from server (NotFound): pods \"\" not found\n") }
        guard met else { throw .error("timed out waiting for the condition") }
        return latest
    }

    /// logOpts: the container's whole log, as `kubectl logs` prints it.
    private static func printLogs(_ pod: KubeObject, container: String, request: inout VerbRequest) throws(KubectlFailure) {
        let id: String
        switch PodContainerChoice.logContainerID(container, in: pod, previous: false) {
        case .success(let found): id = found
        case .failure(let failure): throw failure
        }
        let lines = (request.context as? PodContainerAccess)?.containerLog(containerID: id) ?? []
        request.invocation.stdout.write(lines.map { $0.text + "\n" }.joined())
    }

    /// removeCreatedObjects: DeleteOptions with IgnoreNotFound, no wait, the pod's own grace period.
    private static func remove(_ pod: KubeObject, quiet: Bool, stdout: OutputSink, context: any KubectlContext) {
        guard (try? context.delete(resource: "pods", namespace: pod.namespace, name: pod.name,
                                   options: KubectlDeleteOptions())) != nil else { return }
        if !quiet { stdout.write("pod \"\(pod.name)\" deleted\n") }
    }

    static func phase(of pod: KubeObject) -> String { pod[path: ["status", "phase"]]?.stringValue ?? "" }

    /// The pod's Ready condition is True.
    static func isReady(_ pod: KubeObject) -> Bool {
        (pod[path: ["status", "conditions"]]?.arrayValue ?? []).contains {
            $0["type"]?.stringValue == "Ready" && $0["status"]?.stringValue == "True"
        }
    }
}

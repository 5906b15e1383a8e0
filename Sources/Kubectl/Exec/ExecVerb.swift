import KubeModel

/// `kubectl exec POD [-c CONTAINER] -- COMMAND [args...]`: runs a command in a running container.
enum ExecVerb {
    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let arguments = request.arguments
        let beforeDash = request.commandLine.argumentsBeforeDash ?? arguments.count
        guard beforeDash >= 1, let podArgument = arguments.first else {
            throw .error("pod, type/name or --filename must be specified")
        }
        if request.commandLine.argumentsBeforeDash == nil, arguments.count > 1 {
            throw request.usage("exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead")
        }
        let command = Array(arguments.dropFirst())
        guard !command.isEmpty else { throw .error("you must specify at least one command for the container") }
        guard let context = request.context else { throw KubectlFailure.connectionRefused }
        let pod = try LogsVerb.fetchPod(podArgument, namespace: request.namespace, context: context)
        let phase = pod[path: ["status", "phase"]]?.stringValue ?? ""
        if phase == "Succeeded" || phase == "Failed" {
            throw .error("cannot exec into a container in a completed pod; current phase is \(phase)")
        }
        var name = request.flags.string("container")
        if name.isEmpty {
            var warnings = ""
            guard let chosen = PodContainerChoice.defaulted(pod, warnings: &warnings) else {
                throw .error("pod \(pod.namespace)/\(pod.name) does not have any containers")
            }
            if !request.flags.bool("quiet") { request.invocation.stderr.write(warnings) }
            name = chosen
        } else if !PodContainerChoice.exists(name, in: pod) {
            throw KubectlFailure(stderr: "Error from server (BadRequest): container \(name) is not valid for pod \(pod.name)\n")
        }
        if (pod[path: ["spec", "nodeName"]]?.stringValue ?? "").isEmpty {
            throw KubectlFailure(stderr: "Error from server (BadRequest): pod \(pod.name) does not have a host assigned\n")
        }
        let status = PodContainerChoice.status(name, in: pod)
        guard status?[path: ["state", "running"]] != nil, let id = PodContainerChoice.runtimeID(status?["containerID"]),
              let access = context as? PodContainerAccess else {
            throw .error("unable to upgrade connection: container not found (\"\(name)\")")
        }
        if request.flags.bool("stdin"), request.flags.bool("tty") {
            // SetupTTY: a TTY needs the learner's terminal at both ends; piped input is not one.
            if TerminalInput.isTerminal(request.invocation) {
                if let host = context as? ContainerTerminalHost,
                   host.openTerminal(containerID: id, command: command, ended: { status, _, stderr in
                       if status != 0 { stderr.write("command terminated with exit code \(status)\n") }
                       return status
                   }) {
                    return
                }
            } else if !request.flags.bool("quiet") {
                request.invocation.stderr.write(TerminalInput.notATerminal)
            }
        }
        let stdin = request.flags.bool("stdin") ? request.invocation.stdin : []
        let outcome = access.exec(containerID: id, command: command, stdin: stdin,
                                  stdout: request.invocation.stdout, stderr: request.invocation.stderr)
        switch outcome {
        case .exited(0):
            return
        case .exited(let code):
            throw KubectlFailure(stderr: "command terminated with exit code \(code)\n", status: code)
        case .notRunning:
            throw .error("unable to upgrade connection: container not found (\"\(name)\")")
        case .startFailed(let message):
            throw .error("Internal error occurred: error executing command in container: failed to exec in container: " + message)
        }
    }
}

import KubeModel

/// `kubectl attach (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t]`: the output of a running
/// container's main process from now on, until it stops (the lab follows it for a minute at most).
enum AttachVerb {
    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let timeout = request.flags.duration("pod-running-timeout")
        if timeout <= 0 { throw request.usage("--pod-running-timeout must be higher than zero") }
        let arguments = request.arguments
        guard let first = arguments.first else { throw .error("at least 1 argument is required for attach") }
        if arguments.count > 2 {
            throw .error("expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw \(arguments.count): "
                + "[\(arguments.joined(separator: " "))]")
        }
        guard let context = request.context else { throw KubectlFailure.connectionRefused }
        let target = arguments.count == 2 ? first + "/" + arguments[1] : first
        let pod = try LogsVerb.fetchPod(target, namespace: request.namespace, context: context,
                                        timeout: Double(timeout) / 1_000_000_000)
        let phase = RunAttach.phase(of: pod)
        if phase == "Succeeded" || phase == "Failed" {
            throw .error("cannot attach a container in a completed pod; current phase is \(phase)")
        }
        let quiet = request.flags.bool("quiet")
        var name = request.flags.string("container")
        if name.isEmpty {
            var warnings = ""
            guard let chosen = PodContainerChoice.defaulted(pod, warnings: &warnings) else {
                throw .error("cannot attach to the container: pod \(pod.namespace)/\(pod.name) does not have any containers")
            }
            if !quiet { request.invocation.stderr.write(warnings) }
            name = chosen
        } else if !PodContainerChoice.exists(name, in: pod) {
            throw .error("cannot attach to the container: container \(name) not found in pod \(pod.name)")
        }
        if (pod[path: ["spec", "nodeName"]]?.stringValue ?? "").isEmpty {
            throw KubectlFailure(stderr: "Error from server (BadRequest): pod \(pod.name) does not have a host assigned\n")
        }
        var session = AttachSession(stdin: request.flags.bool("stdin"), tty: request.flags.bool("tty"), quiet: quiet)
        if case .failed(let reason) = session.run(pod: pod, container: name, since: nil, request: &request, context: context) {
            throw .error(reason)
        }
    }
}

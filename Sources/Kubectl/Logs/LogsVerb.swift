import KubeModel

/// `kubectl logs POD [CONTAINER]`: a container's log as the kubelet keeps it. `-f` prints
/// what is there and returns (the lab's terminal cannot stream).
enum LogsVerb {
    static let usageText = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n"
        + "POD or TYPE/NAME is a required argument for the logs command"

    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let arguments = request.arguments
        guard !arguments.isEmpty, arguments.count <= 2 else { throw request.usage(usageText) }
        var containerName = request.flags.string("container")
        if arguments.count == 2 {
            if !containerName.isEmpty { throw .error("only one of -c or an inline [CONTAINER] arg is allowed") }
            containerName = arguments[1]
        }
        guard let context = request.context else { throw KubectlFailure.connectionRefused }
        let pod = try fetchPod(arguments[0], namespace: request.namespace, context: context)
        let previous = request.flags.bool("previous")
        var names: [String]
        var warnings = ""
        if request.flags.bool("all-containers") {
            names = PodContainerChoice.containers(pod, "initContainers") + PodContainerChoice.containers(pod, "containers")
        } else if containerName.isEmpty {
            guard let chosen = PodContainerChoice.defaulted(pod, warnings: &warnings) else { return }
            names = [chosen]
        } else {
            guard PodContainerChoice.exists(containerName, in: pod) else {
                throw .error("container \(containerName) is not valid for pod \(pod.name)")
            }
            names = [containerName]
        }
        request.invocation.stderr.write(warnings)
        // An unscheduled pod has no kubelet to ask: the API server answers with nothing.
        if (pod[path: ["spec", "nodeName"]]?.stringValue ?? "").isEmpty { return }
        let access = context as? PodContainerAccess
        let now = request.invocation.clock.now
        for name in names {
            let id: String
            switch PodContainerChoice.logContainerID(name, in: pod, previous: previous) {
            case .success(let found): id = found
            case .failure(let failure): throw failure
            }
            var lines = access?.containerLog(containerID: id) ?? []
            lines = select(lines, request: request, now: now)
            let prefix = request.flags.bool("prefix") ? "[pod/\(pod.name)/\(name)] " : ""
            var output = ""
            for line in lines {
                output += prefix
                if request.flags.bool("timestamps") { output += RFC3339Nano.format(line.time) + " " }
                output += line.text + "\n"
            }
            let limit = request.flags.int("limit-bytes")
            if limit > 0, output.utf8.count > limit { output = String(decoding: output.utf8.prefix(limit), as: UTF8.self) }
            request.invocation.stdout.write(output)
        }
    }

    /// `--since`, `--since-time` and `--tail`, as the kubelet applies them.
    private static func select(_ lines: [PodLogLine], request: VerbRequest, now: Int64) -> [PodLogLine] {
        var result = lines
        let since = request.flags.duration("since")
        if since > 0 { result = result.filter { $0.time >= now - since } }
        let tail = request.flags.int("tail")
        if tail >= 0, result.count > tail { result = Array(result.suffix(tail)) }
        return result
    }

    static func fetchPod(_ argument: String, namespace: String, context: any KubectlContext) throws(KubectlFailure) -> KubeObject {
        var name = argument
        if let slash = argument.firstIndex(of: "/") {
            let type = argument[..<slash].lowercased()
            guard ["pod", "pods", "po"].contains(type) else {
                throw .error("cannot get the logs from \(argument[..<slash]) in this lab yet")
            }
            name = String(argument[argument.index(after: slash)...])
        }
        do throws(KubectlServerError) {
            return try context.get(resource: "pods", namespace: namespace, name: name)
        } catch {
            throw KubectlFailure(stderr: error.stderr)
        }
    }
}

/// Times as the kubelet's log lines carry them (`2026-01-05T09:00:05.123456789Z`).
enum RFC3339Nano {
    static func format(_ nanoseconds: Int64) -> String {
        let seconds = nanoseconds / 1_000_000_000
        var fraction = String(nanoseconds % 1_000_000_000)
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let days = seconds / 86_400
        let rest = seconds % 86_400
        let (year, month, day) = civil(days)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let time = "\(pad(rest / 3600, 2)):\(pad(rest % 3600 / 60, 2)):\(pad(rest % 60, 2))"
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(time)" + (fraction.isEmpty ? "" : "." + fraction) + "Z"
    }

    /// Howard Hinnant's civil_from_days.
    private static func civil(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

import SimKit
import KubeModel

/// `kubectl logs (POD | TYPE/NAME | -l SELECTOR) [CONTAINER]`: containers' logs as the kubelet keeps them. `-f` prints
/// what is there and returns (the lab's terminal cannot stream).
enum LogsVerb {
    static let usageText = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n"
        + "POD or TYPE/NAME is a required argument for the logs command"

    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let arguments = request.arguments
        let selectorText = request.flags.string("selector")
        switch arguments.count {
        case 0: if selectorText.isEmpty { throw request.usage(usageText) }
        case 1: if !selectorText.isEmpty { throw request.usage("only a selector (-l) or a POD name is allowed") }
        case 2: break
        default: throw request.usage(usageText)
        }
        let containerName = arguments.count == 2 ? arguments[1] : request.flags.string("container")
        // ToLogOptions parses --since-time before anything is fetched.
        let sinceTime = request.flags.string("since-time")
        if !sinceTime.isEmpty, RFC3339.seconds(sinceTime) == nil {
            throw .error("parsing time \(FlagParsing.goQuote(sinceTime)) as \"2006-01-02T15:04:05Z07:00\": "
                + "cannot parse \(FlagParsing.goQuote(sinceTime)) as \"2006\"")
        }
        guard let context = request.context else { throw KubectlFailure.connectionRefused }
        let target = try LogTargets.target(request, context: context)
        if case .podList(let pods) = target, pods.isEmpty {
            request.invocation.stderr.write("No resources found in \(request.namespace) namespace.\n")
        }
        try validate(request, container: containerName)
        let allPods = request.flags.bool("all-pods")
        let allContainers = request.flags.bool("all-containers")
        var pods: [KubeObject]
        switch target {
        case .pod(let pod): pods = [pod]
        case .podList(let list): pods = list
        case .controller(let object, let type):
            pods = try LogTargets.controllerPods(object, type: type, allPods: allPods, request: request, context: context)
        }
        var requests: [LogRequest] = []
        for pod in pods {
            requests += try LogTargets.requests(pod, container: containerName, allContainers: allContainers,
                                                allPods: allPods, request: request)
        }
        let limit = request.flags.int("max-log-requests")
        if request.flags.bool("follow"), requests.count > 1, requests.count > limit {
            throw .error("you are attempting to follow \(requests.count) log streams, but maximum allowed concurrency is "
                + "\(limit), use --max-log-requests to increase the limit")
        }
        for logRequest in requests { try consume(logRequest, request: &request, context: context) }
    }

    /// LogsOptions.Validate, after the builder has found the object.
    private static func validate(_ request: VerbRequest, container: String) throws(KubectlFailure) {
        let flags = request.flags
        if !flags.string("since-time").isEmpty, flags.duration("since") != 0 {
            throw .error("at most one of `sinceTime` or `sinceSeconds` may be specified")
        }
        if flags.bool("all-containers"), !container.isEmpty {
            throw .error("--all-containers=true should not be specified with container name \(container)")
        }
        if flags.changed("container"), request.arguments.count == 2 {
            throw .error("only one of -c or an inline [CONTAINER] arg is allowed")
        }
        if flags.int("limit-bytes") < 0 { throw .error("--limit-bytes must be greater than 0") }
        if flags.duration("since") < 0 { throw .error("--since must be greater than 0") }
        if tail(request) < -1 { throw .error("--tail must be greater than or equal to -1") }
    }

    /// `--tail`: 10 by default with a selector, else all lines (-1).
    static func tail(_ request: VerbRequest) -> Int {
        let tail = request.flags.int("tail")
        if !request.flags.string("selector").isEmpty, tail == -1, !request.flags.changed("tail") { return 10 }
        return tail
    }

    /// Reads one container's log, as the API server relays it from the kubelet.
    private static func consume(_ logRequest: LogRequest, request: inout VerbRequest,
                                context: any KubectlContext) throws(KubectlFailure) {
        let pod = logRequest.pod
        let name = logRequest.container
        // An unscheduled pod has no kubelet to ask: the API server answers with nothing.
        if (pod[path: ["spec", "nodeName"]]?.stringValue ?? "").isEmpty { return }
        let id: String
        switch PodContainerChoice.logContainerID(name, in: pod, previous: request.flags.bool("previous")) {
        case .success(let found): id = found
        case .failure(let failure): throw failure
        }
        let access = context as? PodContainerAccess
        var lines = access?.containerLog(containerID: id) ?? []
        lines = select(lines, request: request, now: request.invocation.clock.now)
        let prefixed = request.flags.bool("prefix") || request.flags.bool("all-pods")
        let prefix = prefixed ? "[pod/\(pod.name)/\(name)] " : ""
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

    /// `--since`, `--since-time` and `--tail`, as the kubelet applies them.
    private static func select(_ lines: [PodLogLine], request: VerbRequest, now: Int64) -> [PodLogLine] {
        var result = lines
        let since = request.flags.duration("since")
        if since > 0 { result = result.filter { $0.time >= now - since } }
        if let seconds = RFC3339.seconds(request.flags.string("since-time")) {
            result = result.filter { $0.time >= seconds * 1_000_000_000 }
        }
        let tail = tail(request)
        if tail >= 0, result.count > tail { result = Array(result.suffix(tail)) }
        return result
    }

    /// The pod `kubectl exec` runs in: `POD`, `pod/NAME`, or a controller's or service's pod chosen as
    /// AttachablePodForObject chooses it (waiting up to `timeout` seconds for one).
    static func fetchPod(_ argument: String, namespace: String, context: any KubectlContext,
                         timeout: Double = 60) throws(KubectlFailure) -> KubeObject {
        let (object, type) = try LogTargets.fetch(argument, namespace: namespace, context: context)
        guard let type, !(type.group.isEmpty && type.kind == "Pod") else { return object }
        let selector: LabelSelector
        switch LogSelectors.selector(for: object, type: type, verb: "attach to") {
        case .success(let found): selector = found
        case .failure(let failure): throw failure
        }
        func list() -> [KubeObject] {
            guard let podType = context.resourceTable.lookup("pods"), case .success(let anyField) = FieldSelector.parse("") else { return [] }
            return (try? context.list(podType, namespace: object.namespace, labels: selector, fields: anyField)) ?? []
        }
        if let first = PodLoggingOrder.attachable(list()).first { return first }
        var found: [KubeObject] = []
        _ = context.wait(upTo: timeout) {
            found = list()
            return !found.isEmpty
        }
        guard let first = found.first else { throw .error("timed out waiting for the condition") }
        return first
    }
}

/// Times as the kubelet writes them for `--timestamps` (RFC3339NanoFixed: always nine digits).
enum RFC3339Nano {
    static func format(_ nanoseconds: Int64) -> String {
        let seconds = nanoseconds / 1_000_000_000
        var fraction = String(nanoseconds % 1_000_000_000)
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        let days = seconds / 86_400
        let rest = seconds % 86_400
        let (year, month, day) = civil(days)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let time = "\(pad(rest / 3600, 2)):\(pad(rest % 3600 / 60, 2)):\(pad(rest % 60, 2))"
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(time)." + fraction + "Z"
    }

    private static func civil(_ days: Int64) -> (Int64, Int64, Int64) {
        let date = CivilDate.fromDays(days)
        return (date.year, date.month, date.day)
    }
}

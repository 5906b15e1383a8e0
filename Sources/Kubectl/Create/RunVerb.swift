import KubeModel

extension CreateVerbs {
    /// `kubectl run NAME --image=…`: a bare pod (run.go's BasicPod generator); with `-i` or
    /// `--attach`, kubectl waits for it, attaches, and with `--rm` deletes it afterwards.
    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        try request.require("image")
        guard let name = request.arguments.first, request.commandLine.argumentsBeforeDash != 0 else {
            throw request.usage("NAME is required for run")
        }
        let options = try RunOptions(request)
        let pod = try RunOverrides.apply(.object(podObject(name: name, options: options, request: request)), request: request)
        guard options.attach else {
            try request.finishCreate(pod)
            return
        }
        guard let context = request.context else { throw KubectlFailure.connectionRefused }
        let created: KubeObject
        do throws(KubectlServerError) {
            created = try context.create(KubeObject(pod), dryRun: false)
        } catch {
            throw KubectlFailure(stderr: error.stderr)
        }
        try RunAttach.run(created, options: options, request: &request, context: context)
    }

    /// The pod the generator builds, before `--overrides`.
    private static func podObject(name: String, options: RunOptions, request: VerbRequest) throws(KubectlFailure) -> JSONObject {
        var labels: JSONObject = ["run": .string(name)]
        if request.flags.changed("labels") {
            var pairs: [(String, JSONValue)] = []
            for pair in request.flags.string("labels").split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2 else { throw .error("invalid label spec: \(pair)") }
                pairs.append((String(parts[0]), .string(String(parts[1]))))
            }
            labels = Generated.sortedMap(pairs)
        }
        let rest = Array(request.arguments.dropFirst())
        let useCommand = request.flags.bool("command")
        var env: [JSONValue] = []
        for item in request.flags.strings("env") {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            env.append(["name": .string(String(parts[0])), "value": .string(parts.count > 1 ? String(parts[1]) : "")])
        }
        let port = request.flags.int("port")
        let ports: [JSONValue] = request.flags.changed("port") && port > 0 ? [["containerPort": .int(port)]] : []
        var container = Generated.container(name: name, image: request.flags.string("image"),
                                            command: useCommand ? rest : [], args: useCommand ? [] : rest, ports: ports,
                                            env: env).objectValue ?? [:]
        // v1.Container's field order after resources: imagePullPolicy, stdin, stdinOnce, tty (omitempty).
        let pullPolicy = request.flags.string("image-pull-policy")
        if !pullPolicy.isEmpty { container["imagePullPolicy"] = .string(pullPolicy) }
        if options.stdin {
            container["stdin"] = true
            if !options.leaveStdinOpen { container["stdinOnce"] = true }
        }
        if options.tty { container["tty"] = true }
        var object = Generated.object(kind: "Pod", apiVersion: "v1",
                                      metadata: Generated.metadata(name: name, namespace: request.enforcedNamespace, labels: labels))
        object["spec"] = ["containers": [.object(container)], "restartPolicy": .string(options.podRestartPolicy), "dnsPolicy": "ClusterFirst"]
        object["status"] = .emptyObject
        return object
    }
}

/// `kubectl run`'s flags after RunOptions validation, in v1.32's order of checks.
struct RunOptions {
    let attach: Bool
    let remove: Bool
    let stdin: Bool
    let tty: Bool
    let quiet: Bool
    let leaveStdinOpen: Bool
    /// The policy run waits by (getRestartPolicy).
    let restartPolicy: String
    /// The policy the generator writes: the flag as given, Always when empty (even with -i).
    let podRestartPolicy: String
    /// `--pod-running-timeout`, in nanoseconds.
    let podRunningTimeout: Int64

    init(_ request: VerbRequest) throws(KubectlFailure) {
        let flags = request.flags
        podRunningTimeout = flags.duration("pod-running-timeout")
        if podRunningTimeout <= 0 { throw request.usage("--pod-running-timeout must be higher than zero") }
        let image = flags.string("image")
        if image.isEmpty { throw .error("--image is required") }
        if !RunImageName.isValid(image) {
            throw .error("Invalid image name \(GoSyntax.quote(image)): invalid reference format")
        }
        stdin = flags.bool("stdin")
        tty = flags.bool("tty")
        quiet = flags.bool("quiet")
        leaveStdinOpen = flags.bool("leave-stdin-open")
        remove = flags.bool("rm")
        // `--attach` defaults to `-i`.
        attach = flags.changed("attach") ? flags.bool("attach") : stdin
        if tty && !stdin { throw request.usage("-i/--stdin is required for containers with -t/--tty=true") }
        if flags.bool("expose"), flags.string("port").isEmpty {
            throw request.usage("--port must be set when exposing a service")
        }
        // getRestartPolicy: an empty `--restart=` means OnFailure with -i, else Always.
        let restart = flags.changed("restart") ? flags.string("restart") : "Always"
        podRestartPolicy = restart.isEmpty ? "Always" : restart
        switch restart {
        case "": restartPolicy = stdin ? "OnFailure" : "Always"
        case "Always", "OnFailure", "Never": restartPolicy = restart
        default: throw request.usage("invalid restart policy: \(restart)")
        }
        if !attach && remove { throw request.usage("--rm should only be used for attached containers") }
        if attach, try request.dryRun() != .none {
            throw request.usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)")
        }
        let pullPolicy = flags.string("image-pull-policy")
        if !["", "Always", "IfNotPresent", "Never"].contains(pullPolicy) {
            throw request.usage("invalid image pull policy: \(pullPolicy)")
        }
    }
}

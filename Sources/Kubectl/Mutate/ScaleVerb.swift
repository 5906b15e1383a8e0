import KubeModel

/// `kubectl scale`: set `spec.replicas` of deployments, replica sets, stateful sets, replication controllers.
enum ScaleVerb {
    static let scalable: Set<String> = ["deployments.apps", "replicasets.apps", "statefulsets.apps", "replicationcontrollers"]

    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        try request.require("replicas")
        let mode = try request.dryRun()
        let format = try request.changedOutputFormat()
        let replicas = request.flags.int("replicas")
        if replicas < 0 {
            throw .error("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0")
        }
        let current = request.flags.int("current-replicas")
        let query = request.targetQuery(request.arguments, local: false, emptyMessage: VerbRequest.noResourcesMessage)
        let set = try request.resolveTargets(query)
        if set.targets.isEmpty, set.failures.isEmpty { throw .error("no objects passed to scale") }
        if current >= 0 || request.flags.changed("resource-version"), !set.single {
            if current >= 0 { throw .error("--current-replicas may only be used with a single resource") }
        }
        var failures = set.failures
        for target in set.targets {
            do throws(KubectlFailure) {
                // A client dry run prints the object as fetched; so does a real scale (kubectl prints
                // info.Object, read before the scale subresource was written).
                if mode != .client {
                    guard scalable.contains(target.type.key) else {
                        throw KubectlFailure(stderr: "Error from server (NotFound): the server could not find the requested resource\n")
                    }
                    let now = target.object.content[path: ["spec", "replicas"]]?.intValue ?? 1
                    if current >= 0, now != current {
                        throw .error("Expected replicas to be \(current), was \(now)")
                    }
                    var object = target.object
                    object.content[path: ["spec", "replicas"]] = .int(replicas)
                    _ = try request.save(target, object, mode: mode)
                }
                try request.printChanged(target.object, format: format, action: "scaled", mode: mode)
            } catch {
                failures.append(error)
            }
        }
        if let failure = KubectlFailure.combined(failures) { throw failure }
    }
}

extension VerbRequest {
    /// The builder's error when nothing names an object.
    static let noResourcesMessage = """
        You must provide one or more resources by argument or filename.
        Example resource specifications include:
           '-f rsrc.yaml'
           '--filename=rsrc.json'
           '<resource> <name>'
           '<resource>'
        """
}

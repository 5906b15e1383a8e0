import KubeModel

/// `kubectl cordon` / `kubectl uncordon`: set or clear `spec.unschedulable` on nodes.
enum CordonVerb {
    static func cordon(_ request: inout VerbRequest) throws(KubectlFailure) { try run(&request, desired: true) }
    static func uncordon(_ request: inout VerbRequest) throws(KubectlFailure) { try run(&request, desired: false) }

    static func run(_ request: inout VerbRequest, desired: Bool) throws(KubectlFailure) {
        let verb = desired ? "cordon" : "uncordon"
        let mode = try request.dryRun()
        let nodes = try nodeTargets(&request, verb: verb)
        var failures = nodes.failures
        for target in nodes.targets {
            do throws(KubectlFailure) {
                try setUnschedulable(target, desired: desired, mode: mode, request: &request)
            } catch {
                failures.append(error)
            }
        }
        if let failure = KubectlFailure.combined(failures) { throw failure }
    }

    /// `NODE…` or `-l` (drain.go's Complete): the nodes to act on.
    static func nodeTargets(_ request: inout VerbRequest, verb: String) throws(KubectlFailure) -> TargetSet {
        let selector = request.flags.string("selector")
        if request.arguments.isEmpty, selector.isEmpty {
            throw request.usage("USAGE: \(verb) NODE [flags]")
        }
        var query = TargetQuery()
        query.resources = request.arguments.isEmpty ? ["nodes"] : ["nodes"] + request.arguments
        query.selector = selector
        return try request.resolveTargets(query)
    }

    /// CordonHelper.UpdateIfRequired + PatchOrReplace, printing `cordoned` / `already cordoned`.
    static func setUnschedulable(_ target: MutateTarget, desired: Bool, mode: DryRun, request: inout VerbRequest) throws(KubectlFailure) {
        let action = desired ? "cordoned" : "uncordoned"
        let current = target.object.content[path: ["spec", "unschedulable"]]?.boolValue ?? false
        if current == desired {
            try request.printChanged(target.object, format: .action, action: "already " + action, mode: mode)
            return
        }
        var object = target.object
        object.content[path: ["spec", "unschedulable"]] = desired ? .bool(true) : nil
        do throws(KubectlFailure) {
            _ = try request.save(target, object, mode: mode)
        } catch {
            throw .error("unable to \(desired ? "cordon" : "uncordon") node \(GoSyntax.quote(target.object.name)): \(error.bareMessage.dropLast())")
        }
        try request.printChanged(object, format: .action, action: action, mode: mode)
    }
}

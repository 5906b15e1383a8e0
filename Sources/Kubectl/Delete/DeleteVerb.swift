import KubeModel

/// `kubectl delete`: resolve the targets, DELETE each, say so; failures reported at the end.
enum DeleteVerb {
    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let flags = try DeleteFlags(request)
        let targets = try DeleteTargets.resolve(request)
        try flags.validate(request)
        var errors: [VisitError] = []
        var found = 0
        var deleted: [(target: DeleteTarget, uid: String)] = []
        let options = KubectlDeleteOptions(gracePeriodSeconds: flags.gracePeriod >= 0 ? flags.gracePeriod : nil,
                                           propagationPolicy: flags.propagation, dryRun: flags.mode == .server)
        for resolved in targets {
            let target: DeleteTarget
            switch resolved {
            case .failure(let error):
                errors.append(error)
                continue
            case .success(let found): target = found
            }
            // Counted before the DELETE, as kubectl does: an ignored NotFound still counts.
            found += 1
            if flags.mode == .client {
                request.invocation.stdout.write(flags.line(target.type, name: target.name))
                continue
            }
            guard let context = request.context else { throw KubectlFailure.connectionRefused }
            do throws(KubectlServerError) {
                let gone = try context.delete(resource: target.type.key, namespace: target.type.namespaced ? target.namespace : nil,
                                              name: target.name, options: options)
                request.invocation.stdout.write(flags.line(target.type, name: target.name))
                deleted.append((target, gone.uid))
            } catch {
                if error.reason == "NotFound", flags.ignoreNotFound { continue }
                errors.append(.server(error, verb: "deleting", source: target.source))
            }
        }
        if let failure = errors.failure { throw failure }
        if found == 0 { request.invocation.stdout.write("No resources found\n") }
        if flags.mode == .none, request.flags.bool("wait") { try waitUntilGone(deleted, request) }
    }

    /// `--wait` (the default): kubectl watches each deleted object until it is gone (a pod after its
    /// grace period, an owner after its dependents with foreground cascading), so the cluster runs on
    /// meanwhile. `--timeout=0` is a week in kubectl; the lab gives up after a simulated hour.
    private static func waitUntilGone(_ deleted: [(target: DeleteTarget, uid: String)],
                                      _ request: VerbRequest) throws(KubectlFailure) {
        guard let context = request.context, !deleted.isEmpty else { return }
        var timeout = Double(request.flags.duration("timeout")) / 1_000_000_000
        if timeout <= 0 { timeout = 3600 }
        func isGone(_ item: (target: DeleteTarget, uid: String)) -> Bool {
            let namespace = item.target.type.namespaced ? item.target.namespace : nil
            guard let object = try? context.get(resource: item.target.type.key, namespace: namespace, name: item.target.name) else {
                return true
            }
            return object.uid != item.uid
        }
        if context.wait(upTo: timeout, until: { deleted.allSatisfy(isGone) }) { return }
        guard let first = deleted.first(where: { !isGone($0) }) else { return }
        throw .error("timed out waiting for the condition on \(first.target.type.plural)/\(first.target.name)")
    }
}

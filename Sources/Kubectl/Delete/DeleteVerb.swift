import KubeModel

/// `kubectl delete`: resolve the targets, DELETE each, say so; failures reported at the end.
enum DeleteVerb {
    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let flags = try DeleteFlags(request)
        let targets = try DeleteTargets.resolve(request)
        try flags.validate(request)
        var errors: [VisitError] = []
        var found = 0
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
                _ = try context.delete(resource: target.type.key, namespace: target.type.namespaced ? target.namespace : nil,
                                       name: target.name, options: options)
                request.invocation.stdout.write(flags.line(target.type, name: target.name))
            } catch {
                if error.reason == "NotFound", flags.ignoreNotFound { continue }
                errors.append(.server(error, verb: "deleting", source: target.source))
            }
        }
        if let failure = errors.failure { throw failure }
        if found == 0 { request.invocation.stdout.write("No resources found\n") }
    }
}

import KubeModel

/// `kubectl wait`: lets the cluster run on until each named object meets `--for`, printing
/// `pod/x condition met`, or gives up after `--timeout` (default 30s; 0 checks once; negative: a week).
enum WaitVerb {
    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let condition = try WaitCondition.parse(request.flags.string("for"))
        let format = try request.changedOutputFormat()
        var timeout = Double(request.flags.duration("timeout")) / 1_000_000_000
        if timeout < 0 { timeout = 168 * 3600 }
        let query = request.targetQuery(request.arguments, local: false, emptyMessage: VerbRequest.noResourcesMessage)
        guard let context = request.context else { throw KubectlFailure.connectionRefused }

        var set: TargetSet
        if case .create = condition {
            set = try waitForCreation(request, query: query, context: context, timeout: timeout)
        } else {
            set = try request.resolveTargets(query)
        }
        if case .delete = condition {
            // Objects already gone are what --for=delete waits for (IgnoreErrors(IsNotFound)).
            set.failures.removeAll { $0.stderr.hasPrefix("Error from server (NotFound)") }
        }
        if let failure = set.failures.first { throw failure }
        if set.targets.isEmpty {
            if case .delete = condition { return }
            throw .error("no matching resources found")
        }
        for target in set.targets {
            let namespace = target.object.namespace
            let name = target.object.name
            let type = target.type
            var latest: KubeObject? = target.object
            func current() -> KubeObject? {
                try? context.get(resource: type.key, namespace: type.namespaced ? namespace : nil, name: name)
            }
            let met: Bool
            if timeout == 0 {
                latest = current()
                met = check(condition, latest, originalUID: target.object.uid)
                if !met { throw .error("condition not met for \(type.plural)/\(name)") }
            } else {
                met = context.wait(upTo: timeout) {
                    latest = current() ?? latest
                    return check(condition, current(), originalUID: target.object.uid)
                }
            }
            guard met else { throw .error("timed out waiting for the condition on \(type.plural)/\(name)") }
            try request.printChanged(latest ?? target.object, format: format, action: "condition met", mode: .none)
        }
    }

    private static func check(_ condition: WaitCondition, _ object: KubeObject?, originalUID: String) -> Bool {
        if case .delete = condition {
            // Gone, or replaced by a new object of the same name.
            guard let object else { return true }
            return object.uid != originalUID
        }
        guard let object else { return false }
        return condition.isMet(by: object)
    }

    /// --for=create: the named objects may not exist yet; wait until they do.
    private static func waitForCreation(_ request: VerbRequest, query: TargetQuery, context: any KubectlContext,
                                        timeout: Double) throws(KubectlFailure) -> TargetSet {
        var set = TargetSet(single: false)
        var lastFailure: KubectlFailure?
        let found = context.wait(upTo: timeout) {
            do throws(KubectlFailure) {
                set = try request.resolveTargets(query)
                lastFailure = set.failures.first
                return set.failures.isEmpty && !set.targets.isEmpty
            } catch {
                lastFailure = error
                return false
            }
        }
        if !found {
            if let lastFailure, !lastFailure.stderr.hasPrefix("Error from server (NotFound)") { throw lastFailure }
            // RunWait's create poll returns wait.ErrWaitTimeout's bare text.
            throw .error("timed out waiting for the condition")
        }
        return set
    }
}

import KubeModel

/// `kubectl rollout pause`, `resume` and `restart`: each object changed by its kind's patcher
/// (polymorphichelpers objectpauser.go, objectresumer.go, objectrestarter.go) and saved, the
/// refusals gathered as `error: deployments.apps "x" is already paused` (rollout_pause.go & co).
enum RolloutPatchVerbs {
    static let restartedAtKey = "kubectl.kubernetes.io/restartedAt"

    /// One verb's patcher: why it refuses an object (nil: it does not), and the change it makes,
    /// applied to the object as read and, as the patch it becomes, to the latest stored one.
    private struct Patcher {
        let refusal: (KubeObject) -> String?
        let change: (inout KubeObject) -> Void
    }

    static func pause(_ request: inout VerbRequest) throws(KubectlFailure) {
        try run(&request, operation: "paused", Patcher(refusal: { object in
            guard isDeployment(object) else { return "pausing is not supported" }
            return object[path: ["spec", "paused"]]?.boolValue == true ? "is already paused" : nil
        }, change: { $0[path: ["spec", "paused"]] = true }))
    }

    static func resume(_ request: inout VerbRequest) throws(KubectlFailure) {
        // `paused: false` is omitted when the typed object is encoded.
        try run(&request, operation: "resumed", Patcher(refusal: { object in
            guard isDeployment(object) else { return "resuming is not supported" }
            return object[path: ["spec", "paused"]]?.boolValue == true ? nil : "is not paused"
        }, change: { $0.content[path: ["spec", "paused"]] = nil }))
    }

    static func restart(_ request: inout VerbRequest) throws(KubectlFailure) {
        let now = JSONValue.string(RolloutTime.rfc3339(nanoseconds: request.invocation.clock.now))
        try run(&request, operation: "restarted", Patcher(refusal: { object in
            guard ["Deployment", "DaemonSet", "StatefulSet"].contains(object.kind), object.apiVersion.hasPrefix("apps/") else {
                return "restarting is not supported"
            }
            if object.kind == "Deployment", object[path: ["spec", "paused"]]?.boolValue == true {
                return "can't restart paused deployment (run rollout resume first)"
            }
            return nil
        }, change: { $0[path: ["spec", "template", "metadata", "annotations", restartedAtKey]] = now }))
    }

    private static func isDeployment(_ object: KubeObject) -> Bool {
        object.kind == "Deployment" && ["apps/v1", "apps/v1beta1", "apps/v1beta2", "extensions/v1beta1"].contains(object.apiVersion)
    }

    /// RunPause/RunResume/RunRestart: patch every object found, print each changed one, then the errors.
    private static func run(_ request: inout VerbRequest, operation: String, _ patcher: Patcher) throws(KubectlFailure) {
        try request.requireRolloutResource()
        let set = try request.rolloutTargets()
        guard let context = request.context else { throw KubectlFailure.connectionRefused }
        var errors = RolloutErrors()
        errors.add(contentsOf: set.failures)
        for target in set.targets {
            if let refusal = patcher.refusal(target.object) {
                errors.add(prefixed: "error: \(target.type.groupResource) \(GoSyntax.quote(target.object.name)) \(refusal)")
                continue
            }
            var changed = target.object
            patcher.change(&changed)
            if changed.content == target.object.content {
                // CalculatePatches found nothing to change (a restart within the same second): kubectl
                // reports it and sends the empty patch anyway.
                errors.add(.error("failed to create patch for \(target.object.name): empty patch"))
            }
            // A strategic merge patch carries no resourceVersion: it lands on the latest object.
            let saved: KubeObject
            do throws(KubectlServerError) {
                var latest = try context.get(resource: target.type.key, namespace: target.type.namespaced ? target.object.namespace : nil,
                                             name: target.object.name)
                patcher.change(&latest)
                saved = try context.update(latest, dryRun: false)
            } catch {
                errors.add(.error("failed to patch: \(error.message)"))
                continue
            }
            do throws(KubectlFailure) {
                let format = try request.changedOutputFormat()
                try request.printRollout(saved, type: target.type, format: format, operation: operation)
            } catch {
                errors.add(error)
            }
        }
        if let failure = errors.failure { throw failure }
    }
}

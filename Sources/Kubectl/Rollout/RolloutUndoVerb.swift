import KubeModel

/// `kubectl rollout undo`: puts a previous revision's pod template back (rollout_undo.go with the
/// rollbackers of polymorphichelpers/rollback.go). Deployments get the ReplicaSet's template and
/// annotations; DaemonSets and StatefulSets the ControllerRevision's template.
enum RolloutUndoVerb {
    /// Annotations a Deployment keeps through a rollback and never takes from the ReplicaSet.
    static let keptAnnotations: Set<String> = [
        "kubectl.kubernetes.io/last-applied-configuration", RolloutRevisions.revisionKey,
        "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas",
        "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to",
    ]

    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let mode = try request.dryRun()
        try request.requireRolloutResource()
        let set = try request.rolloutTargets()
        var errors = RolloutErrors()
        errors.add(contentsOf: set.failures)
        let toRevision = request.flags.int("to-revision")
        for target in set.targets {
            do throws(KubectlFailure) {
                if let refusal = RolloutRevisions.unsupported(target.type, noun: "rollbacker", verb: "error retrieving rollbacker for") {
                    throw refusal
                }
                if toRevision < 0 { throw notFound(toRevision) }
                let result = target.object.kind == "Deployment"
                    ? try rollBackDeployment(target, to: toRevision, mode: mode, request: request)
                    : try rollBackFromHistory(target, to: toRevision, mode: mode, request: request)
                // The printer comes after the rollback, so a bad -o fails only once the change is made.
                let format = try request.changedOutputFormat()
                let suffix = mode == .client ? " (dry run)" : mode == .server ? " (server dry run)" : ""
                try request.printRollout(target.object, type: target.type, format: format, operation: result + suffix)
            } catch {
                errors.add(error)
            }
        }
        if let failure = errors.failure { throw failure }
    }

    static func notFound(_ revision: Int) -> KubectlFailure {
        .error("unable to find specified revision \(revision) in history")
    }

    /// `DeploymentRollbacker.Rollback`.
    private static func rollBackDeployment(_ target: MutateTarget, to toRevision: Int, mode: DryRun,
                                           request: VerbRequest) throws(KubectlFailure) -> String {
        var deployment = try request.fetch(target.type, namespace: target.object.namespace, name: target.object.name)
        let revisions = try RolloutRevisions.of(deployment, request: request)
        let chosen: RolloutRevision
        if toRevision > 0 {
            guard let match = revisions.first(where: { $0.number == toRevision }) else { throw notFound(toRevision) }
            chosen = match
        } else {
            guard revisions.count >= 2 else {
                throw .error("no rollout history found for deployment \(GoSyntax.quote(deployment.name))")
            }
            chosen = revisions[revisions.count - 2]
        }
        let replicaSet = chosen.object
        let template = replicaSet[path: ["spec", "template"]] ?? .emptyObject
        if mode == .client { return RolloutRevisions.templateText(template) }
        if deployment[path: ["spec", "paused"]]?.boolValue == true {
            throw .error("you cannot rollback a paused deployment; resume it first with "
                + "'kubectl rollout resume deployment/\(deployment.name)' and try again")
        }
        if RolloutRevisions.sameTemplate(template, deployment[path: ["spec", "template"]]) {
            return "skipped rollback (current template already matches revision \(toRevision))"
        }
        var restored = template
        restored[path: ["metadata", "labels", RolloutRevisions.hashLabel]] = nil
        var annotations: [String: String] = [:]
        for (key, value) in deployment.annotations where keptAnnotations.contains(key) { annotations[key] = value }
        for (key, value) in replicaSet.annotations where !keptAnnotations.contains(key) { annotations[key] = value }
        deployment[path: ["spec", "template"]] = restored
        deployment.annotations = annotations
        try save(deployment, mode: mode, revision: toRevision, request: request)
        return "rolled back"
    }

    /// `DaemonSetRollbacker.Rollback` and `StatefulSetRollbacker.Rollback`: the ControllerRevision's
    /// `data` is a strategic merge patch replacing `spec.template`.
    private static func rollBackFromHistory(_ target: MutateTarget, to toRevision: Int, mode: DryRun,
                                            request: VerbRequest) throws(KubectlFailure) -> String {
        var workload = try request.fetch(target.type, namespace: target.object.namespace, name: target.object.name)
        let revisions = try RolloutRevisions.of(workload, request: request)
        if toRevision == 0, revisions.count <= 1 { throw .error("no last revision to roll back to") }
        let chosen: RolloutRevision
        if toRevision == 0 {
            chosen = revisions[revisions.count - 2]
        } else {
            guard let match = revisions.first(where: { $0.number == toRevision }) else { throw notFound(toRevision) }
            chosen = match
        }
        if mode == .client { return "will roll back to " + RolloutRevisions.templateText(chosen.template) }
        if RolloutRevisions.sameTemplate(chosen.template, workload[path: ["spec", "template"]]) {
            return "skipped rollback (current template already matches revision \(toRevision))"
        }
        workload[path: ["spec", "template"]] = chosen.template
        try save(workload, mode: mode, revision: toRevision, request: request)
        return "rolled back"
    }

    private static func save(_ object: KubeObject, mode: DryRun, revision: Int, request: VerbRequest) throws(KubectlFailure) {
        guard let context = request.context else { throw KubectlFailure.connectionRefused }
        do throws(KubectlServerError) {
            _ = try context.update(object, dryRun: mode == .server)
        } catch {
            throw .error("failed restoring revision \(revision): \(error.message)")
        }
    }
}

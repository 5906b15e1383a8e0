import KubeModel

/// `kubectl rollout history`: the revisions of Deployments, DaemonSets and StatefulSets as a
/// `REVISION  CHANGE-CAUSE` table, one revision's pod template (`--revision=N`), or the revision
/// objects in an `-o` format (rollout_history.go with polymorphichelpers/history.go).
enum RolloutHistoryVerb {
    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        try request.requireRolloutResource()
        let wanted = request.flags.int("revision")
        if wanted < 0 { throw .error("revision must be a positive integer: \(wanted)") }
        let set = try request.rolloutTargets()
        var errors = RolloutErrors()
        errors.add(contentsOf: set.failures)
        let outputFlag = request.flags.string("output")
        let format = outputFlag.isEmpty ? OutputFormat.action : try OutputFormat.parse(outputFlag, allowed: OutputFormat.objectFormats)
        var printed = 0
        for target in set.targets {
            if let refusal = RolloutRevisions.unsupported(target.type, noun: "history viewer", verb: "error retrieving history for") {
                errors.add(refusal)
                continue
            }
            do throws(KubectlFailure) {
                let revisions = try RolloutRevisions.of(target.object, request: request)
                if format != .action {
                    try printObjects(revisions, wanted: wanted, format: format, printed: &printed, request: &request)
                    continue
                }
                let text = try historyText(revisions, wanted: wanted)
                let withRevision = wanted > 0 ? "with revision #\(wanted)" : ""
                request.invocation.stdout.write("\(target.type.kubectlName)/\(target.object.name) \(withRevision)\n\(text)\n")
            } catch {
                errors.add(error)
            }
        }
        if let failure = errors.failure { throw failure }
    }

    /// `ViewHistory`: the table, or the pod template of one revision.
    static func historyText(_ revisions: [RolloutRevision], wanted: Int) throws(KubectlFailure) -> String {
        if revisions.isEmpty { return "No rollout history found." }
        if wanted > 0 {
            guard let revision = revisions.first(where: { $0.number == wanted }) else {
                throw .error("unable to find the specified revision")
            }
            return RolloutRevisions.templateText(revision.template)
        }
        var rows = [["REVISION", "CHANGE-CAUSE"]]
        for revision in revisions {
            rows.append([String(revision.number), revision.changeCause.isEmpty ? "<none>" : revision.changeCause])
        }
        return TabWriter.format(rows, minWidth: 0, padding: 2)
    }

    /// `-o`: the revision objects (ReplicaSets, or the workload at each revision), YAML documents separated.
    private static func printObjects(_ revisions: [RolloutRevision], wanted: Int, format: OutputFormat, printed: inout Int,
                                     request: inout VerbRequest) throws(KubectlFailure) {
        var chosen = revisions
        if wanted > 0 {
            guard let revision = revisions.first(where: { $0.number == wanted }) else {
                throw .error("unable to find the specified revision")
            }
            chosen = [revision]
        }
        for revision in chosen {
            printed += 1
            if format == .yaml, printed > 1 { request.invocation.stdout.write("---\n") }
            try OutputPrinter.print(revision.object.content, format: format, action: "", to: &request.invocation,
                                    allowMissingKeys: request.flags.bool("allow-missing-template-keys"))
        }
    }
}

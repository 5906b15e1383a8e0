/// Which function runs which command path; verbs that need the store register here too.
enum Verbs {
    typealias Verb = @Sendable (inout VerbRequest) throws(KubectlFailure) -> Void

    static let table: [String: Verb] = [
        "create deployment": CreateVerbs.deployment,
        "create job": CreateVerbs.job,
        "create cronjob": CreateVerbs.cronJob,
        "create namespace": CreateVerbs.namespace,
        "create serviceaccount": CreateVerbs.serviceAccount,
        "create configmap": CreateVerbs.configMap,
        "create secret generic": CreateVerbs.secretGeneric,
        "create service clusterip": CreateVerbs.serviceClusterIP,
        "create service nodeport": CreateVerbs.serviceNodePort,
        "create service loadbalancer": CreateVerbs.serviceLoadBalancer,
        "create service externalname": CreateVerbs.serviceExternalName,
        "create quota": CreateVerbs.quota,
        "create priorityclass": CreateVerbs.priorityClass,
        "create rolebinding": CreateVerbs.roleBinding,
        "create clusterrolebinding": CreateVerbs.clusterRoleBinding,
        "create role": CreateVerbs.role,
        "create clusterrole": CreateVerbs.clusterRole,
        "run": CreateVerbs.run,
        "get": GetVerb.run,
        "label": LabelVerb.label,
        "annotate": LabelVerb.annotate,
        "describe": DescribeVerb.run,
        "cordon": CordonVerb.cordon,
        "uncordon": CordonVerb.uncordon,
        "taint": TaintVerb.run,
        "scale": ScaleVerb.run,
        "create": CreateFromFiles.run,
        "apply": ApplyFromFiles.run,
        "replace": ReplaceFromFiles.run,
        "delete": DeleteVerb.run,
        "wait": WaitVerb.run,
        "rollout status": RolloutStatusVerb.run,
        "rollout history": RolloutHistoryVerb.run, "rollout undo": RolloutUndoVerb.run,
        "rollout pause": RolloutPatchVerbs.pause, "rollout resume": RolloutPatchVerbs.resume,
        "rollout restart": RolloutPatchVerbs.restart,
        "api-resources": APIResourcesVerb.run,
        "version": VersionVerb.run,
        "cluster-info": ClusterInfoVerb.run,
        "config current-context": ConfigVerbs.currentContext,
        "config get-contexts": ConfigVerbs.getContexts,
        "config view": ConfigVerbs.view,
        "logs": LogsVerb.run, "exec": ExecVerb.run, "attach": AttachVerb.run,
    ]

    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let line = request.commandLine
        let key = line.path.joined(separator: " ")
        // Groups with a verb of their own (`create -f`) run it; the rest want a subcommand.
        if table[key] == nil, let command = CommandTable.command(at: line.path), command.isGroup {
            // cmdutil.DefaultSubCommandRun: words that name no subcommand are refused.
            if !line.arguments.isEmpty {
                throw request.usage("unknown command \(FlagParsing.goQuote(line.arguments.joined(separator: " ")))")
            }
            throw KubectlFailure(stderr: "\(line.commandPath): a subcommand is required\n")
        }
        guard let verb = table[key] ?? MutateVerbs.table[key] else {
            throw KubectlFailure.error("\(line.commandPath) is not available in this lab yet")
        }
        try verb(&request)
    }
}

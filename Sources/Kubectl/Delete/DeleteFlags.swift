import KubeModel

/// `kubectl delete`'s options after Complete and Validate, with their messages.
struct DeleteFlags {
    /// -1: the object's own grace period.
    var gracePeriod: Int
    var force: Bool
    var propagation: String
    var ignoreNotFound: Bool
    var nameOutput: Bool
    var mode: DryRun

    init(_ request: VerbRequest) throws(KubectlFailure) {
        let flags = request.flags
        propagation = try Self.cascade(request)
        let selecting = flags.bool("all") || !flags.string("selector").isEmpty || !flags.string("field-selector").isEmpty
        ignoreNotFound = flags.changed("ignore-not-found") ? flags.bool("ignore-not-found") : (selecting || flags.bool("ignore-not-found"))
        gracePeriod = flags.int("grace-period")
        force = flags.bool("force")
        if flags.bool("now") {
            if gracePeriod != -1 { throw .error("--now and --grace-period cannot be specified together") }
            gracePeriod = 1
        }
        if gracePeriod == 0, !force { gracePeriod = 1 }
        if force, gracePeriod < 0 { gracePeriod = 0 }
        mode = try request.dryRun()
        nameOutput = flags.string("output") == "name"
    }

    /// Validate(): what is checked once the targets are known.
    func validate(_ request: VerbRequest) throws(KubectlFailure) {
        let flags = request.flags
        let output = flags.string("output")
        if !output.isEmpty, output != "name" {
            throw .error("unexpected -o output mode: \(output). We only support '-o name'")
        }
        if flags.bool("all"), !flags.string("selector").isEmpty { throw .error("cannot set --all and --selector at the same time") }
        if flags.bool("all"), !flags.string("field-selector").isEmpty {
            throw .error("cannot set --all and --field-selector at the same time")
        }
        if gracePeriod == 0, force {
            request.invocation.stderr.write("Warning: Immediate deletion does not wait for confirmation that the running "
                + "resource has been terminated. The resource may continue to run on the cluster indefinitely.\n")
        } else if gracePeriod > 0, force {
            throw .error("--force and --grace-period greater than 0 cannot be specified together")
        }
    }

    /// `--cascade`: background, foreground, orphan; the old booleans with their warning.
    private static func cascade(_ request: VerbRequest) throws(KubectlFailure) -> String {
        let value = request.flags.string("cascade")
        switch value {
        case "background", "": return "Background"
        case "foreground": return "Foreground"
        case "orphan": return "Orphan"
        default: break
        }
        guard let flag = FlagParsing.parseBool(value) else {
            throw .error("invalid cascade value (\(value)). Must be \"background\", \"foreground\", or \"orphan\"")
        }
        let replacement = flag ? "background" : "orphan"
        request.invocation.stderr.write("warning: --cascade=\(value) is deprecated (boolean value) and can be replaced with --cascade=\(replacement).\n")
        return flag ? "Background" : "Orphan"
    }

    /// The line printed for a deleted object.
    func line(_ type: ResourceType, name: String) -> String {
        if nameOutput { return "\(type.kubectlName)/\(name)\n" }
        var operation = gracePeriod == 0 ? "force deleted" : "deleted"
        switch mode {
        case .client: operation += " (dry run)"
        case .server: operation += " (server dry run)"
        case .none: break
        }
        return "\(type.kubectlName) \"\(name)\" \(operation)\n"
    }
}

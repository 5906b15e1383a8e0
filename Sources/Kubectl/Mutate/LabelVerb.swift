import KubeModel

/// `kubectl label` and `kubectl annotate`: add, overwrite, remove and list metadata pairs.
enum LabelVerb {
    /// Which metadata map the verb edits, with the words it prints.
    struct Flavor {
        let field: String
        let pairType: String
        let listTitle: String
        let fileHint: String
        let emptyUpdate: String
    }

    static let labels = Flavor(field: "labels", pairType: "label", listTitle: "labels", fileHint: "pod",
                               emptyUpdate: "at least one label update is required")
    static let annotations = Flavor(field: "annotations", pairType: "annotation", listTitle: "annotations", fileHint: "rsrc",
                                    emptyUpdate: "at least one annotation update is required")

    static func label(_ request: inout VerbRequest) throws(KubectlFailure) { try run(&request, labels) }
    static func annotate(_ request: inout VerbRequest) throws(KubectlFailure) { try run(&request, annotations) }

    static func run(_ request: inout VerbRequest, _ flavor: Flavor) throws(KubectlFailure) {
        let mode = try request.dryRun()
        let format = try request.changedOutputFormat()
        let (resources, pairs) = try PairArguments.split(request.arguments, pairType: flavor.pairType)
        let (add, remove) = flavor.field == "labels" ? try parseLabels(pairs) : try parseAnnotations(pairs)
        let list = request.flags.bool("list")
        if list, format != .action { throw .error("--list and --output may not be specified together") }
        if request.flags.bool("all"), !request.flags.string("selector").isEmpty {
            throw .error("cannot set --all and --selector at the same time")
        }
        let local = try request.localMode(resources: resources, mode: mode, fileHint: flavor.fileHint)
        if !local, resources.isEmpty, request.flags.strings("filename").isEmpty {
            throw .error("one or more resources must be specified as <resource> <name> or <resource>/<name>")
        }
        if add.isEmpty, remove.isEmpty, !list { throw .error(flavor.emptyUpdate) }
        if flavor.field == "annotations" {
            let both = remove.filter { add[$0] != nil }
            if !both.isEmpty {
                throw .error("can not both modify and remove the following annotation(s) in the same command: \(both.joined(separator: ", "))")
            }
        }
        let set = try request.resolveTargets(request.targetQuery(resources, local: local, emptyMessage: ""))
        var failures: [KubectlFailure] = []
        for target in set.targets {
            do throws(KubectlFailure) {
                try apply(target, set: set, flavor: flavor, add: add, remove: remove, mode: mode, format: format, to: &request)
            } catch {
                failures.append(error)
            }
        }
        if let failure = KubectlFailure.combined(failures + set.failures) { throw failure }
    }

    /// Changes one object and prints its line (or its list).
    static func apply(_ target: MutateTarget, set: TargetSet, flavor: Flavor, add: [String: String], remove: [String],
                      mode: DryRun, format: OutputFormat, to request: inout VerbRequest) throws(KubectlFailure) {
        let list = request.flags.bool("list")
        let overwrite = request.flags.bool("overwrite")
        let local = target.local
        do {
            var object = target.object
            let old = object.content[path: ["metadata", flavor.field]]?.objectValue ?? [:]
            if !overwrite { try refuseOverwrites(old: old, add: add, flavor: flavor) }
            let offline = local || mode == .client || list
            if !offline, flavor.field == "labels" {
                for key in remove where old[key] == nil { request.invocation.stdout.write("label \(GoSyntax.quote(key)) not found.\n") }
            }
            var members = old
            for key in add.keys.sorted() { members[key] = .string(add[key] ?? "") }
            for key in remove { members[key] = nil }
            object.content[path: ["metadata", flavor.field]] = members.isEmpty ? nil : .object(members)
            let result = offline ? object : try request.save(target, object, mode: mode)
            if list {
                printList(result, target: target, single: set.single, flavor: flavor, to: &request)
                return
            }
            let action: String
            if flavor.field == "annotations" {
                action = "annotated"
            } else {
                // updateDataChangeMsg compares the JSON before and after.
                let oldSize = KubeJSON.compact(target.object.content).utf8.count
                let newSize = KubeJSON.compact(object.content).utf8.count
                action = object.content == target.object.content ? "not labeled"
                    : (!overwrite && newSize < oldSize ? "unlabeled" : "labeled")
            }
            try request.printChanged(flavor.field == "labels" ? object : result, format: format, action: action, mode: mode)
        }
    }

    static func printList(_ object: KubeObject, target: MutateTarget, single: Bool, flavor: Flavor, to request: inout VerbRequest) {
        var indent = ""
        if !single {
            indent = " "
            request.invocation.stdout.write("Listing \(flavor.listTitle) for \(target.type.kind).\(target.type.group)/\(object.name):\n")
        }
        let members = object.content[path: ["metadata", flavor.field]]?.objectValue ?? [:]
        for key in members.keys.sorted() {
            request.invocation.stdout.write("\(indent)\(key)=\(members[key]?.stringValue ?? "")\n")
        }
    }

    static func refuseOverwrites(old: JSONObject, add: [String: String], flavor: Flavor) throws(KubectlFailure) {
        let clashes = add.keys.sorted().filter { old[$0] != nil && !(flavor.field == "annotations" && $0 == "kubernetes.io/change-cause") }
        guard !clashes.isEmpty else { return }
        let texts = clashes.map { "'\($0)' already has a value (\(old[$0]?.stringValue ?? ""))" }
        if flavor.field == "annotations" {
            throw .error("--overwrite is false but found the following declared annotation(s): \(texts.joined(separator: "; "))")
        }
        // An aggregate the visitor flattens: one error alone, several as bare lines.
        let label = texts.map { $0 + ", and --overwrite is false" }
        if label.count == 1 { throw .error(label[0]) }
        throw KubectlFailure(stderr: label.map { $0 + "\n" }.joined())
    }

    static func parseLabels(_ pairs: [String]) throws(KubectlFailure) -> ([String: String], [String]) {
        var add: [String: String] = [:], remove: [String] = []
        for pair in pairs {
            if pair.contains("=") {
                let parts = pair.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2 else { throw .error("invalid label spec: \(pair)") }
                let problems = NameRules.labelValue(parts[1])
                if !problems.isEmpty {
                    throw .error("invalid label value: \(GoSyntax.quote(pair)): \(problems.joined(separator: ";"))")
                }
                add[parts[0]] = parts[1]
            } else if pair.hasSuffix("-") {
                remove.append(String(pair.dropLast()))
            } else {
                throw .error("unknown label spec: \(pair)")
            }
        }
        if remove.contains(where: { add[$0] != nil }) { throw .error("can not both modify and remove a label in the same command") }
        return (add, remove)
    }

    /// cmdutil.ParsePairs(…, "annotation", true).
    static func parseAnnotations(_ pairs: [String]) throws(KubectlFailure) -> ([String: String], [String]) {
        var add: [String: String] = [:], remove: [String] = [], invalid: [String] = []
        for pair in pairs {
            if let equals = pair.firstIndex(of: "=") {
                let key = String(pair[..<equals])
                if key.isEmpty { invalid.append(pair) } else { add[key] = String(pair[pair.index(after: equals)...]) }
            } else if pair.hasSuffix("-") {
                remove.append(String(pair.dropLast()))
            } else {
                invalid.append(pair)
            }
        }
        if !invalid.isEmpty { throw .error("invalid annotation format: \(invalid.joined(separator: ", "))") }
        return (add, remove)
    }
}

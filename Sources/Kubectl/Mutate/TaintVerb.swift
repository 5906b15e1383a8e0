import KubeModel

/// One taint as kubectl parses it (`key=value:Effect`, `key:Effect`, `key`).
struct Taint: Equatable {
    var key: String
    var value = ""
    var effect = ""

    init(key: String, value: String = "", effect: String = "") {
        self.key = key
        self.value = value
        self.effect = effect
    }

    init?(_ json: JSONValue) {
        guard let key = json["key"]?.stringValue else { return nil }
        self.init(key: key, value: json["value"]?.stringValue ?? "", effect: json["effect"]?.stringValue ?? "")
    }

    /// Taint.ToString: `key=value:effect`, parts left out when empty.
    var text: String {
        var text = key
        if !value.isEmpty { text += "=" + value }
        if !effect.isEmpty { text += ":" + effect }
        return text
    }

    /// Go's `%v` of a corev1.Taint.
    var goValue: String { "{\(key) \(value) \(effect) <nil>}" }

    func matches(_ other: Taint) -> Bool { key == other.key && effect == other.effect }
}

/// `kubectl taint`: add, overwrite and remove node taints.
enum TaintVerb {
    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let mode = try request.dryRun()
        let format = try request.changedOutputFormat()
        var resources: [String] = [], specs: [String] = []
        for word in request.arguments {
            let isTaint = word.contains("=") || word.contains(":") || word.hasSuffix("-")
            if isTaint { specs.append(word) } else if specs.isEmpty { resources.append(word) } else {
                throw .error("all resources must be specified before taint changes: \(word)")
            }
        }
        guard let typeWord = resources.first else { throw .error("one or more resources must be specified as <resource> <name>") }
        if specs.isEmpty { throw .error("at least one taint update is required") }
        let (add, remove) = try parse(specs, request: request)
        let type = try request.resolveType(typeWord.lowercased())
        guard type.kind == "Node" else { throw .error("invalid resource type \(typeWord.lowercased()), only node types are supported") }
        var conflicts: [String] = []
        for taint in add {
            for removal in remove where taint.key == removal.key && (removal.effect.isEmpty || removal.effect == taint.effect) {
                conflicts.append("{\"\(removal.key)\":\"\(removal.effect)\"}")
            }
        }
        if !conflicts.isEmpty {
            throw .error("can not both modify and remove the following taint(s) in the same command: \(conflicts.joined(separator: ", "))")
        }
        let all = request.flags.bool("all"), selector = request.flags.string("selector")
        if all, !selector.isEmpty { throw .error("setting 'all' parameter with a non empty selector is prohibited") }
        if !all, selector.isEmpty, resources.count < 2 {
            throw .error("at least one resource name must be specified since 'all' parameter is not set")
        }
        var query = TargetQuery()
        query.resources = ["nodes"] + ((all || !selector.isEmpty) ? [] : Array(resources.dropFirst()))
        query.selector = selector
        query.all = all
        let set = try request.resolveTargets(query)
        var failures = set.failures
        let overwrite = request.flags.bool("overwrite")
        for target in set.targets {
            do throws(KubectlFailure) {
                var object = target.object
                let oldPairs = (object.content[path: ["spec", "taints"]]?.arrayValue ?? []).compactMap { raw in Taint(raw).map { ($0, raw) } }
                let old = oldPairs.map(\.0)
                if !overwrite {
                    let existing = add.flatMap { taint in old.filter { $0.matches(taint) }.map { _ in taint.key } }
                    if !existing.isEmpty {
                        throw .error("node \(object.name) already has \(existing.joined(separator: ",")) taint(s) with same effect(s) and --overwrite is false")
                    }
                }
                // reorganizeTaints: the new taints, then the old ones they do not replace, less the removals.
                var result: [JSONValue] = add.map(json)
                var kept = add
                for (taint, raw) in oldPairs where !kept.contains(where: { $0.matches(taint) }) {
                    result.append(raw)
                    kept.append(taint)
                }
                let added = old.count != kept.count
                var errors: [String] = []
                var deleted = false
                for removal in remove {
                    let before = result.count
                    result.removeAll { raw in
                        guard let taint = Taint(raw) else { return false }
                        return removal.effect.isEmpty ? taint.key == removal.key : taint.matches(removal)
                    }
                    deleted = result.count != before
                    if !deleted { errors.append("taint \(GoSyntax.quote(removal.text)) not found") }
                }
                let operation = (added && deleted) || overwrite ? "modified" : added ? "tainted" : "untainted"
                if !errors.isEmpty {
                    throw errors.count == 1 ? .error(errors[0]) : KubectlFailure(stderr: errors.map { $0 + "\n" }.joined())
                }
                object.content[path: ["spec", "taints"]] = result.isEmpty ? nil : .array(result)
                let saved = try request.save(target, object, mode: mode)
                try request.printChanged(saved, format: format, action: operation, mode: mode)
            } catch {
                failures.append(error)
            }
        }
        if let failure = KubectlFailure.combined(failures) { throw failure }
    }

    /// A taint as the API stores it: key, value (when set), effect.
    static func json(_ taint: Taint) -> JSONValue {
        var object: JSONObject = ["key": .string(taint.key)]
        if !taint.value.isEmpty { object["value"] = .string(taint.value) }
        object["effect"] = .string(taint.effect)
        return .object(object)
    }

    /// parseTaints: taints to add (unique by key and effect) and to remove; errors are usage errors.
    static func parse(_ specs: [String], request: VerbRequest) throws(KubectlFailure) -> (add: [Taint], remove: [Taint]) {
        var add: [Taint] = [], remove: [Taint] = []
        for spec in specs {
            if spec.hasSuffix("-") {
                let taint = try parseOne(String(spec.dropLast()), request: request)
                remove.append(Taint(key: taint.key, effect: taint.effect))
                continue
            }
            let taint = try parseOne(spec, request: request)
            if taint.effect.isEmpty { throw request.usage("invalid taint spec: \(spec)") }
            if add.contains(where: { $0.matches(taint) }) {
                throw request.usage("duplicated taints with the same key and effect: \(taint.goValue)")
            }
            add.append(taint)
        }
        return (add, remove)
    }

    static func parseOne(_ spec: String, request: VerbRequest) throws(KubectlFailure) -> Taint {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var taint = Taint(key: spec)
        switch parts.count {
        case 1: break
        case 2:
            taint.effect = parts[1]
            guard ["NoSchedule", "PreferNoSchedule", "NoExecute"].contains(parts[1]) else {
                throw request.usage("invalid taint effect: \(parts[1]), unsupported taint effect")
            }
            let pair = parts[0].split(separator: "=", omittingEmptySubsequences: false).map(String.init)
            if pair.count > 2 { throw request.usage("invalid taint spec: \(spec)") }
            taint.key = pair[0]
            if pair.count == 2 {
                taint.value = pair[1]
                let problems = NameRules.labelValue(pair[1])
                if !problems.isEmpty { throw request.usage("invalid taint spec: \(spec), \(problems.joined(separator: "; "))") }
            }
        default:
            throw request.usage("invalid taint spec: \(spec)")
        }
        let problems = NameRules.qualifiedName(taint.key)
        if !problems.isEmpty { throw request.usage("invalid taint spec: \(spec), \(problems.joined(separator: "; "))") }
        return taint
    }
}

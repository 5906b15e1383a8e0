import KubeModel

/// `kubectl set resources` and `kubectl set serviceaccount`.
enum SetResourceVerbs {
    static func resources(_ request: inout VerbRequest) throws(KubectlFailure) {
        let mode = try request.dryRun()
        let format = try request.changedOutputFormat()
        let limitsText = request.flags.string("limits"), requestsText = request.flags.string("requests")
        let local = request.flags.bool("local")
        if local, !request.arguments.isEmpty || request.flags.strings("filename").isEmpty {
            throw .error("you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'")
        }
        if request.arguments.isEmpty, request.flags.strings("filename").isEmpty {
            throw .error("one or more resources must be specified as <resource> <name> or <resource>/<name>")
        }
        if request.flags.bool("all"), !request.flags.string("selector").isEmpty {
            throw .error("cannot set --all and --selector at the same time")
        }
        if limitsText.isEmpty, requestsText.isEmpty {
            throw .error("you must specify an update to requests or limits (in the form of --requests/--limits)")
        }
        let limits = try parseList(limitsText), requests = try parseList(requestsText)
        let pattern = request.flags.string("containers")
        let set = try request.resolveTargets(request.targetQuery(request.arguments, local: local, emptyMessage: VerbRequest.noResourcesMessage))
        var failures = set.failures
        for target in set.targets {
            guard let specPath = SetVerbs.podSpecPath(kind: target.object.kind) else { continue }
            var object = target.object
            var found = false
            for listName in ["initContainers", "containers"] {
                guard var containers = object.content[path: specPath + [listName]]?.arrayValue else { continue }
                for index in containers.indices where GlobMatch.matches(pattern: pattern, containers[index]["name"]?.stringValue ?? "") {
                    found = true
                    for (field, values) in [("limits", limits), ("requests", requests)] where !values.isEmpty {
                        var map = containers[index][path: ["resources", field]]?.objectValue ?? [:]
                        for (key, value) in values { map[key] = .string(value) }
                        containers[index][path: ["resources", field]] = .object(Generated.sortedMap(map.map { ($0.key, $0.value) }))
                    }
                }
                object.content[path: specPath + [listName]] = .array(containers)
            }
            if !found {
                failures.append(.error("unable to find container named \(pattern)"))
                continue
            }
            if object.content == target.object.content { continue }
            do throws(KubectlFailure) {
                let result = try request.save(target, object, mode: mode)
                try request.printChanged(result, format: format, action: "resource requirements updated", mode: mode)
            } catch {
                failures.append(error)
            }
        }
        if let failure = KubectlFailure.combined(failures) { throw failure }
    }

    /// `cpu=100m,memory=256Mi`, each value parsed as a Quantity and serialized as it would be.
    static func parseList(_ text: String) throws(KubectlFailure) -> [(String, String)] {
        guard !text.isEmpty else { return [] }
        var pairs: [(String, String)] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw .error("Invalid argument syntax \(item), expected <resource>=<value>") }
            let value = String(parts[1])
            if let problem = Quantity.parseError(value) { throw .error(problem) }
            pairs.removeAll { $0.0 == String(parts[0]) }
            pairs.append((String(parts[0]), QuantityText.canonical(value)))
        }
        return pairs
    }

    static func serviceAccount(_ request: inout VerbRequest) throws(KubectlFailure) {
        let mode = try request.dryRun()
        let format = try request.changedOutputFormat()
        guard let account = request.arguments.last else { throw .error("serviceaccount is required") }
        let resources = Array(request.arguments.dropLast())
        let local = request.flags.bool("local")
        if !local, resources.isEmpty, request.flags.strings("filename").isEmpty {
            throw .error("one or more resources must be specified as <resource> <name> or <resource>/<name>")
        }
        let set = try request.resolveTargets(request.targetQuery(local ? [] : resources, local: local,
                                                                 emptyMessage: VerbRequest.noResourcesMessage))
        var failures = set.failures
        for target in set.targets {
            guard let specPath = SetVerbs.podSpecPath(kind: target.object.kind) else { continue }
            var object = target.object
            object.content[path: specPath + ["serviceAccountName"]] = .string(account)
            do throws(KubectlFailure) {
                let result = try request.save(target, object, mode: mode)
                try request.printChanged(result, format: format, action: "serviceaccount updated", mode: mode)
            } catch {
                failures.append(error)
            }
        }
        if let failure = KubectlFailure.combined(failures) { throw failure }
    }
}

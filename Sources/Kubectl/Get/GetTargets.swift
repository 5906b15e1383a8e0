import KubeModel

/// What `kubectl get` was asked for: resource types, each with names or listed whole.
struct GetTarget {
    let type: ResourceType
    /// nil: list every object (with the selectors); else these names, in order.
    var names: [String]?
}

/// The resource builder's reading of `TYPE[,TYPE…] [NAME…]` and `TYPE/NAME…` (cli-runtime).
struct GetTargets {
    var targets: [GetTarget] = []
    /// One name of one type (`get pod x`, `get pod/x`): printed as the object, not a List.
    var singleItemImplied = false
    /// More than one type was typed (`po,svc`, `all`): rows are prefixed `kind/`.
    var multipleTypesRequested = false

    static func parse(_ arguments: [String], table: ResourceTable) throws(KubectlFailure) -> GetTargets {
        var result = GetTargets()
        let slashed = arguments.filter { $0.contains("/") }.count
        if slashed > 0 {
            guard slashed == arguments.count else {
                throw .error("there is no need to specify a resource type as a separate argument when passing arguments "
                    + "in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of "
                    + "'kubectl get resource resource/<resource_name>'")
            }
            var typed: Set<String> = []
            for argument in arguments {
                let parts = argument.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2 else { throw .error("arguments in resource/name form may not have more than one slash") }
                guard !parts[0].isEmpty, !parts[1].isEmpty, !parts[0].contains(",") else {
                    throw .error("arguments in resource/name form must have a single resource and name")
                }
                typed.insert(parts[0])
                let type = try resolve(parts[0], table: table)
                if let last = result.targets.last, last.type == type {
                    result.targets[result.targets.count - 1].names?.append(parts[1])
                } else {
                    result.targets.append(GetTarget(type: type, names: [parts[1]]))
                }
            }
            result.singleItemImplied = arguments.count == 1
            result.multipleTypesRequested = typed.count > 1
            return result
        }
        guard let first = arguments.first else { return result }
        var typed: [String] = []
        for word in first.split(separator: ",", omittingEmptySubsequences: false).map(String.init) where !typed.contains(word) {
            typed.append(word)
        }
        let names = arguments.count > 1 ? Array(arguments.dropFirst()) : nil
        for word in typed {
            if table.lookup(word) == nil, case let members = table.category(word), !members.isEmpty {
                for type in members { result.targets.append(GetTarget(type: type, names: names)) }
                result.multipleTypesRequested = true
                continue
            }
            result.targets.append(GetTarget(type: try resolve(word, table: table), names: names))
        }
        if typed.count > 1 { result.multipleTypesRequested = true }
        result.singleItemImplied = result.targets.count == 1 && names?.count == 1
        return result
    }

    /// The type a word names, or kubectl's `the server doesn't have a resource type` error.
    static func resolve(_ word: String, table: ResourceTable) throws(KubectlFailure) -> ResourceType {
        guard let type = table.lookup(word) else {
            throw .error("the server doesn't have a resource type \(FlagParsing.goQuote(word))")
        }
        return type
    }
}

import KubeModel

/// One object `kubectl delete` will DELETE.
struct DeleteTarget {
    var type: ResourceType
    var namespace: String
    var name: String
    /// The file it was named in (`error when deleting "x.yaml": …`), "" from arguments.
    var source: String
}

/// The builder's ResourceTypeOrNameArgs / FilenameParam / selectors for `kubectl delete`.
enum DeleteTargets {
    static let missingResources = """
        You must provide one or more resources by argument or filename.
        Example resource specifications include:
           '-f rsrc.yaml'
           '--filename=rsrc.json'
           '<resource> <name>'
           '<resource>'
        """

    /// What to delete, in order, with the failures met while finding it.
    static func resolve(_ request: VerbRequest) throws(KubectlFailure) -> [Result<DeleteTarget, VisitError>] {
        let flags = request.flags
        let arguments = request.arguments
        let selector = flags.string("selector")
        let all = flags.bool("all")
        if !flags.strings("filename").isEmpty {
            if !arguments.isEmpty {
                throw .error("when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well")
            }
            return try request.readManifests(validateDefault: false).map { item in
                switch item {
                case .object(let manifest):
                    .success(DeleteTarget(type: manifest.type, namespace: manifest.namespace, name: manifest.name,
                                          source: manifest.source))
                case .failure(let error): .failure(error)
                }
            }
        }
        guard !arguments.isEmpty else { throw .error(missingResources) }
        if all, !selector.isEmpty { throw .error("setting 'all' parameter but found a non empty selector. ") }
        let resources = ResourceTable.standard
        func type(_ word: String) throws(KubectlFailure) -> ResourceType {
            guard let type = resources.lookup(word) else {
                throw .error("the server doesn't have a resource type \(GoSyntax.quote(word))")
            }
            return type
        }
        let namespace = request.namespace
        // TYPE/NAME pairs.
        if arguments.contains(where: { $0.contains("/") }) {
            var targets: [Result<DeleteTarget, VisitError>] = []
            for argument in arguments {
                let parts = argument.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw .error("arguments in resource/name form must have a single resource and name")
                }
                let resolved = try type(String(parts[0]))
                targets.append(.success(DeleteTarget(type: resolved, namespace: resolved.namespaced ? namespace : "",
                                                     name: String(parts[1]), source: "")))
            }
            if all || !selector.isEmpty { throw .error("name cannot be provided when a selector is specified") }
            return targets
        }
        let types = try arguments[0].split(separator: ",", omittingEmptySubsequences: false).map { word throws(KubectlFailure) in
            try type(String(word))
        }
        let names = Array(arguments.dropFirst())
        if !names.isEmpty {
            if all || !selector.isEmpty { throw .error("name cannot be provided when a selector is specified") }
            return types.flatMap { resolved in
                names.map { .success(DeleteTarget(type: resolved, namespace: resolved.namespaced ? namespace : "", name: $0, source: "")) }
            }
        }
        let fieldText = flags.string("field-selector")
        guard all || !selector.isEmpty || !fieldText.isEmpty else {
            throw .error("resource(s) were provided, but no name was specified")
        }
        let labels: LabelSelector
        switch LabelSelector.parse(selector) {
        case .success(let parsed): labels = parsed
        case .failure(let error): throw .error(error.message)
        }
        guard let context = request.context else { throw KubectlFailure.connectionRefused }
        let allNamespaces = flags.bool("all-namespaces")
        var targets: [Result<DeleteTarget, VisitError>] = []
        for resolved in types {
            do throws(KubectlServerError) {
                let objects = try SelectorListing.list(context, resolved,
                                                       namespace: resolved.namespaced && !allNamespaces ? namespace : nil,
                                                       labelText: selector, labels: labels, fieldText: fieldText)
                for object in objects {
                    targets.append(.success(DeleteTarget(type: resolved, namespace: object.namespace, name: object.name, source: "")))
                }
            } catch {
                targets.append(.failure(.server(error)))
            }
        }
        return targets
    }
}

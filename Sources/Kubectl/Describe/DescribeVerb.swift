import KubeModel

/// `kubectl describe`: resolves TYPE [NAME…], TYPE/NAME…, `-l`, `-A`, `-n` as kubectl's resource
/// builder does, describes each object, and falls back to name-prefix matching for `TYPE NAME`.
enum DescribeVerb {
    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let args = request.arguments
        if args.isEmpty, request.flags.strings("filename").isEmpty {
            throw .error("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n")
        }
        guard let context = request.context else { throw KubectlFailure.connectionRefused }
        let allNamespaces = request.flags.bool("all-namespaces")
        let namespace = request.namespace
        let session = DescribeSession(context: context, now: request.invocation.clock.now,
                                      showEvents: request.flags.string("show-events") != "false")
        let filenames = request.flags.strings("filename")
        let targets: [Target]
        if filenames.isEmpty {
            targets = try Self.targets(args, selector: request.flags.string("selector"), resources: context.resourceTable)
        } else {
            if !args.isEmpty {
                throw .error("when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well")
            }
            targets = try request.readFiles(filenames).map { Target(type: $0.type, name: $0.object.name, namespace: $0.namespace) }
        }

        var outputs: [String] = []
        var errors: [String] = []
        var found = 0
        for target in targets {
            let scope: String? = target.type.namespaced ? (allNamespaces && target.name == nil ? nil : target.namespace ?? namespace) : nil
            if let name = target.name {
                do throws(KubectlServerError) {
                    let object = try context.get(resource: target.type.key, namespace: scope, name: name)
                    found += 1
                    outputs.append(Describers.describer(for: target.type)(object, session))
                } catch {
                    if error.reason == "NotFound", args.count == 2 {
                        // DescribeMatchingResources: `describe pods web` describes every pod named web…
                        let matches = session.list(target.type.key, namespace: scope).filter { $0.name.hasPrefix(name) }
                        if !matches.isEmpty {
                            for object in matches {
                                request.invocation.stdout.write(Describers.describer(for: target.type)(object, session) + "\n")
                            }
                            return
                        }
                    }
                    errors.append(error.stderr)
                }
            } else {
                let selector = try labelSelector(request.flags.string("selector"))
                for object in session.list(target.type.key, namespace: scope) where selector.matches(object.labels) {
                    found += 1
                    outputs.append(Describers.describer(for: target.type)(object, session))
                }
            }
        }
        for (index, text) in outputs.enumerated() {
            request.invocation.stdout.write(index == 0 ? text : "\n\n" + text)
        }
        if found == 0, errors.isEmpty {
            request.invocation.stderr.write(allNamespaces ? "No resources found\n" : "No resources found in \(namespace) namespace.\n")
        }
        if !errors.isEmpty { throw KubectlFailure(stderr: errors.joined()) }
    }

    /// One thing to describe: a type and a name, or every object of the type (name nil).
    struct Target {
        let type: ResourceType
        let name: String?
        /// The namespace a manifest names (else `-n`).
        var namespace: String? = nil
    }

    /// `ResourceTypeOrNameArgs`: `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME…`.
    static func targets(_ args: [String], selector: String, resources: ResourceTable) throws(KubectlFailure) -> [Target] {
        if args.contains(where: { $0.contains("/") }) {
            var targets: [Target] = []
            for arg in args {
                let parts = arg.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2 else {
                    throw .error("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl describe resource/<resource_name>' instead of 'kubectl describe resource resource/<resource_name>'")
                }
                guard !parts[1].isEmpty else { throw .error("arguments in resource/name form must have a single resource and name") }
                targets.append(Target(type: try type(parts[0], resources), name: parts[1]))
            }
            return targets
        }
        guard let first = args.first else { return [] }
        let names = Array(args.dropFirst())
        let typeWords = first.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if !names.isEmpty, !selector.isEmpty {
            throw .error("name cannot be provided when a selector is specified")
        }
        var types: [ResourceType] = []
        for word in typeWords {
            guard !word.isEmpty else { continue }
            types.append(try type(word, resources))
        }
        if names.isEmpty { return types.map { Target(type: $0, name: nil) } }
        guard types.count == 1, let only = types.first else {
            throw .error("you may only specify a single resource type")
        }
        return names.map { Target(type: only, name: $0) }
    }

    private static func type(_ word: String, _ resources: ResourceTable) throws(KubectlFailure) -> ResourceType {
        guard let type = resources.lookup(word) else {
            throw .error("the server doesn't have a resource type \(FlagParsing.goQuote(word))")
        }
        return type
    }

    private static func labelSelector(_ text: String) throws(KubectlFailure) -> LabelSelector {
        guard !text.isEmpty else { return .everything }
        switch LabelSelector.parse(text) {
        case .success(let selector): return selector
        case .failure(let error): throw .error(error.message)
        }
    }
}

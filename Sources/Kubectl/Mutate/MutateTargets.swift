import KubeModel
import NodeFS

/// One object a changing verb works on, as the resource builder hands it over.
struct MutateTarget {
    let type: ResourceType
    var object: KubeObject
    /// Read from a file with `--local`: never sent to the server.
    var local = false
}

/// The builder's answer: the objects found, whether one was named, the lookups that failed.
struct TargetSet {
    var targets: [MutateTarget] = []
    var single: Bool
    var failures: [KubectlFailure] = []

    init(single: Bool) { self.single = single }

    mutating func add(_ type: ResourceType, _ fetch: () throws(KubectlFailure) -> KubeObject) {
        do throws(KubectlFailure) {
            targets.append(MutateTarget(type: type, object: try fetch()))
        } catch {
            failures.append(error)
        }
    }
}

/// An object read from a manifest, with the namespace the builder gives it.
struct FileObject {
    let type: ResourceType
    let object: KubeObject
    let namespace: String
}

/// What the resource builder was asked for: `TYPE NAME…`, `TYPE/NAME…`, `-l`, `--all`, `-f`.
struct TargetQuery {
    var resources: [String] = []
    var selector = ""
    var all = false
    var filenames: [String] = []
    var local = false
    var allNamespaces = false
    /// `ResourceTypeOrNameArgs(true, …)`: a type alone means every object of it (rollout status, history).
    var allowEmptySelector = false
    /// The message when nothing at all names an object (each verb words it its own way).
    var emptyMessage = VerbRequest.noResourcesMessage
}

/// The resource builder (cli-runtime's resource.Builder) for the verbs that change objects.
extension VerbRequest {
    /// The server's resource types.
    var mutateResources: ResourceTable { context?.resourceTable ?? .standard }

    /// The objects a query names, latest from the server (or as read, with `--local`), and whether
    /// the query named exactly one object (`IntoSingleItemImplied`). Objects the server does not
    /// have are left out and reported in `failures` (the builder continues on error).
    func resolveTargets(_ query: TargetQuery) throws(KubectlFailure) -> TargetSet {
        if !query.filenames.isEmpty {
            if !query.resources.isEmpty && !query.local {
                throw .error("when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well")
            }
            let read = try readFiles(query.filenames)
            var set = TargetSet(single: read.count == 1)
            for item in read {
                if query.local {
                    set.targets.append(MutateTarget(type: item.type, object: item.object, local: true))
                } else {
                    set.add(item.type) { () throws(KubectlFailure) in try fetch(item.type, namespace: item.namespace, name: item.object.name) }
                }
            }
            return set
        }
        guard !query.resources.isEmpty else { throw .error(query.emptyMessage) }
        let slashed = query.resources.filter { $0.contains("/") }.count
        if slashed > 0 {
            guard slashed == query.resources.count else {
                throw .error("there is no need to specify a resource type as a separate argument when passing arguments "
                    + "in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of "
                    + "'kubectl get resource resource/<resource_name>'")
            }
            if !query.selector.isEmpty { throw .error("name cannot be provided when a selector is specified") }
            var set = TargetSet(single: query.resources.count == 1)
            for argument in query.resources {
                let parts = argument.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2 else { throw .error("arguments in resource/name form may not have more than one slash") }
                guard !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw .error("arguments in resource/name form must have a single resource and name")
                }
                let type = try resolveType(parts[0])
                set.add(type) { () throws(KubectlFailure) in try fetch(type, namespace: namespace, name: parts[1]) }
            }
            return set
        }
        let types = try query.resources[0].split(separator: ",").map { word throws(KubectlFailure) in try resolveType(String(word)) }
        let names = Array(query.resources.dropFirst())
        if !names.isEmpty {
            if !query.selector.isEmpty { throw .error("name cannot be provided when a selector is specified") }
            var set = TargetSet(single: types.count == 1 && names.count == 1)
            for type in types {
                for name in names { set.add(type) { () throws(KubectlFailure) in try fetch(type, namespace: namespace, name: name) } }
            }
            return set
        }
        guard query.all || !query.selector.isEmpty || query.allowEmptySelector else {
            throw .error("resource(s) were provided, but no name was specified")
        }
        let selector: LabelSelector
        switch LabelSelector.parse(query.selector) {
        case .success(let parsed): selector = parsed
        case .failure(let error): throw .error(error.message)
        }
        var set = TargetSet(single: false)
        for type in types {
            for object in try list(type, namespace: query.allNamespaces ? nil : namespace) where selector.matches(object.labels) {
                set.targets.append(MutateTarget(type: type, object: object))
            }
        }
        return set
    }

    /// A type word (`deploy`, `pods`, `deployments.apps`) or the server's refusal.
    func resolveType(_ word: String) throws(KubectlFailure) -> ResourceType {
        guard let type = mutateResources.lookup(word) else {
            throw .error("the server doesn't have a resource type \(FlagParsing.goQuote(word))")
        }
        return type
    }

    func fetch(_ type: ResourceType, namespace: String, name: String) throws(KubectlFailure) -> KubeObject {
        guard let context else { throw KubectlFailure.connectionRefused }
        do throws(KubectlServerError) {
            return try context.get(resource: type.key, namespace: type.namespaced ? namespace : nil, name: name)
        } catch {
            throw KubectlFailure(stderr: error.stderr)
        }
    }

    func list(_ type: ResourceType, namespace: String?) throws(KubectlFailure) -> [KubeObject] {
        guard let context else { throw KubectlFailure.connectionRefused }
        do throws(KubectlServerError) {
            return try context.list(resource: type.key, namespace: type.namespaced ? namespace : nil)
        } catch {
            throw KubectlFailure(stderr: error.stderr)
        }
    }

    /// Objects read from `-f` files (directories are not walked here), namespaced as the builder does.
    func readFiles(_ filenames: [String]) throws(KubectlFailure) -> [FileObject] {
        var result: [FileObject] = []
        for filename in filenames {
            let path = filename.hasPrefix("/") ? filename : invocation.workingDirectory + "/" + filename
            let bytes: [UInt8]
            do throws(FSError) {
                bytes = try invocation.fileSystem.readFile(path)
            } catch {
                throw .error("the path \(FlagParsing.goQuote(filename)) does not exist")
            }
            let documents: [JSONValue]
            do throws(ManifestError) {
                documents = try KubeYAML.documents(in: bytes, source: filename)
            } catch {
                throw .error(error.message)
            }
            for document in documents where document.objectValue != nil {
                let object = KubeObject(document)
                var objectNamespace = ""
                guard let type = mutateResources.type(apiVersion: object.apiVersion, kind: object.kind) else {
                    throw .error("resource mapping not found for name: \(FlagParsing.goQuote(object.name)) namespace: "
                        + "\(FlagParsing.goQuote(object.namespace)) from \(FlagParsing.goQuote(filename)): no matches for kind "
                        + "\(FlagParsing.goQuote(object.kind)) in version \(FlagParsing.goQuote(object.apiVersion))\n"
                        + "ensure CRDs are installed first")
                }
                if type.namespaced {
                    objectNamespace = object.namespace.isEmpty ? namespace : object.namespace
                    if !object.namespace.isEmpty, flags.changed("namespace"), object.namespace != namespace {
                        throw .error("the namespace from the provided object \(FlagParsing.goQuote(object.namespace)) does not match "
                            + "the namespace \(FlagParsing.goQuote(namespace)). You must pass '--namespace=\(object.namespace)' "
                            + "to perform this operation.")
                    }
                }
                result.append(FileObject(type: type, object: object, namespace: objectNamespace))
            }
        }
        return result
    }
}

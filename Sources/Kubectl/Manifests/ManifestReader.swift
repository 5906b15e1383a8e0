import KubeModel

/// kubectl's resource builder over `-f`: decode each input, check `apiVersion`/`kind`, expand
/// `kind: List`, map each object to its resource type and set its namespace.
struct ManifestReader {
    var resources: ResourceTable
    /// The request's namespace (`-n` or the kubeconfig's).
    var namespace: String
    /// `-n` was given: objects naming another namespace are refused.
    var enforceNamespace: Bool
    /// `--validate` is on (strict or warn): the apiVersion/kind check runs before decoding.
    var validate: Bool

    /// Every input's objects and failures, in the order kubectl visits them.
    func read(_ inputs: [ManifestInput]) -> [ManifestItem] {
        var items: [ManifestItem] = []
        for input in inputs {
            let (documents, error) = KubeYAML.decode(input.bytes, source: input.source)
            var stopped = false
            for document in documents where !stopped {
                // A bad document ends its stream (StreamVisitor returns), the other files go on.
                stopped = !visit(document, source: input.source, into: &items)
            }
            if let error, !stopped { items.append(.failure(.plain(error.message))) }
        }
        return items
    }

    /// One decoded document; false when the rest of its file is skipped.
    private func visit(_ document: JSONValue, source: String, into items: inout [ManifestItem]) -> Bool {
        if validate, let problem = Self.validationProblem(document) {
            items.append(.failure(.plain("error validating \(GoSyntax.quote(source)): error validating data: \(problem); "
                                         + "if you choose to ignore these errors, turn validation off with --validate=false")))
            return false
        }
        guard let object = document.objectValue else {
            items.append(.failure(.plain("error validating \(GoSyntax.quote(source)): error validating data: invalid object to validate; "
                                         + "if you choose to ignore these errors, turn validation off with --validate=false")))
            return false
        }
        guard let kind = object["kind"]?.stringValue, !kind.isEmpty else {
            items.append(.failure(.plain("unable to decode \(GoSyntax.quote(source)): Object 'Kind' is missing in '\(KubeJSON.compact(document))'")))
            return false
        }
        if let list = object["items"]?.arrayValue, kind.hasSuffix("List") {
            for item in list.prefix(100_000) { items.append(map(item, source: source)) }
            return true
        }
        items.append(map(document, source: source))
        return true
    }

    /// The client-side check `--validate` keeps when the server validates fields itself.
    static func validationProblem(_ document: JSONValue) -> String? {
        guard let object = document.objectValue else { return nil }
        var problems: [String] = []
        if (object["apiVersion"]?.stringValue ?? "").isEmpty { problems.append("apiVersion not set") }
        if (object["kind"]?.stringValue ?? "").isEmpty { problems.append("kind not set") }
        switch problems.count {
        case 0: return nil
        case 1: return problems[0]
        default: return "[" + problems.joined(separator: ", ") + "]"
        }
    }

    /// RESTMapping, then the namespace rules (SetNamespace / RequireNamespace).
    private func map(_ value: JSONValue, source: String) -> ManifestItem {
        var object = KubeObject(value)
        let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        let objectNamespace = object[path: ["metadata", "namespace"]]?.stringValue ?? ""
        guard value.objectValue != nil, let type = resources.type(apiVersion: object.apiVersion, kind: object.kind) else {
            return .failure(.plain("resource mapping not found for name: \(GoSyntax.quote(name)) namespace: "
                + "\(GoSyntax.quote(objectNamespace)) from \(GoSyntax.quote(source)): no matches for kind "
                + "\(GoSyntax.quote(object.kind)) in version \(GoSyntax.quote(object.apiVersion))\nensure CRDs are installed first"))
        }
        if type.namespaced {
            if objectNamespace.isEmpty {
                object[path: ["metadata", "namespace"]] = .string(namespace)
            } else if enforceNamespace, objectNamespace != namespace {
                return .failure(.plain("the namespace from the provided object \(GoSyntax.quote(objectNamespace)) does not "
                    + "match the namespace \(GoSyntax.quote(namespace)). You must pass '--namespace=\(objectNamespace)' "
                    + "to perform this operation."))
            }
        }
        return .object(ManifestObject(source: source, type: type, object: object))
    }
}

extension VerbRequest {
    /// `-f` read as the builder reads it, or the failure that stops the command at once.
    func readManifests(validateDefault: Bool = true) throws(KubectlFailure) -> [ManifestItem] {
        let validate = try validation()
        let inputs = try ManifestFiles.inputs(self, recursive: flags.bool("recursive"))
        let reader = ManifestReader(resources: .standard, namespace: namespace,
                                    enforceNamespace: flags.changed("namespace"), validate: validate && validateDefault)
        return reader.read(inputs)
    }

    /// `--validate`: strict/true/warn validate, ignore/false do not.
    func validation() throws(KubectlFailure) -> Bool {
        switch flags.string("validate").lowercased() {
        case "", "strict", "true", "warn": return true
        case "ignore", "false": return false
        case let other:
            throw .error("invalid - validate option \(GoSyntax.quote(other)); must be one of: strict (or true), warn, ignore (or false)")
        }
    }
}

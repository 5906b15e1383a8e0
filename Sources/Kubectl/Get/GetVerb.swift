import KubeModel
import NodeFS

/// `kubectl get`: resolves the types, reads the objects and prints them as tables or objects.
///
/// `--watch` prints the current state, then a row for every change while the cluster has
/// anything due (GetWatch.swift).
enum GetVerb {
    /// The formats `kubectl get -o` accepts (PrintFlags with the table printers), in its order.
    static let formats = ["custom-columns", "custom-columns-file", "go-template", "go-template-file", "json", "jsonpath",
                          "jsonpath-as-json", "jsonpath-file", "name", "template", "templatefile", "wide", "yaml"]

    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let flags = request.flags
        if request.arguments.isEmpty, flags.strings("filename").isEmpty {
            throw KubectlFailure(stderr: "You must specify the type of resource to get. Use \"kubectl api-resources\" "
                + "for a complete list of supported resources.\n\n"
                + KubectlFailure.usage("Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed "
                    + "description of that resource (e.g. kubectl explain pods).", commandPath: "kubectl get").stderr)
        }
        if !flags.strings("filename").isEmpty { throw .error("kubectl get -f is not available in this lab yet") }
        let format = try outputFormat(flags.string("output"), fileSystem: request)
        guard let context = request.context else { throw KubectlFailure.connectionRefused }
        let targets = try GetTargets.parse(request.arguments, table: context.resourceTable)
        let allNamespaces = flags.bool("all-namespaces")
        let selectorText = flags.string("selector")
        let fieldText = flags.string("field-selector")
        let named = targets.targets.contains { $0.names != nil }
        if named, !selectorText.isEmpty { throw .error("name cannot be provided when a selector is specified") }
        if named, allNamespaces { throw .error("a resource cannot be retrieved by name across all namespaces") }

        var fetch = GetFetch(context: context, namespace: allNamespaces ? nil : request.namespace,
                             ignoreNotFound: flags.bool("ignore-not-found"))
        try fetch.run(targets.targets, labels: selectorText, fields: fieldText)
        if !flags.string("sort-by").isEmpty {
            for index in fetch.sections.indices {
                fetch.sections[index].objects = try GetSort.sorted(fetch.sections[index].objects, by: flags.string("sort-by"))
            }
        }

        switch format {
        case .action, .wide:
            let clock = request.invocation.clock
            let withKind = flags.bool("show-kind") || targets.multipleTypesRequested || Set(fetch.sections.map(\.type)).count > 1
            let table = { (noHeaders: Bool) in
                GetTableOutput(now: clock.now, wide: format == .wide, allNamespaces: allNamespaces, withKind: withKind,
                               labelColumns: flags.strings("label-columns"), showLabels: flags.bool("show-labels"),
                               noHeaders: noHeaders)
            }
            let watching = flags.bool("watch") || flags.bool("watch-only")
            if watching {
                var watch = GetWatch(fetch: fetch, table: table, headers: !flags.bool("no-headers"))
                try watch.run(targets.targets, labels: selectorText, fields: fieldText,
                              printInitial: !flags.bool("watch-only"), to: &request.invocation)
                break
            }
            let bytes = table(flags.bool("no-headers")).render(fetch.sections)
            request.invocation.stdout.write(bytes)
            if bytes.isEmpty, fetch.errors.isEmpty, !fetch.ignoreNotFound {
                let namespaced = !allNamespaces && targets.targets.allSatisfy(\.type.namespaced)
                request.invocation.stderr.write(namespaced ? "No resources found in \(request.namespace) namespace.\n"
                                                           : "No resources found\n")
            }
        default:
            if targets.singleItemImplied, !fetch.errors.isEmpty { break }
            let objects = fetch.sections.flatMap(\.objects).map { strip($0, keepManagedFields: flags.bool("show-managed-fields")) }
            try GetGenericOutput.print(objects, single: targets.singleItemImplied && objects.count == 1, format: format,
                                       noHeaders: flags.bool("no-headers"),
                                       allowMissingKeys: flags.bool("allow-missing-template-keys"), to: &request.invocation)
        }
        if !fetch.errors.isEmpty { throw KubectlFailure(stderr: fetch.errors.joined()) }
    }

    /// `-o`, with the `-file` forms read from the node's filesystem.
    private static func outputFormat(_ text: String, fileSystem request: VerbRequest) throws(KubectlFailure) -> OutputFormat {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, parts[0] == "custom-columns-file" || parts[0] == "jsonpath-file" else {
            return try OutputFormat.parse(text, allowed: formats)
        }
        let path = request.invocation.path(parts[1])
        let contents: String
        do throws(FSError) {
            contents = String(decoding: try request.invocation.fileSystem.readFile(path), as: UTF8.self)
        } catch {
            throw .error("error reading template \(parts[1]), open \(parts[1]): \(error.message)")
        }
        if parts[0] == "jsonpath-file" { return .jsonPath(contents) }
        return .customColumns(try CustomColumns.spec(fromTemplate: contents))
    }

    /// What `kubectl get` prints of an object: no managedFields unless --show-managed-fields.
    static func strip(_ object: KubeObject, keepManagedFields: Bool) -> JSONValue {
        guard !keepManagedFields, case .object(var top) = object.content,
              case .object(var metadata)? = top["metadata"], metadata["managedFields"] != nil else { return object.content }
        metadata.removeValue(forKey: "managedFields")
        top["metadata"] = .object(metadata)
        return .object(top)
    }
}

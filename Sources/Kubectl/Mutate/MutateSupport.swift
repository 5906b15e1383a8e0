import KubeModel

/// What every object-changing verb shares: sending the change, printing the result line.
extension VerbRequest {
    /// Sends a changed object to the server (PUT; kubectl sends a patch, the outcome is the same
    /// in a single-threaded world), unless it is local or a client dry run. Returns the result.
    func save(_ target: MutateTarget, _ changed: KubeObject, mode: DryRun) throws(KubectlFailure) -> KubeObject {
        if target.local || mode == .client { return changed }
        guard let context else { throw KubectlFailure.connectionRefused }
        do throws(KubectlServerError) {
            return try context.update(changed, dryRun: mode == .server)
        } catch {
            throw KubectlFailure.server(error)
        }
    }

    /// Prints one changed object: `deployment.apps/web labeled (dry run)` or in the `-o` format.
    mutating func printChanged(_ object: KubeObject, format: OutputFormat, action: String, mode: DryRun) throws(KubectlFailure) {
        let suffix = mode == .client ? " (dry run)" : mode == .server ? " (server dry run)" : ""
        if format == .json {
            // Unstructured objects marshal as Go maps: keys sorted.
            invocation.stdout.write(KubeJSON.print(object.content, sortKeys: true))
            return
        }
        try OutputPrinter.print(object.content, format: format, action: action + suffix, to: &invocation,
                                allowMissingKeys: flags.bool("allow-missing-template-keys"))
    }

    /// The `-o` flag for verbs that print changed objects.
    func changedOutputFormat() throws(KubectlFailure) -> OutputFormat {
        try OutputFormat.parse(flags.string("output"), allowed: OutputFormat.objectFormats)
    }

    /// `--local` with the checks every local-capable verb makes (`rsrc` or `pod` in the file hint).
    func localMode(resources: [String], mode: DryRun, fileHint: String = "rsrc") throws(KubectlFailure) -> Bool {
        guard flags.bool("local") else { return false }
        if mode == .server { throw .error("cannot specify --local and --dry-run=server - did you mean --dry-run=client?") }
        let json = fileHint == "pod" ? "pod.json" : "rsrc.json"
        if !resources.isEmpty {
            throw .error("can only use local files by -f \(fileHint).yaml or --filename=\(json) when --local=true is set")
        }
        if flags.strings("filename").isEmpty {
            throw .error("one or more files must be specified as -f \(fileHint).yaml or --filename=\(json)")
        }
        return true
    }

    /// The builder query from the common flags (-l, --all, -f, -A) and the resource words.
    func targetQuery(_ resources: [String], local: Bool, emptyMessage: String) -> TargetQuery {
        var query = TargetQuery()
        query.resources = resources
        query.selector = flags.string("selector")
        query.all = flags.bool("all")
        query.filenames = flags.strings("filename")
        query.local = local
        query.allNamespaces = flags.bool("all-namespaces")
        query.emptyMessage = emptyMessage
        return query
    }
}

extension KubectlFailure {
    /// The errors a ContinueOnError visit collected, as CheckErr prints them: one alone as is,
    /// several as bare messages one per line (cmdutil.MultipleErrors); nil for none.
    static func combined(_ failures: [KubectlFailure]) -> KubectlFailure? {
        guard let first = failures.first else { return nil }
        if failures.count == 1 { return first }
        return KubectlFailure(stderr: failures.map(\.bareMessage).joined(), status: 1)
    }

    /// How MultipleErrors lists it: client errors without `error: `, server statuses as they print.
    var bareMessage: String {
        stderr.hasPrefix("error: ") ? String(stderr.dropFirst(7)) : stderr
    }

    /// A server status as checkErr prints it (the Invalid branch names the kind and object).
    static func server(_ error: KubectlServerError) -> KubectlFailure {
        if error.reason == "Invalid", !error.kind.isEmpty || !error.name.isEmpty {
            return KubectlFailure(stderr: error.invalidText)
        }
        return KubectlFailure(stderr: error.stderr)
    }
}

/// cmdutil.GetResourcesAndPairs: words before the first `k=v`/`k-` name resources, the rest are pairs.
enum PairArguments {
    static func split(_ arguments: [String], pairType: String) throws(KubectlFailure) -> (resources: [String], pairs: [String]) {
        var resources: [String] = [], pairs: [String] = []
        for word in arguments {
            let isPair = (word.contains("=") && !word.hasPrefix("=")) || (word.hasSuffix("-") && word != "-")
            if isPair {
                pairs.append(word)
            } else if pairs.isEmpty {
                resources.append(word)
            } else {
                throw .error("all resources must be specified before \(pairType) changes: \(word)")
            }
        }
        return (resources, pairs)
    }

    /// A Go map's keys in a stable order (Go iterates maps randomly; sorted reads best).
    static func sortedKeys(_ map: [String: String]) -> [String] { map.keys.sorted() }
}

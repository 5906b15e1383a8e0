import KubeModel

/// What create, apply and replace share: reading `-f`, collecting failures, printing results.
struct ManifestRun {
    let verb: String
    let mode: DryRun
    let format: OutputFormat
    var errors: [VisitError] = []
    /// Objects kept for `-o yaml|json` (printed together at the end, as apply does).
    var printed: [JSONValue] = []
    var count = 0

    init(_ request: VerbRequest, verb: String) throws(KubectlFailure) {
        if !request.arguments.isEmpty {
            throw request.usage("Unexpected args: [\(request.arguments.joined(separator: " "))]")
        }
        guard !request.flags.strings("filename").isEmpty else {
            throw .error("must specify one of -f and -k")
        }
        self.verb = verb
        mode = try request.dryRun()
        format = try OutputFormat.parse(request.flags.string("output"), allowed: OutputFormat.objectFormats)
    }

    /// `(dry run)` / `(server dry run)` after the action word.
    func action(_ word: String) -> String {
        switch mode {
        case .none: word
        case .client: word + " (dry run)"
        case .server: word + " (server dry run)"
        }
    }

    /// Prints one result now (`-o name` and the action line) or keeps it for the end.
    mutating func report(_ object: JSONValue, action word: String, request: inout VerbRequest) throws(KubectlFailure) {
        count += 1
        switch format {
        case .action, .name:
            try OutputPrinter.print(object, format: format, action: action(word), to: &request.invocation)
        default:
            printed.append(object)
        }
    }

    /// The end of the run: kept objects (one alone, several as a `List`), then the failures.
    func finish(_ request: inout VerbRequest) throws(KubectlFailure) {
        if printed.count == 1, let only = printed.first {
            try OutputPrinter.print(only, format: format, action: "", to: &request.invocation,
                                    allowMissingKeys: request.flags.bool("allow-missing-template-keys"))
        } else if printed.count > 1 {
            let list: JSONValue = ["apiVersion": "v1", "items": .array(printed), "kind": "List",
                                   "metadata": ["resourceVersion": ""]]
            try OutputPrinter.print(list, format: format, action: "", to: &request.invocation,
                                    allowMissingKeys: request.flags.bool("allow-missing-template-keys"))
        }
        if let failure = errors.failure { throw failure }
        // replace says nothing when there was nothing to replace.
        if count == 0, verb != "replace" { throw .error("no objects passed to \(verb)") }
    }

    /// The cluster, or kubectl's connection error.
    static func context(_ request: VerbRequest) throws(KubectlFailure) -> any KubectlContext {
        guard let context = request.context else { throw KubectlFailure.connectionRefused }
        return context
    }
}

extension KubectlServerError {
    /// The API server reads at most 3 MiB of a request body (`MaxRequestBodyBytes`).
    static let maxRequestBodyBytes = 3 * 1024 * 1024

    /// 413 for an object whose JSON would not fit in a request, as the API server refuses it.
    static func checkBodySize(_ object: JSONValue) throws(KubectlServerError) {
        guard KubeJSON.compact(object, sortKeys: false).utf8.count > maxRequestBodyBytes else { return }
        throw KubectlServerError(reason: "RequestEntityTooLarge", code: 413,
                                 message: "Request entity too large: limit is \(maxRequestBodyBytes)")
    }
}

import KubeModel

/// A failure met while visiting objects: kubectl's builder runs ContinueOnError, so the
/// remaining objects are still sent and every failure is reported once at the end.
enum VisitError: Error {
    /// A client-side error (`fmt.Errorf`): printed `error: <text>` alone, bare in a list.
    case plain(String)
    /// A status from the server, possibly prefixed `error when creating "x.yaml": `.
    case server(KubectlServerError)

    /// `cmdutil.AddSourceToErr`: the status message gains `error when <verb> "<source>": `.
    static func server(_ error: KubectlServerError, verb: String, source: String) -> VisitError {
        var error = error
        if !source.isEmpty { error.message = "error when \(verb) \(GoSyntax.quote(source)): \(error.message)" }
        return .server(error)
    }

    /// `StandardErrorMessage`, or the plain text (how `MultipleErrors` lists each).
    var listed: String {
        switch self {
        case .plain(let text): text
        case .server(let error): String(error.standardMessage.dropLast())
        }
    }
}

extension Array where Element == VisitError {
    /// `cmdutil.CheckErr` on the aggregate: one error alone as checkErr prints it, several as
    /// `MultipleErrors` lists them (one per line, no `error: ` prefix).
    var failure: KubectlFailure? {
        guard let first else { return nil }
        guard count == 1 else {
            return KubectlFailure(stderr: map { line($0.listed) }.joined())
        }
        switch first {
        case .plain(let text):
            return .error(text)
        case .server(let error):
            if error.reason == "Invalid", !error.kind.isEmpty || !error.name.isEmpty {
                return KubectlFailure(stderr: error.invalidText)
            }
            return KubectlFailure(stderr: error.stderr)
        }
    }

    private func line(_ text: String) -> String { text.hasSuffix("\n") ? text : text + "\n" }
}

extension KubectlServerError {
    /// checkErr's Invalid branch: `The Kind "name" is invalid: ` then the causes
    /// (`MultilineError`: one inline, several as `* cause` lines; duplicates dropped).
    var invalidText: String {
        let prefix = "The \(kind) \(GoSyntax.quote(name)) is invalid: "
        var seen = Set<String>()
        let unique = causes.filter { seen.insert($0).inserted }
        switch unique.count {
        case 0: return "The \(kind) \(GoSyntax.quote(name)) is invalid\n"
        case 1: return prefix + unique[0] + "\n"
        default: return prefix + "\n" + unique.map { "* \($0)\n" }.joined()
        }
    }
}

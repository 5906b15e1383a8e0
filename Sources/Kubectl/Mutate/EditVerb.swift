import CommandKit
import KubeModel
import NodeFS

/// `kubectl edit`: the object as YAML in a temp file under /tmp, opened in `$KUBE_EDITOR`,
/// `$EDITOR` or `vi` (the same command the shell runs, so the lab's editor bridge), then sent
/// back; invalid edits reopen the file with the errors at the top, as kubectl's editoptions do.
enum EditVerb {
    static let header = """
        # Please edit the object below. Lines beginning with a '#' will be ignored,
        # and an empty file will abort the edit. If an error occurs while saving this file will be
        # reopened with the relevant failures.
        #

        """

    /// At most this many editor sessions for one command (each invalid save reopens the file).
    static let maxRounds = 50

    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let query = request.targetQuery(request.arguments, local: false, emptyMessage: VerbRequest.noResourcesMessage)
        let set = try request.resolveTargets(query)
        if let failure = KubectlFailure.combined(set.failures) { throw failure }
        guard !set.targets.isEmpty else { return }
        let targets = set.targets
        let originalText = header + printed(targets.map(\.object), single: set.single)
        var reasons: [String] = []
        var containsError = false
        var edited = ""
        var round = 0
        var previousFile: String?
        while round < maxRounds {
            round += 1
            let text = containsError ? headerText(reasons) + manualStrip(edited) : originalText
            let path = "/tmp/kubectl-edit-\(fileNumber(targets, round: round, clock: request.invocation.clock.now)).yaml"
            let previousEdited = edited
            edited = try launchEditor(path: path, text: text, preserved: previousFile, request: &request)
            if containsError, stripComments(previousEdited) == stripComments(edited) {
                request.invocation.stderr.write("A copy of your changes has been stored to \(GoSyntax.quote(path))\n")
                throw .error("Edit cancelled, no valid changes were saved.")
            }
            if let previousFile { remove(previousFile, request: request) }
            if stripComments(originalText) == stripComments(edited) {
                remove(path, request: request)
                request.invocation.stderr.write("Edit cancelled, no changes made.\n")
                return
            }
            if !hasLines(edited) {
                remove(path, request: request)
                request.invocation.stderr.write("Edit cancelled, saved file was empty.\n")
                return
            }
            previousFile = path
            reasons = []
            let documents: [JSONValue]
            do throws(ManifestError) {
                documents = try KubeYAML.documents(in: edited, source: path)
            } catch {
                containsError = true
                reasons = ["# The edited file had a syntax error: \(error.detail)\n#\n"]
                continue
            }
            containsError = false
            let updated = documents.flatMap { document -> [JSONValue] in
                document["kind"]?.stringValue == "List" ? (document["items"]?.arrayValue ?? []) : [document]
            }
            var retryable = false
            for target in targets {
                let resource = target.type.groupResource
                guard let match = updated.first(where: { KubeObject($0).name == target.object.name && KubeObject($0).kind == target.object.kind }) else {
                    continue
                }
                var object = KubeObject(match)
                if object.content == target.object.content {
                    try request.printChanged(target.object, format: .action, action: "skipped", mode: .none)
                    continue
                }
                object[path: ["metadata", "resourceVersion"]] = target.object[path: ["metadata", "resourceVersion"]]
                guard let context = request.context else { throw KubectlFailure.connectionRefused }
                var result: KubeObject?
                do throws(KubectlServerError) {
                    result = try context.update(object, dryRun: false)
                } catch {
                    if error.reason == "Invalid" {
                        request.invocation.stderr.write("error: \(resource) \(GoSyntax.quote(target.object.name)) is invalid\n")
                        var reason = "# \(resource) \(GoSyntax.quote(target.object.name)) was not valid\(error.causes.isEmpty ? "" : ":")\n"
                        for cause in error.causes { reason += "# * \(cause.replacingOccurrences("\n", "\n# "))\n" }
                        reasons.append(reason + "#\n")
                    } else {
                        request.invocation.stderr.write("error: \(resource) \(GoSyntax.quote(target.object.name)) could not be patched: \(error.message)\n")
                        retryable = true
                    }
                }
                if let result { try request.printChanged(result, format: .action, action: "edited", mode: .none) }
            }
            if retryable {
                request.invocation.stderr.write("You can run `kubectl replace -f \(path)` to try this update again.\n")
                throw KubectlFailure(stderr: "", status: 1)
            }
            if reasons.isEmpty {
                remove(path, request: request)
                return
            }
            containsError = true
        }
        throw .error("Edit cancelled, no valid changes were saved.")
    }

    /// The objects as the edit printer writes them: one object, or a v1 List of several.
    static func printed(_ objects: [KubeObject], single: Bool) -> String {
        func clean(_ object: KubeObject) -> JSONValue {
            var content = object.content
            content[path: ["metadata", "managedFields"]] = nil
            return content
        }
        if single, let only = objects.first { return KubeYAML.print(clean(only)) }
        return KubeYAML.print(["apiVersion": "v1", "items": .array(objects.map(clean)), "kind": "List",
                               "metadata": ["resourceVersion": ""]])
    }

    static func headerText(_ reasons: [String]) -> String { header + reasons.joined() }

    /// Writes the file, runs the editor on it, reads it back.
    static func launchEditor(path: String, text: String, preserved: String?, request: inout VerbRequest) throws(KubectlFailure) -> String {
        do throws(FSError) {
            try request.invocation.fileSystem.writeFile(path, Array(text.utf8), append: false, mode: 0o600)
        } catch {
            throw .error("open \(path): \(error.message.lowercased())")
        }
        let environment = request.invocation.environment
        let editorWords = (environment["KUBE_EDITOR"] ?? environment["EDITOR"] ?? "vi").split(separator: " ").map(String.init)
        let words = editorWords.isEmpty ? ["vi"] : editorWords
        let status = request.invocation.runCommand(request.invocation.with(arguments: words + [path]))
        guard status == 0 else {
            if let preserved { request.invocation.stderr.write("A copy of your changes has been stored to \(GoSyntax.quote(preserved))\n") }
            throw .error("there was a problem with the editor \(GoSyntax.quote(words.joined(separator: " ")))")
        }
        do throws(FSError) {
            return String(decoding: try request.invocation.fileSystem.readFile(path), as: UTF8.self)
        } catch {
            throw .error("open \(path): \(error.message.lowercased())")
        }
    }

    static func remove(_ path: String, request: VerbRequest) {
        do throws(FSError) { try request.invocation.fileSystem.removeFile(path) } catch {}
    }

    /// os.CreateTemp's random part, made deterministic from the objects and the time.
    static func fileNumber(_ targets: [MutateTarget], round: Int, clock: Int64) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in (targets.map { $0.object.uid + $0.object.name }.joined() + "\(round)/\(clock)").utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return hash % 4_000_000_000
    }

    /// cmdutil.StripComments: the YAML as JSON when it parses, else the text without comment lines.
    static func stripComments(_ text: String) -> String {
        if let documents = try? KubeYAML.documents(in: text, source: "") {
            return documents.map { KubeJSON.compact($0) }.joined(separator: "\n")
        }
        return manualStrip(text)
    }

    /// cmdutil.ManualStrip: lines whose first non-blank character is `#` (not `#!`) dropped.
    static func manualStrip(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            return !(trimmed.hasPrefix("#") && !trimmed.hasPrefix("#!"))
        }.joined(separator: "\n")
    }

    static func hasLines(_ text: String) -> Bool {
        text.split(separator: "\n").contains { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
    }
}

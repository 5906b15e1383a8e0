import KubeModel
import NodeFS

/// `kubectl patch`: strategic merge, JSON merge (RFC 7386) and JSON (RFC 6902) patches.
enum PatchVerb {
    enum Kind: String { case json, merge, strategic }

    /// The patch as read: a value, or text that opened like JSON but is not (Go's message).
    enum PatchText {
        case value(JSONValue)
        case invalidJSON(String)
    }

    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let mode = try request.dryRun()
        let format = try request.changedOutputFormat()
        let text = request.flags.string("patch"), file = request.flags.string("patch-file")
        if !text.isEmpty, !file.isEmpty { throw .error("cannot specify --patch and --patch-file together") }
        if text.isEmpty, file.isEmpty { throw .error("must specify --patch or --patch-file containing the contents of the patch") }
        let local = request.flags.bool("local")
        if local, !request.arguments.isEmpty { throw .error("cannot specify --local and server resources") }
        if local, mode == .server { throw .error("cannot specify --local and --dry-run=server - did you mean --dry-run=client?") }
        let typeFlag = request.flags.string("type")
        guard let kind = typeFlag.isEmpty ? .strategic : Kind(rawValue: typeFlag.lowercased()) else {
            throw .error("--type must be one of [json merge strategic], not \(GoSyntax.quote(typeFlag))")
        }
        var source = text
        if !file.isEmpty {
            let path = file.hasPrefix("/") ? file : request.invocation.workingDirectory + "/" + file
            do throws(FSError) {
                source = String(decoding: try request.invocation.fileSystem.readFile(path), as: UTF8.self)
            } catch {
                throw .error("unable to read patch file: open \(file): \(error.message.lowercased())")
            }
        }
        let patch = try parsePatch(source, shown: text)
        let set = try request.resolveTargets(request.targetQuery(request.arguments, local: local, emptyMessage: VerbRequest.noResourcesMessage))
        var failures = set.failures
        var count = 0
        for target in set.targets {
            count += 1
            do throws(KubectlFailure) {
                let offline = target.local || mode == .client
                var patched = KubeObject(try applyPatch(patch, kind: kind, to: target.object.content, onServer: !offline))
                let result: KubeObject
                if offline {
                    result = patched
                } else {
                    // The server keeps identity and version fields whatever the patch says.
                    patched.name = target.object.name
                    result = try request.save(target, patched, mode: mode)
                }
                let changed = result.content != target.object.content
                try request.printChanged(result, format: format, action: changed ? "patched" : "patched (no change)", mode: mode)
            } catch {
                failures.append(error)
            }
        }
        if let failure = KubectlFailure.combined(failures) { throw failure }
        if count == 0 { throw .error("no objects passed to patch") }
    }

    /// apimachinery's yaml.ToJSON over the patch text: text opening with `{` passes as is (and
    /// may then fail as JSON), the rest is read as YAML.
    static func parsePatch(_ source: String, shown: String) throws(KubectlFailure) -> PatchText {
        if source.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).hasPrefix("{") {
            do throws(ManifestError) {
                return .value(try KubeJSON.parse(source))
            } catch {
                return .invalidJSON(error.detail)
            }
        }
        do throws(ManifestError) {
            let documents = try KubeYAML.documents(in: source, source: "")
            return .value(documents.first ?? .null)
        } catch {
            var detail = error.detail
            if detail.hasPrefix("error converting YAML to JSON: ") { detail = String(detail.dropFirst(31)) }
            throw .error("unable to parse \(GoSyntax.quote(shown)): \(detail)")
        }
    }

    /// The patched object, or the error as kubectl (locally) or the API server words it.
    static func applyPatch(_ text: PatchText, kind: Kind, to object: JSONValue, onServer: Bool) throws(KubectlFailure) -> JSONValue {
        let patch: JSONValue
        switch text {
        case .value(let value): patch = value
        case .invalidJSON(let goError):
            let message = kind == .json ? goError : kind == .merge ? "Invalid JSON Patch" : "invalid JSON document"
            throw onServer ? KubectlFailure(stderr: "Error from server (BadRequest): \(message)\n") : .error(message)
        }
        switch kind {
        case .json:
            let operations: [JSONObject]
            do throws(JSONPatch.Failure) {
                operations = try JSONPatch.decode(patch)
            } catch {
                throw onServer ? KubectlFailure(stderr: "Error from server (BadRequest): \(error.message)\n") : .error(error.message)
            }
            do throws(JSONPatch.Failure) {
                return try JSONPatch.apply(operations, to: object)
            } catch {
                if onServer {
                    throw KubectlFailure(stderr: "The request is invalid: the server rejected our request due to an error in our request\n")
                }
                if let range = error.message.firstRange(of: "doc is missing key: ") {
                    throw .error("Object to be patched is missing field (\(error.message[range.upperBound...]))")
                }
                throw .error(error.message)
            }
        case .merge:
            if case .array = patch {
                // The merged result is an array, which the unstructured decoder refuses.
                throw .error("json: cannot unmarshal array into Go value of type unstructured.detector")
            }
            guard case .object = patch else {
                throw onServer ? KubectlFailure(stderr: "Error from server (BadRequest): Invalid JSON Patch\n") : .error("Invalid JSON Patch")
            }
            return MergePatch.merge(object, patch)
        case .strategic:
            if patch.isNull { return object }
            guard case .object = patch else {
                throw onServer ? KubectlFailure(stderr: "Error from server (BadRequest): invalid JSON document\n") : .error("invalid JSON document")
            }
            do throws(MergePatch.Failure) {
                return try MergePatch.strategic(object, patch)
            } catch {
                throw onServer ? KubectlFailure(stderr: "Error from server (BadRequest): \(error.message)\n") : .error(error.message)
            }
        }
    }
}

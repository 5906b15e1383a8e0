import KubeModel

/// `kubectl run --overrides`: cmdutil.Overrider — the generated object encoded as JSON, patched
/// (merge by default, or `--override-type=json|strategic`), then decoded back into its Go type.
enum RunOverrides {
    static func apply(_ object: JSONValue, request: VerbRequest) throws(KubectlFailure) -> JSONValue {
        let text = request.flags.string("overrides")
        guard !text.isEmpty else { return object }
        let typeFlag = request.flags.string("override-type")
        guard let kind = typeFlag.isEmpty ? .merge : PatchVerb.Kind(rawValue: typeFlag) else {
            throw .error("invalid override type: \(typeFlag)")
        }
        // The overrides are JSON only (no YAML fallback, unlike `kubectl patch`).
        let patch: PatchVerb.PatchText
        do throws(ManifestError) {
            patch = .value(try KubeJSON.parse(text))
        } catch {
            patch = .invalidJSON(error.detail)
        }
        let patched: JSONValue
        if kind == .merge, case .value(.array) = patch {
            // RFC 7386: a non-object patch replaces the document, which then has no kind.
            throw .error("couldn't get version/kind; json parse error: json: cannot unmarshal array into Go value of type "
                + "struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; Kind string \"json:\\\"kind,omitempty\\\"\" }")
        }
        patched = try PatchVerb.applyPatch(patch, kind: kind, to: object, onServer: false)
        return try decode(patched)
    }

    /// The universal decoder's round trip: the kind must exist for the version, unknown fields
    /// and nulls go, and Go's zero-valued structs come back (`resources: {}`, `status: {}`).
    static func decode(_ object: JSONValue) throws(KubectlFailure) -> JSONValue {
        let apiVersion = object["apiVersion"]?.stringValue ?? ""
        let kindName = object["kind"]?.stringValue ?? ""
        guard SchemaCatalog.v1_32.kind(apiVersion: apiVersion, kind: kindName) != nil else {
            throw .error("no kind \(GoSyntax.quote(kindName)) is registered for version \(GoSyntax.quote(apiVersion)) "
                + "in scheme \"pkg/scheme/scheme.go:28\"")
        }
        switch Admission.decodeLeniently(object) {
        case .failure(let problem):
            throw .error(problem.message)
        case .success(let decoded):
            var result = pruned(object, keeping: decoded)
            if result["metadata"] == nil { result["metadata"] = .emptyObject }
            result[path: ["metadata", "creationTimestamp"]] = .null
            for field in ["containers", "initContainers"] {
                guard case .array(var containers)? = result[path: ["spec", field]] else { continue }
                for index in containers.indices where containers[index]["resources"] == nil {
                    containers[index]["resources"] = .emptyObject
                }
                result[path: ["spec", field]] = .array(containers)
            }
            if result["status"] == nil { result["status"] = .emptyObject }
            return result
        }
    }

    /// `original` in its own member order, without what the decoder dropped, with its values.
    private static func pruned(_ original: JSONValue, keeping decoded: JSONValue) -> JSONValue {
        switch (original, decoded) {
        case (.object(let members), .object(let kept)):
            var out = JSONObject()
            for (key, value) in members {
                // A zero time stays where Go's struct order puts it.
                if key == "creationTimestamp", value.isNull { out[key] = .null }
                guard let keptValue = kept[key] else { continue }
                out[key] = pruned(value, keeping: keptValue)
            }
            return .object(out)
        case (.array(let items), .array(let keptItems)) where items.count == keptItems.count:
            return .array(zip(items, keptItems).map { pruned($0, keeping: $1) })
        default:
            return decoded
        }
    }
}

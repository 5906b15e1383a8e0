/// YAML as kubectl reads manifests (sigs.k8s.io/yaml over go-yaml v2) and prints `-o yaml`.
public enum KubeYAML {
    /// What `kubectl … -o yaml` prints for one object: go-yaml v2's `Marshal` of the object's
    /// JSON, byte for byte (sorted keys, 2-space indent, unindented lists under keys, 80-column
    /// folding of long scalars), ending in a newline.
    public static func print(_ value: JSONValue) -> String {
        var printer = YAMLPrinter()
        printer.document(value)
        return printer.emitter.out
    }
}

extension KubeYAML {
    /// The objects of a manifest file as `kubectl apply|create -f` reads them: YAML documents
    /// split at `---` lines (or a stream of JSON values when the text starts with `{`), each
    /// converted as sigs.k8s.io/yaml does (YAML 1.1 scalars, merge keys, aliases, non-string
    /// keys as strings, floats that are whole numbers as ints). Empty and `null` documents
    /// are skipped; a `kind: List` is returned as it is. `source` is the name kubectl
    /// prints (`error parsing SOURCE: …`); line numbers count from the document's first line.
    public static func documents(in text: String, source: String) throws(ManifestError) -> [JSONValue] {
        let result = decode(text, source: source)
        if let error = result.error { throw error }
        return result.documents
    }

    /// The documents before the first bad one, and its error: kubectl acts on each object as
    /// it reads it (`apply -f` applies the first objects, then reports the broken one).
    public static func decode(_ text: String, source: String) -> (documents: [JSONValue], error: ManifestError?) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var values: [JSONValue] = []
        do throws(ManifestError) {
            try documents(utf8: bytes, source: source, into: &values)
            return (values, nil)
        } catch {
            return (values, error)
        }
    }

    /// The same from a file's bytes, decoded as kubectl's file reader does: a UTF-16 byte
    /// order mark switches to UTF-16, a UTF-8 one is dropped, invalid UTF-8 becomes U+FFFD.
    public static func documents(in data: [UInt8], source: String) throws(ManifestError) -> [JSONValue] {
        let result = decode(data, source: source)
        if let error = result.error { throw error }
        return result.documents
    }

    /// `decode(_:source:)` from a file's bytes (see `documents(in:source:)` for the encodings).
    public static func decode(_ data: [UInt8], source: String) -> (documents: [JSONValue], error: ManifestError?) {
        let text: String
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            let little = data[0] == 0xFF
            var units: [UInt16] = []
            var i = 2
            while i + 1 < data.count {
                let (a, b) = (UInt16(data[i]), UInt16(data[i + 1]))
                units.append(little ? a | b << 8 : a << 8 | b)
                i += 2
            }
            text = String(decoding: units, as: UTF16.self)
        } else {
            text = String(decoding: data, as: UTF8.self)
        }
        return decode(text, source: source)
    }

    private static func documents(utf8 bytes: [UInt8], source: String, into values: inout [JSONValue]) throws(ManifestError) {
        if ManifestStream.looksLikeJSON(bytes) {
            return try jsonStream(bytes, source: source, into: &values)
        }
        var chunks: [[UInt8]]
        var trailingError: String?
        switch ManifestStream.yamlChunks(bytes) {
        case .json: chunks = []
        case .yaml(let c): chunks = c
        case .yamlThenError(let c, let message):
            chunks = c
            trailingError = message
        }
        for chunk in chunks {
            let value = try document(chunk, source: source)
            if let value, !value.isNull { values.append(value) }
        }
        if let trailingError { throw ManifestError(source: source, detail: trailingError) }
    }

    /// One chunk through `yaml.Unmarshal` (its first document only) and the JSON conversion.
    static func document(_ chunk: [UInt8], source: String) throws(ManifestError) -> JSONValue? {
        func fail(_ detail: String) -> ManifestError {
            ManifestError(source: source, detail: "error converting YAML to JSON: " + detail)
        }
        let parser = LibYAMLParser(chunk)
        let tree: YAMLTree?
        do throws(YAMLComposeError) {
            tree = try YAMLComposer.firstDocument(parser)
        } catch {
            switch error {
            case .syntax(let e): throw fail(goYAMLMessage(e))
            case .decode(let e): throw fail("yaml: " + e.message)
            }
        }
        guard let tree else { return nil }
        var decoder = YAMLDecoder(tree)
        let go: GoValue
        do throws(YAMLDecodeFailure) {
            go = try decoder.decode()
        } catch {
            throw fail("yaml: " + error.message)
        }
        var converter = GoValueToJSON()
        let json: JSONValue
        do throws(YAMLDecodeFailure) {
            json = try converter.convert(go)
        } catch {
            throw fail(error.message)
        }
        if let marshalError = converter.marshalError { throw fail(marshalError) }
        return json
    }

    /// go-yaml v2's `parser.fail`: scanner lines are 1-based, parser lines the 0-based mark.
    static func goYAMLMessage(_ e: LibYAMLError) -> String {
        var line = 0
        if e.problemLine != 0 {
            line = e.problemLine + (e.stage == .scanner ? 1 : 0)
        } else if e.contextLine != 0 {
            line = e.contextLine
        }
        var problem = e.problem.isEmpty ? "unknown problem parsing YAML content" : e.problem
        if problem.hasPrefix("Maximum nesting level reached") { problem = "exceeded max depth of 10000" }
        return "yaml: " + (line != 0 ? "line \(line): " : "") + problem
    }

    /// A stream of JSON values, as `json.Decoder` reads them one after another.
    private static func jsonStream(_ bytes: [UInt8], source: String, into values: inout [JSONValue]) throws(ManifestError) {
        var reader = JSONReader(bytes)
        do throws(JSONSyntaxError) {
            while true {
                reader.skipSpace()
                if reader.atEnd { break }
                let value = try reader.value(depth: 0)
                if !value.isNull { values.append(value) }
            }
        } catch {
            throw ManifestError(source: source, detail: error.streamMessage)
        }
    }
}

extension KubeYAML {
    /// What `-o yaml` prints instead of the object when it cannot (without `error: `):
    /// kubectl re-reads the object's JSON as YAML, and go-yaml's reader refuses the
    /// characters Go's JSON leaves unescaped but YAML forbids (DEL, C1 controls, U+FFFE/U+FFFF).
    public static func printError(_ value: JSONValue) -> String? {
        func bad(_ s: String) -> Bool {
            s.unicodeScalars.contains { c in
                (0x7F...0x9F).contains(c.value) && c.value != 0x85 || c.value == 0xFFFE || c.value == 0xFFFF
            }
        }
        func walk(_ v: JSONValue) -> Bool {
            switch v {
            case .string(let s): bad(s)
            case .array(let items): items.contains(where: walk)
            case .object(let members): members.contains { bad($0.key) || walk($0.value) }
            default: false
            }
        }
        return walk(value) ? "yaml: control characters are not allowed" : nil
    }
}

import KubeModel

/// `kubectl explain`: the fields of a kind from the v1.32 schema catalog, in kubectl's OpenAPI v3
/// plaintext layout. The catalog holds no descriptions, so every description prints as kubectl
/// prints a schema without one (`<empty>`, `<no description>`).
enum ExplainVerb {
    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let output = request.flags.string("output")
        guard output == "plaintext" || output == "plaintext-openapiv2" else {
            throw .error("unsupported output format: \(output), supported formats are: plaintext, plaintext-openapiv2")
        }
        guard let argument = request.arguments.first else {
            throw .error("You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.")
        }
        if request.arguments.count > 1 {
            throw .error("We accept only this format: explain RESOURCE")
        }
        let parts = argument.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let table = request.context?.resourceTable ?? .standard
        // splitDotNotation: the first segment names the resource, the rest is the field path
        // (a group goes in --api-version, not in the path).
        guard let type = table.lookup(parts[0]) else {
            throw .error("the server doesn't have a resource type \(GoSyntax.quote(parts[0]))")
        }
        let fieldPath = Array(parts.dropFirst())
        var apiVersion = type.apiVersion
        let requested = request.flags.string("api-version")
        if !requested.isEmpty { apiVersion = requested.contains("/") || type.group.isEmpty ? requested : type.group + "/" + requested }
        let catalog = SchemaCatalog.v1_32
        guard let kind = catalog.kind(apiVersion: apiVersion, kind: type.kind) else {
            let (group, version) = ResourceTable.split(apiVersion: apiVersion)
            throw .error("GVK \(group)/\(version), Kind=\(type.kind) not found in OpenAPI schema")
        }
        var text = ""
        if !kind.group.isEmpty { text += "GROUP:      \(kind.group)\n" }
        text += "KIND:       \(kind.kind)\nVERSION:    \(kind.version)\n\n"
        var current = SchemaType.ref(kind.definition)
        for (index, name) in fieldPath.enumerated() {
            guard let definition = catalog.definition(structName(of: current)), let field = definition.field(name) else {
                throw .error("field \(GoSyntax.quote(fieldPath.last ?? name)) does not exist")
            }
            if index == fieldPath.count - 1 { text += "FIELD: \(name) <\(typeName(field))>\n\n\n" }
            current = field.type
        }
        text += "DESCRIPTION:\n    <empty>\n"
        var budget = 20_000
        let fields = fieldList(current, level: 1, recursive: request.flags.bool("recursive"), ancestors: [], budget: &budget)
        if !fields.isEmpty { text += "FIELDS:\n" + fields }
        request.invocation.stdout.write(text + "\n")
    }

    /// The definition a type leads to through lists and maps ("" for scalars).
    static func structName(of type: SchemaType) -> String {
        switch type {
        case .ref(let name): name
        case .list(let inner), .map(let inner): structName(of: inner)
        default: ""
        }
    }

    /// The `typeGuess` template: `string`, `integer`, `[]Container`, `map[string]string`, `ObjectMeta`.
    static func typeName(_ field: SchemaField) -> String {
        field.name == "fieldsV1" ? "FieldsV1" : typeName(field.type, goType: field.goType)
    }

    static func typeName(_ type: SchemaType, goType: String) -> String {
        switch type {
        case .string, .bytes, .time: "string"
        case .bool: "boolean"
        case .int32, .int64: "integer"
        case .float64: "number"
        case .quantity: "Quantity"
        case .intOrString: "IntOrString"
        case .raw: goType.hasSuffix("FieldsV1") ? "FieldsV1" : "RawExtension"
        case .ref(let name): String(name.split(separator: ".").last ?? "Object")
        case .list(let inner): "[]" + typeName(inner, goType: String(goType.dropFirst(2)))
        case .map(let inner): "map[string]" + typeName(inner, goType: goType)
        }
    }

    /// The `fieldList` template: fields sorted by name, descriptions or (recursive) nested fields.
    static func fieldList(_ type: SchemaType, level: Int, recursive: Bool, ancestors: Set<String>, budget: inout Int) -> String {
        let name = structName(of: type)
        guard !name.isEmpty, !ancestors.contains(name), let definition = SchemaCatalog.v1_32.definition(name) else { return "" }
        var text = ""
        let pad = String(repeating: " ", count: level * 2)
        for field in definition.fields.sorted(by: { GoJSON.utf8Less($0.name, $1.name) }) {
            budget -= 1
            if budget < 0 { break }
            text += "\(pad)\(field.name)\t<\(typeName(field))>\(field.required ? " -required-" : "")\n"
            if recursive {
                text += fieldList(field.type, level: level + 1, recursive: true, ancestors: ancestors.union([name]), budget: &budget)
            } else {
                text += "\(pad)  <no description>\n\n"
            }
        }
        return text
    }
}

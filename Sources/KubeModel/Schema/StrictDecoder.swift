/// The API server's decoding of a request body into its Go type, with `fieldValidation=Strict`
/// (kubectl's default): sigs.k8s.io/json `UnmarshalStrict` semantics over the schema.
///
/// kubectl sends its objects as JSON with map keys sorted, so members are visited in byte order;
/// the first type error wins (Go keeps decoding and reports the earliest), errors raised by custom
/// unmarshalers (quantities, int-or-string, times) stop at once, and unknown fields are reported
/// only when nothing else failed.
struct StrictDecoder {
    let catalog: SchemaCatalog
    /// Where the decoder is, e.g. `spec`, `containers`, `[0]` (strict errors join it into
    /// `spec.containers[0].image`; only then, since nearly every object decodes without one).
    private var path: [PathStep] = []

    private enum PathStep {
        case member(String)
        case index(Int)
    }
    /// Field names only (`spec.containers.image`) and the innermost struct: Go's error context.
    private var goFields: [String] = []
    private var goStruct = ""
    private(set) var typeError: String?
    private(set) var fatalError: String?
    private(set) var strictErrors: [String] = []
    private var seenStrict: Set<String> = []
    /// Every problem found, counted even when its message is a repeat (a memo must not keep a decode that had one).
    private var problems = 0
    private var visited = 0

    /// Error-free struct decodes to reuse, when the caller keeps one.
    private let memo: DecodeMemo?

    init(catalog: SchemaCatalog, memo: DecodeMemo? = nil) {
        self.catalog = catalog
        self.memo = memo
    }

    /// Decodes `value` as the struct `definition`; returns the normalised value.
    mutating func decodeRoot(_ value: JSONValue, definition: String) -> JSONValue {
        decode(value, as: .ref(definition), goType: nil)
    }

    private var failed: Bool { fatalError != nil }

    private mutating func decode(_ value: JSONValue, as type: SchemaType, goType: String?) -> JSONValue {
        visited += 1
        if failed || visited > 1_000_000 { return value }
        if case .null = value { return value }
        switch type {
        case .raw:
            return value
        case .string:
            if case .string = value { return value }
            saveTypeError(value, goType ?? "string")
        case .bool:
            if case .bool = value { return value }
            saveTypeError(value, goType ?? "bool")
        case .int32, .int64:
            let limit: ClosedRange<Double> = type == .int32 ? -2_147_483_648...2_147_483_647 : -9.2e18...9.2e18
            switch value {
            case .int(let i) where limit.contains(Double(i)): return value
            case .double(let d) where d.rounded() == d && limit.contains(d): return .int(Int(d))
            case .int, .double: saveTypeError(value, goType ?? type.goName, number: true)
            default: saveTypeError(value, goType ?? type.goName)
            }
        case .float64:
            switch value {
            case .int, .double: return value
            default: saveTypeError(value, goType ?? "float64")
            }
        case .bytes:
            guard case .string(let s) = value else {
                saveTypeError(value, goType ?? "[]uint8")
                return value
            }
            if let problem = GoBase64.decodeError(s) {
                problems += 1
                if typeError == nil { typeError = problem }
            }
        case .quantity:
            if let problem = Quantity.parseError(Self.quantityText(value)) { fatalError = problem }
        case .intOrString:
            switch value {
            case .string: return value
            case .int(let i) where Int(Int32.min)...Int(Int32.max) ~= i: return value
            case .double(let d) where d.rounded() == d && abs(d) <= 2_147_483_647: return .int(Int(d))
            default: fatalError = contextual(value, "int32", number: true)
            }
        case .time:
            if case .string = value { return value }
            fatalError = contextual(value, "string")
        case .list(let element):
            guard case .array(let items) = value else {
                saveTypeError(value, goType ?? type.goName)
                return value
            }
            let elementGo = goType.flatMap { $0.hasPrefix("[]") ? String($0.dropFirst(2)) : nil }
            var out: [JSONValue] = []
            for (i, item) in items.enumerated() {
                path.append(.index(i))
                out.append(decode(item, as: element, goType: elementGo))
                path.removeLast()
                if failed { return value }
            }
            return .array(out)
        case .map(let element):
            guard case .object(let members) = value else {
                saveTypeError(value, goType ?? type.goName)
                return value
            }
            var out = JSONObject()
            for key in Self.sortedKeys(members) {
                guard let member = members[key] else { continue }
                path.append(.member(key))
                var decoded = decode(member, as: element, goType: nil)
                if decoded.isNull, element == .string { decoded = "" }
                out[key] = decoded
                path.removeLast()
                if failed { return value }
            }
            return .object(out)
        case .ref(let name):
            guard let definition = catalog.definition(name) else { return value }
            guard case .object(let members) = value else {
                saveTypeError(value, goType ?? type.goName)
                return value
            }
            guard let memo, !members.isEmpty else { return decodeStruct(members, definition) }
            let key = DecodeMemo.key(members, definition: name)
            if let output = memo.output(for: key) { return output }
            let problemsBefore = problems
            let output = decodeStruct(members, definition)
            if !failed, visited <= 1_000_000, problems == problemsBefore {
                memo.remember(output, for: key, input: members)
            }
            return output
        }
        return value
    }

    private mutating func decodeStruct(_ members: JSONObject, _ definition: SchemaDefinition) -> JSONValue {
        // Built as two arrays: the keys come unique and in order, so no member search per insert.
        var outKeys: [String] = []
        var outValues: [JSONValue] = []
        outKeys.reserveCapacity(members.count)
        outValues.reserveCapacity(members.count)
        let savedStruct = goStruct
        for key in Self.sortedKeys(members) {
            guard let member = members[key] else { continue }
            guard let field = definition.field(key) else {
                strict("unknown field " + GoSyntax.quote(fieldPath(key)))
                continue
            }
            path.append(.member(key))
            goFields.append(key)
            goStruct = definition.structName
            let decoded = decode(member, as: field.type, goType: field.goTypeOverride)
            if failed { return .object(members) }
            goFields.removeLast()
            goStruct = savedStruct
            path.removeLast()
            if !decoded.isNull {
                outKeys.append(key)
                outValues.append(decoded)
            }
        }
        return .object(JSONObject(uncheckedUniqueKeys: outKeys, values: outValues))
    }

    private func fieldPath(_ key: String) -> String {
        var text = ""
        for step in path + [.member(key)] {
            switch step {
            case .member(let name): text += text.isEmpty ? name : "." + name
            case .index(let i): text += "[\(i)]"
            }
        }
        return text
    }

    private mutating func strict(_ message: String) {
        problems += 1
        guard strictErrors.count < 100, seenStrict.insert(message).inserted else { return }
        strictErrors.append(message)
    }

    private mutating func saveTypeError(_ value: JSONValue, _ goType: String, number: Bool = false) {
        problems += 1
        if typeError == nil { typeError = contextual(value, goType, number: number) }
    }

    /// `json: cannot unmarshal <what> into Go struct field <Struct>.<a.b.c> of type <T>`.
    private func contextual(_ value: JSONValue, _ goType: String, number: Bool = false) -> String {
        let what = Self.describe(value, withNumber: number)
        if goStruct.isEmpty && goFields.isEmpty { return "json: cannot unmarshal \(what) into Go value of type \(goType)" }
        return "json: cannot unmarshal \(what) into Go struct field \(goStruct).\(goFields.joined(separator: ".")) of type \(goType)"
    }

    /// Go's `UnmarshalTypeError.Value`: "string", "bool", "array", "object", "number" or "number 3.5".
    static func describe(_ value: JSONValue, withNumber: Bool) -> String {
        switch value {
        case .null: "null"
        case .bool: "bool"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        case .int(let i): withNumber ? "number \(i)" : "number"
        case .double(let d): withNumber ? "number \(goNumber(d))" : "number"
        }
    }

    /// A float as Go's encoding/json writes it (what kubectl sends).
    static func goNumber(_ d: Double) -> String {
        GoFloat.json(d)
    }

    /// The bytes `Quantity.UnmarshalJSON` parses: a string's contents, else the JSON text.
    static func quantityText(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): s.trimmingSpaces
        case .int(let i): String(i)
        case .double(let d): goNumber(d)
        case .bool(let b): b ? "true" : "false"
        case .array: "["
        case .object: "{"
        case .null: "null"
        }
    }

    /// Keys in byte order, as Go's `json.Marshal` sorts map keys.
    static func sortedKeys(_ members: JSONObject) -> [String] {
        members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

extension String {
    /// Leading and trailing ASCII whitespace removed (Go's `strings.TrimSpace` for ASCII).
    var trimmingSpaces: String {
        let bytes = Array(utf8)
        let isSpace: (UInt8) -> Bool = { $0 == 32 || ($0 >= 9 && $0 <= 13) }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
              let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}

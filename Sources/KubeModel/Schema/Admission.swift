/// The API server's admission of one object, as pure functions: strict decoding, defaulting,
/// validation. The store calls `create`/`update`; each step is also public on its own.
public enum Admission {
    /// Decodes `object` as its `apiVersion`+`kind` the way the API server does with strict field
    /// validation. Returns the object as the server keeps it (nulls dropped, whole numbers as
    /// ints) or the BadRequest the server would answer. Kinds the catalog lacks pass unchanged
    /// (whether the kind exists at all is discovery's question, answered before the request).
    public static func decode(_ object: JSONValue, catalog: SchemaCatalog = .v1_32,
                              memo: DecodeMemo? = nil) -> Result<JSONValue, APIStatusError> {
        let apiVersion = object["apiVersion"]?.stringValue ?? ""
        let kindName = object["kind"]?.stringValue ?? ""
        guard let kind = catalog.kind(apiVersion: apiVersion, kind: kindName) else { return .success(object) }
        var decoder = StrictDecoder(catalog: catalog, memo: memo)
        let decoded = decoder.decodeRoot(object, definition: kind.definition)
        if let problem = decoder.fatalError ?? decoder.typeError {
            return .failure(.decode(kind: kind.kind, version: kind.version, detail: problem))
        }
        if !decoder.strictErrors.isEmpty {
            let detail = "strict decoding error: " + decoder.strictErrors.joined(separator: ", ")
            return .failure(.decode(kind: kind.kind, version: kind.version, detail: detail))
        }
        return .success(decoded)
    }

    /// A create: decode, then defaults, disabled fields dropped, then `validateCreate`.
    public static func create(_ object: JSONValue, catalog: SchemaCatalog = .v1_32,
                              memo: DecodeMemo? = nil) -> Result<JSONValue, APIStatusError> {
        switch decode(object, catalog: catalog, memo: memo) {
        case .failure(let error): return .failure(error)
        case .success(let decoded):
            let defaulted = DisabledFields.drop(from: Defaults.apply(to: decoded), old: nil)
            if let error = Validation.validateCreate(defaulted) { return .failure(error) }
            return .success(defaulted)
        }
    }

    /// An update of `old` to `new`: decode, defaults, disabled fields dropped, then `validateUpdate`.
    public static func update(_ new: JSONValue, old: JSONValue, catalog: SchemaCatalog = .v1_32,
                              memo: DecodeMemo? = nil) -> Result<JSONValue, APIStatusError> {
        switch decode(new, catalog: catalog, memo: memo) {
        case .failure(let error): return .failure(error)
        case .success(let decoded):
            let defaulted = DisabledFields.drop(from: Defaults.apply(to: decoded), old: old)
            if let error = Validation.validateUpdate(defaulted, old: old) { return .failure(error) }
            return .success(defaulted)
        }
    }
}

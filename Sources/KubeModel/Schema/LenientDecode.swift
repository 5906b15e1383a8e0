extension Admission {
    /// kubectl's local `runtime.Decode` of an object it built (no strict field validation):
    /// unknown fields and nulls dropped, the first Go type error reported in Go's words.
    /// Kinds the catalog lacks pass unchanged.
    public static func decodeLeniently(_ object: JSONValue, catalog: SchemaCatalog = .v1_32) -> Result<JSONValue, DecodeProblem> {
        let apiVersion = object["apiVersion"]?.stringValue ?? ""
        let kindName = object["kind"]?.stringValue ?? ""
        guard let kind = catalog.kind(apiVersion: apiVersion, kind: kindName) else { return .success(object) }
        var decoder = StrictDecoder(catalog: catalog)
        let decoded = decoder.decodeRoot(object, definition: kind.definition)
        if let problem = decoder.fatalError ?? decoder.typeError { return .failure(DecodeProblem(message: problem)) }
        return .success(decoded)
    }

    /// Why a local decode failed (`json: cannot unmarshal …`).
    public struct DecodeProblem: Error, Sendable {
        public let message: String
    }
}

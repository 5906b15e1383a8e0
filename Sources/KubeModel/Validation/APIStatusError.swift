/// An admission refusal as the API server returns it (a `metav1.Status` with reason and code).
/// `message` is the status message; kubectl prints it behind its own prefix
/// (`Error from server (BadRequest): error when creating "f.yaml": …`), except for `Invalid`,
/// which kubectl rewrites from the causes (`kubectlInvalidText`).
public struct APIStatusError: Error, Sendable, Equatable {
    public enum Reason: String, Sendable {
        case badRequest = "BadRequest"
        case invalid = "Invalid"
    }

    public var reason: Reason
    /// HTTP status: 400 for BadRequest, 422 for Invalid.
    public var code: Int
    /// The status message, e.g. `Deployment in version "v1" cannot be handled as a Deployment: …`
    /// or `Deployment.apps "web" is invalid: [a, b]`.
    public var message: String
    /// The object's kind (details.kind), e.g. `Deployment`.
    public var kind: String
    /// The object's name (details.name); "" when it had none.
    public var name: String
    /// The field errors behind an `Invalid` (details.causes).
    public var causes: [FieldError]

    public init(reason: Reason, message: String, kind: String, name: String = "", causes: [FieldError] = []) {
        self.reason = reason
        self.code = reason == .badRequest ? 400 : 422
        self.message = message
        self.kind = kind
        self.name = name
        self.causes = causes
    }

    /// `errors.NewInvalid`: message `<Kind>[.<group>] "<name>" is invalid: <aggregate>`.
    public static func invalid(kind: String, group: String, name: String, errors: [FieldError]) -> APIStatusError {
        let qualified = group.isEmpty ? kind : "\(kind).\(group)"
        let message = "\(qualified) \(GoSyntax.quote(name)) is invalid: \(aggregateMessage(errors))"
        return APIStatusError(reason: .invalid, message: message, kind: kind, name: name, causes: errors)
    }

    /// `transformDecodeError`: `<Kind> in version "<v>" cannot be handled as a <Kind>: <detail>`.
    public static func decode(kind: String, version: String, detail: String) -> APIStatusError {
        let message = "\(kind) in version \(GoSyntax.quote(version)) cannot be handled as a \(kind): \(detail)"
        return APIStatusError(reason: .badRequest, message: message, kind: kind)
    }

    /// What kubectl prints for an `Invalid` error (its `checkErr`): `The Deployment "web" is invalid: …`
    /// with one cause inline, several as `* cause` lines; repeated causes once.
    public var kubectlInvalidText: String {
        let prefix = "The \(kind) \(GoSyntax.quote(name)) is invalid: "
        var seen = Set<String>()
        let lines = causes.map(\.description).filter { seen.insert($0).inserted }
        if lines.isEmpty { return message }
        if lines.count == 1, let only = lines.first { return prefix + only }
        return prefix + "\n" + lines.map { "* " + $0 }.joined(separator: "\n")
    }
}

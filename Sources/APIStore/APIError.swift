import KubeModel

/// An error as the API server returns it: a `Status` with reason, HTTP code and message.
/// `message` is worded exactly as the API server words it; kubectl adds its own prefix
/// (`Error from server (NotFound): …`).
public struct APIError: Error, Sendable, Equatable {
    public enum Reason: String, Sendable {
        case notFound = "NotFound"
        case alreadyExists = "AlreadyExists"
        case conflict = "Conflict"
        case invalid = "Invalid"
        case badRequest = "BadRequest"
        case forbidden = "Forbidden"
        case methodNotAllowed = "MethodNotAllowed"
        case internalError = "InternalError"
    }

    /// One field error of an `Invalid` status (`details.causes[]`).
    public struct Cause: Sendable, Equatable {
        /// e.g. `FieldValueRequired`.
        public var type: String
        /// e.g. `spec.containers[0].image: Required value` (the field error's full text).
        public var message: String
        /// e.g. `spec.containers[0].image`.
        public var field: String

        public init(type: String, message: String, field: String) {
            self.type = type
            self.message = message
            self.field = field
        }
    }

    public var reason: Reason
    public var code: Int
    public var message: String
    /// `details.kind`: the kind (`Pod`) for Invalid, the resource (`pods`) otherwise.
    public var kind: String
    /// `details.group`, "" for core.
    public var group: String
    /// `details.name`.
    public var name: String
    public var causes: [Cause]

    public init(reason: Reason, code: Int, message: String, kind: String = "", group: String = "", name: String = "",
                causes: [Cause] = []) {
        self.reason = reason
        self.code = code
        self.message = message
        self.kind = kind
        self.group = group
        self.name = name
        self.causes = causes
    }
}

extension APIError {
    /// `pods "x" not found` (404).
    public static func notFound(_ type: ResourceType, name: String) -> APIError {
        APIError(reason: .notFound, code: 404, message: "\(type.groupResource) \"\(name)\" not found",
                 kind: type.plural, group: type.group, name: name)
    }

    /// `namespaces "x" not found`: a namespaced create in a namespace that does not exist.
    public static func namespaceNotFound(_ namespace: String) -> APIError {
        APIError(reason: .notFound, code: 404, message: "namespaces \"\(namespace)\" not found", kind: "namespaces",
                 name: namespace)
    }

    /// `deployments.apps "x" already exists` (409).
    public static func alreadyExists(_ type: ResourceType, name: String) -> APIError {
        APIError(reason: .alreadyExists, code: 409, message: "\(type.groupResource) \"\(name)\" already exists",
                 kind: type.plural, group: type.group, name: name)
    }

    /// `Operation cannot be fulfilled on pods "x": <detail>` (409).
    public static func conflict(_ type: ResourceType, name: String,
                                detail: String = APIError.optimisticLockMessage) -> APIError {
        APIError(reason: .conflict, code: 409,
                 message: "Operation cannot be fulfilled on \(type.groupResource) \"\(name)\": \(detail)",
                 kind: type.plural, group: type.group, name: name)
    }

    /// The detail of a Conflict caused by a stale resourceVersion (`storage.OptimisticLockErrorMsg`).
    public static let optimisticLockMessage =
        "the object has been modified; please apply your changes to the latest version and try again"

    /// `Pod "x" is invalid: <field errors>` (422); several causes aggregate as `[a, b]`.
    public static func invalid(_ type: ResourceType, name: String, causes: [Cause]) -> APIError {
        let detail = causes.count == 1 ? causes[0].message : "[" + causes.map(\.message).joined(separator: ", ") + "]"
        return APIError(reason: .invalid, code: 422, message: "\(type.groupKind) \"\(name)\" is invalid: \(detail)",
                        kind: type.kind, group: type.group, name: name, causes: causes)
    }

    /// `pods "x" is forbidden: <why>` (403); without a name `pods is forbidden: <why>`.
    public static func forbidden(_ type: ResourceType, name: String, why: String) -> APIError {
        let subject = name.isEmpty ? type.groupResource : "\(type.groupResource) \"\(name)\""
        return APIError(reason: .forbidden, code: 403, message: "\(subject) is forbidden: \(why)",
                        kind: type.plural, group: type.group, name: name)
    }

    /// A request the server cannot make sense of (400).
    public static func badRequest(_ message: String) -> APIError {
        APIError(reason: .badRequest, code: 400, message: message)
    }

    /// `delete is not supported on resources of kind "bindings"` (405).
    public static func methodNotAllowed(_ type: ResourceType, verb: String) -> APIError {
        APIError(reason: .methodNotAllowed, code: 405,
                 message: "\(verb) is not supported on resources of kind \"\(type.groupResource)\"",
                 kind: type.plural, group: type.group)
    }
}

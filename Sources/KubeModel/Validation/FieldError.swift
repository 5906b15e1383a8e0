/// One validation failure, worded as apimachinery's `field.Error` prints it
/// (`spec.replicas: Invalid value: -1: must be greater than or equal to 0`).
public struct FieldError: Sendable, Equatable, CustomStringConvertible {
    /// The error types of `k8s.io/apimachinery/pkg/util/validation/field`, as they print.
    public enum Kind: String, Sendable {
        case required = "Required value"
        case invalid = "Invalid value"
        case notSupported = "Unsupported value"
        case forbidden = "Forbidden"
        case duplicate = "Duplicate value"
        case notFound = "Not found"
        case tooLong = "Too long"
        case tooMany = "Too many"
        case `internal` = "Internal error"
    }

    public var kind: Kind
    /// The field path, e.g. `spec.template.spec.containers[0].name`.
    public var field: String
    /// The offending value as Go prints it (see `BadValue`); unused for required/forbidden.
    public var value: BadValue
    public var detail: String

    public init(_ kind: Kind, _ field: String, _ value: BadValue = .none, _ detail: String = "") {
        self.kind = kind
        self.field = field
        self.value = value
        self.detail = detail
    }

    public static func required(_ field: String, _ detail: String = "") -> FieldError {
        FieldError(.required, field, .none, detail)
    }
    public static func invalid(_ field: String, _ value: BadValue, _ detail: String) -> FieldError {
        FieldError(.invalid, field, value, detail)
    }
    public static func forbidden(_ field: String, _ detail: String) -> FieldError {
        FieldError(.forbidden, field, .none, detail)
    }
    public static func duplicate(_ field: String, _ value: BadValue) -> FieldError {
        FieldError(.duplicate, field, value, "")
    }
    /// `Unsupported value: "X": supported values: "A", "B"`.
    public static func notSupported(_ field: String, _ value: BadValue, _ supported: [String]) -> FieldError {
        let list = supported.map { "\"\($0)\"" }.joined(separator: ", ")
        return FieldError(.notSupported, field, value, supported.isEmpty ? "" : "supported values: \(list)")
    }

    /// What follows the field path: `Invalid value: "x": detail` (`field.Error.ErrorBody`).
    public var body: String {
        var text = kind.rawValue
        switch kind {
        case .required, .forbidden, .tooLong, .internal: break
        default: text += ": " + value.rendered
        }
        if !detail.isEmpty { text += ": " + detail }
        return text
    }

    public var description: String { field.isEmpty ? body : "\(field): \(body)" }
}

/// A rejected value rendered the way apimachinery 1.32 prints it: strings quoted with Go's `%q`,
/// numbers and booleans plain, anything else as Go's `%#v` (given precomputed).
public enum BadValue: Sendable, Equatable {
    case none
    case null
    case string(String)
    case int(Int)
    case bool(Bool)
    /// Already in Go syntax, e.g. `map[string]string{"app":"x"}`.
    case go(String)

    public var rendered: String {
        switch self {
        case .none, .null: "null"
        case .string(let s): GoSyntax.quote(s)
        case .int(let i): String(i)
        case .bool(let b): b ? "true" : "false"
        case .go(let text): text
        }
    }
}

/// A list of field errors joined as `errors.NewAggregate` prints them: one alone, several as
/// `[a, b]`, repeated messages once.
public func aggregateMessage(_ errors: [FieldError]) -> String {
    var seen = Set<String>()
    var messages: [String] = []
    for error in errors where seen.insert(error.description).inserted { messages.append(error.description) }
    if messages.count == 1, let only = messages.first { return only }
    return "[" + messages.joined(separator: ", ") + "]"
}

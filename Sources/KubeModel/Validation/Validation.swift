/// Validation as the v1.32 API server words it (pkg/apis/core/validation, apps/validation, …).
public enum Validation {
    /// The `Invalid` error a create of `object` gets, or nil when it is valid.
    public static func validateCreate(_ object: JSONValue) -> APIStatusError? {
        nil
    }

    /// The `Invalid` error an update from `old` to `object` gets, or nil when it is valid.
    public static func validateUpdate(_ object: JSONValue, old: JSONValue) -> APIStatusError? {
        nil
    }
}

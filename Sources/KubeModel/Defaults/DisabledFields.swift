/// Fields the v1.32 API server clears on write because their feature gate is off by default
/// (the registry strategies' `dropDisabledFields`, run in PrepareForCreate/PrepareForUpdate).
public enum DisabledFields {
    /// `object` without the fields of alpha gates; `old` is the stored object on update, whose
    /// use of a field keeps it (a gate once on, then off, must not strip existing objects).
    public static func drop(from object: JSONValue, old: JSONValue?) -> JSONValue {
        var o = object
        switch o["kind"]?.stringValue {
        case "StatefulSet":
            // MaxUnavailableStatefulSet is alpha in v1.32 (pkg/registry/apps/statefulset/strategy.go).
            let path = ["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"]
            let inUse = old.map { $0[path: path] != nil } ?? false
            if !inUse, o[path: path] != nil { o[path: path] = nil }
        default:
            break
        }
        return o
    }
}

import KubeModel

/// The `kubectl.kubernetes.io/last-applied-configuration` annotation, as `util.GetModifiedConfiguration`
/// writes it: the object as sent, without that annotation, as `json.Encoder` prints it (sorted
/// keys, HTML escaped, a final newline); `annotations` is always present, empty if need be.
enum LastApplied {
    static let key = "kubectl.kubernetes.io/last-applied-configuration"

    /// The text of the annotation for `object`.
    static func configuration(of object: JSONValue) -> String {
        var copy = object
        var annotations = copy[path: ["metadata", "annotations"]]?.objectValue ?? [:]
        annotations[key] = nil
        if copy["metadata"]?.objectValue == nil { copy = setting(copy, "metadata", .emptyObject) }
        copy = setting(copy, "metadata", setting(copy["metadata"] ?? .emptyObject, "annotations", .object(annotations)))
        return KubeJSON.compact(copy) + "\n"
    }

    /// `object` with the annotation set to its own configuration (what apply and --save-config send).
    static func annotated(_ object: JSONValue) -> JSONValue {
        let text = configuration(of: object)
        var annotations = object[path: ["metadata", "annotations"]]?.objectValue ?? [:]
        annotations[key] = .string(text)
        return setting(object, "metadata", setting(object["metadata"] ?? .emptyObject, "annotations", .object(annotations)))
    }

    /// The configuration recorded on a live object (nil when it was not created declaratively).
    static func recorded(on object: KubeObject) -> JSONValue? {
        guard let text = object.annotations[key], !text.isEmpty else { return nil }
        return try? KubeJSON.parse(text)
    }

    private static func setting(_ value: JSONValue, _ key: String, _ member: JSONValue) -> JSONValue {
        guard var object = value.objectValue else { return value }
        object[key] = member
        return .object(object)
    }
}

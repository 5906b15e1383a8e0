/// Validation as the v1.32 API server words it (pkg/apis/core/validation, apps/validation,
/// batch/validation): the same checks in the same order, so `[a, b]` lists match.
public enum Validation {
    /// The `Invalid` error a create of `object` (already defaulted) gets, or nil when valid.
    public static func validateCreate(_ object: JSONValue) -> APIStatusError? {
        finish(object, errors: errors(forCreate: object))
    }

    /// The `Invalid` error an update from `old` to `object` gets, or nil when valid: the create
    /// checks plus the immutable fields of the kind.
    public static func validateUpdate(_ object: JSONValue, old: JSONValue) -> APIStatusError? {
        finish(object, errors: errors(forCreate: object) + updateErrors(object, old: old))
    }

    /// The field errors of a create, in the server's order.
    public static func errors(forCreate object: JSONValue) -> [FieldError] {
        let kind = object["kind"]?.stringValue ?? ""
        var errors = metadataErrors(object, kind: kind)
        let spec = object["spec"] ?? .object([:])
        switch kind {
        case "Pod":
            errors += podSpecErrors(spec, path: "spec")
        case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "ReplicationController":
            errors += workloadErrors(spec, kind: kind)
        case "Job":
            errors += jobSpecErrors(spec, path: "spec")
        case "CronJob":
            errors += cronJobErrors(object)
        case "Service":
            errors += serviceErrors(spec)
        case "ConfigMap", "Secret":
            errors += dataKeyErrors(object, kind: kind)
        default:
            break
        }
        return errors
    }

    static func finish(_ object: JSONValue, errors: [FieldError]) -> APIStatusError? {
        guard !errors.isEmpty else { return nil }
        let kind = object["kind"]?.stringValue ?? ""
        let apiVersion = object["apiVersion"]?.stringValue ?? ""
        let group = apiVersion.contains("/") ? String(apiVersion.split(separator: "/")[0]) : ""
        let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        return .invalid(kind: kind, group: group, name: name, errors: errors)
    }

    /// The name rule of each kind (`ValidateXName`): its messages for `name`.
    public static func nameErrors(kind: String, name: String) -> [String] {
        switch kind {
        case "Namespace": return NameRules.dns1123Label(name)
        case "Service": return NameRules.dns1035Label(name)
        case "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding": return pathSegmentErrors(name)
        case "CronJob":
            var errors = NameRules.dns1123Subdomain(name)
            if name.utf8.count > 52 { errors.append(NameRules.maxLenError(52)) }
            return errors
        default: return NameRules.dns1123Subdomain(name)
        }
    }

    /// `path.IsValidPathSegmentName`.
    static func pathSegmentErrors(_ name: String) -> [String] {
        if name == "." || name == ".." { return ["may not be '\(name)'"] }
        var errors: [String] = []
        if name.contains("/") { errors.append("may not contain '/'") }
        if name.contains("%") { errors.append("may not contain '%'") }
        return errors
    }

    /// `ValidateObjectMeta`: name (or generateName), labels, annotations.
    static func metadataErrors(_ object: JSONValue, kind: String) -> [FieldError] {
        var errors: [FieldError] = []
        let meta = object["metadata"] ?? .object([:])
        let name = meta["name"]?.stringValue ?? ""
        if let generateName = meta["generateName"]?.stringValue, !generateName.isEmpty {
            var masked = generateName
            if masked.hasSuffix("-") { masked = String(masked.dropLast()) + "a" }
            errors += nameErrors(kind: kind, name: masked).map { .invalid("metadata.generateName", .string(generateName), $0) }
        }
        if name.isEmpty {
            errors.append(.required("metadata.name", "name or generateName is required"))
        } else {
            errors += nameErrors(kind: kind, name: name).map { .invalid("metadata.name", .string(name), $0) }
        }
        if let namespace = meta["namespace"]?.stringValue, !namespace.isEmpty {
            errors += NameRules.dns1123Label(namespace).map { .invalid("metadata.namespace", .string(namespace), $0) }
        }
        errors += NameRules.validateLabels(meta["labels"]?.objectValue, field: "metadata.labels")
        errors += annotationErrors(meta["annotations"]?.objectValue, field: "metadata.annotations")
        return errors
    }

    /// `ValidateAnnotations`: qualified-name keys (lower-cased), total size under 256 KiB.
    static func annotationErrors(_ annotations: JSONObject?, field: String) -> [FieldError] {
        guard let annotations else { return [] }
        var errors: [FieldError] = []
        var size = 0
        for key in annotations.keys.sorted(by: goLess) {
            errors += NameRules.qualifiedName(key.lowercased()).map { .invalid(field, .string(key), $0) }
            size += key.utf8.count + (annotations[key]?.stringValue?.utf8.count ?? 0)
        }
        if size > 262_144 {
            errors.append(FieldError(.tooLong, field, .none, "may not be more than 262144 bytes"))
        }
        return errors
    }

    /// `ValidateNonnegativeField`.
    static func nonNegative(_ value: JSONValue?, _ field: @autoclosure () -> String) -> [FieldError] {
        guard let i = value?.intValue, i < 0 else { return [] }
        return [.invalid(field(), .int(i), "must be greater than or equal to 0")]
    }

    /// ConfigMap and Secret keys (`IsConfigMapKey`).
    static func dataKeyErrors(_ object: JSONValue, kind: String) -> [FieldError] {
        var errors: [FieldError] = []
        let sections = kind == "Secret" ? ["data", "stringData"] : ["data", "binaryData"]
        for section in sections {
            for key in (object[section]?.objectValue?.keys).map(Array.init)?.sorted(by: goLess) ?? [] {
                let ok = !key.isEmpty && key.utf8.allSatisfy { c in
                    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 45 || c == 95 || c == 46
                }
                if !ok {
                    let message = NameRules.regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                                                       "[-._a-zA-Z0-9]+", ["key.name", "KEY_NAME", "key-name"])
                    errors.append(.invalid("\(section)[\(key)]", .string(key), message))
                }
                if key == "." || key == ".." { errors.append(.invalid("\(section)[\(key)]", .string(key), "must not be '\(key)'")) }
            }
        }
        return errors
    }
}

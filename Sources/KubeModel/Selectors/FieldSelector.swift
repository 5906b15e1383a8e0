/// A field selector (`--field-selector`): `fields.ParseSelector` terms ANDed, plus the fields each
/// kind supports and the API server's refusals of the others.
public struct FieldSelector: Sendable, Equatable, CustomStringConvertible {
    public struct Term: Sendable, Equatable {
        public let field: String
        /// True for `!=`.
        public let negated: Bool
        public let value: String
    }

    /// Terms sorted by their text, as `parseSelector` sorts them.
    public let terms: [Term]

    public var isEmpty: Bool { terms.isEmpty }

    public var description: String {
        terms.map { $0.field + ($0.negated ? "!=" : "=") + Self.escape($0.value) }.joined(separator: ",")
    }

    /// `fields.ParseSelector`: `a=b,c!=d,e==f`; backslash escapes `\`, `,` and `=` in values.
    public static func parse(_ text: String) -> Result<FieldSelector, SelectorError> {
        var terms: [Term] = []
        for part in splitTerms(text).sorted(by: goLess) where !part.isEmpty {
            guard let (lhs, op, rhs) = splitTerm(part) else {
                return .failure(SelectorError("invalid selector: '\(text)'; can't understand '\(part)'"))
            }
            switch unescape(rhs) {
            case .failure(let e): return .failure(e)
            case .success(let value): terms.append(Term(field: lhs, negated: op == "!=", value: value))
            }
        }
        return .success(FieldSelector(terms: terms))
    }

    public func matches(_ fields: [String: String]) -> Bool {
        terms.allSatisfy { term in
            let have = fields[term.field] ?? ""
            return term.negated ? have != term.value : have == term.value
        }
    }

    /// The field labels `kind` can be selected by (`metadata.name`, `metadata.namespace` and more).
    public static func supportedFields(kind: String) -> [String] {
        let common = ["metadata.name", "metadata.namespace"]
        switch kind {
        case "Pod":
            return common + ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
                             "spec.hostNetwork", "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName"]
        case "Event":
            return common + ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
                             "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
                             "reason", "reportingComponent", "source", "type"]
        case "Node": return common + ["spec.unschedulable"]
        case "Namespace": return common + ["status.phase"]
        case "Secret": return common + ["type"]
        case "ReplicaSet", "ReplicationController": return common + ["status.replicas"]
        case "Job": return common + ["status.successful"]
        default: return common
        }
    }

    /// Kinds whose field-label conversion says `field label not supported: x`; the others
    /// answer with the generic metadata-only message.
    static let kindsWithOwnConversion: Set<String> = [
        "Pod", "Event", "Node", "Namespace", "Secret", "ReplicationController", "Endpoints", "ResourceQuota",
        "PersistentVolumeClaim", "PersistentVolume", "Service", "ServiceAccount", "ConfigMap", "LimitRange",
        "PodTemplate", "ReplicaSet", "StatefulSet", "Job",
    ]

    /// The conversion error for the first unsupported field of this selector on `kind`, or nil.
    public func unsupportedFieldError(kind: String) -> String? {
        let supported = Self.supportedFields(kind: kind)
        guard let bad = terms.first(where: { !supported.contains($0.field) }) else { return nil }
        if Self.kindsWithOwnConversion.contains(kind) { return "field label not supported: \(bad.field)" }
        return "\(GoSyntax.quote(bad.field)) is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
    }

    /// The BadRequest message of a list with bad selectors:
    /// `Unable to find "/v1, Resource=pods" that match label selector "", field selector "x=y": <detail>`.
    public static func listErrorMessage(group: String, version: String, resource: String,
                                        labelSelector: String, fieldSelector: String, detail: String) -> String {
        let gvr = "\(group.isEmpty ? "" : group)/\(version), Resource=\(resource)"
        return "Unable to find \(GoSyntax.quote(gvr)) that match label selector \(GoSyntax.quote(labelSelector)), "
            + "field selector \(GoSyntax.quote(fieldSelector)): \(detail)"
    }

    /// The values of the selectable fields of `object` (`fields.Set` the registry builds).
    public static func fields(of object: JSONValue) -> [String: String] {
        var set: [String: String] = [
            "metadata.name": object[path: ["metadata", "name"]]?.stringValue ?? "",
            "metadata.namespace": object[path: ["metadata", "namespace"]]?.stringValue ?? "",
        ]
        func text(_ path: [String]) -> String {
            switch object[path: path] {
            case .string(let s): s
            case .bool(let b): b ? "true" : "false"
            case .int(let i): String(i)
            default: ""
            }
        }
        switch object["kind"]?.stringValue ?? "" {
        case "Pod":
            for name in ["nodeName", "restartPolicy", "schedulerName", "serviceAccountName"] {
                set["spec." + name] = text(["spec", name])
            }
            set["spec.hostNetwork"] = object[path: ["spec", "hostNetwork"]]?.boolValue == true ? "true" : "false"
            for name in ["phase", "podIP", "nominatedNodeName"] { set["status." + name] = text(["status", name]) }
            set["status.podIPs"] = text(["status", "podIP"])
        case "Event":
            for name in ["kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath"] {
                set["involvedObject." + name] = text(["involvedObject", name])
            }
            set["reason"] = text(["reason"])
            set["reportingComponent"] = text(["reportingComponent"])
            set["source"] = text(["source", "component"])
            set["type"] = text(["type"])
        case "Node": set["spec.unschedulable"] = object[path: ["spec", "unschedulable"]]?.boolValue == true ? "true" : "false"
        case "Namespace": set["status.phase"] = text(["status", "phase"])
        case "Secret": set["type"] = text(["type"])
        case "ReplicaSet", "ReplicationController": set["status.replicas"] = String(object[path: ["status", "replicas"]]?.intValue ?? 0)
        case "Job": set["status.successful"] = String(object[path: ["status", "succeeded"]]?.intValue ?? 0)
        default: break
        }
        return set
    }

    static func splitTerms(_ text: String) -> [String] {
        var terms: [String] = []
        var current = ""
        var escaped = false
        for c in text {
            if escaped {
                current.append(c)
                escaped = false
            } else if c == "\\" {
                current.append(c)
                escaped = true
            } else if c == "," {
                terms.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        terms.append(current)
        return terms
    }

    static func splitTerm(_ term: String) -> (String, String, String)? {
        var index = term.startIndex
        while index < term.endIndex {
            let rest = term[index...]
            for op in ["!=", "==", "="] where rest.hasPrefix(op) {
                return (String(term[..<index]), op, String(rest.dropFirst(op.count)))
            }
            index = term.index(after: index)
        }
        return nil
    }

    static func unescape(_ value: String) -> Result<String, SelectorError> {
        var out = ""
        var escaped = false
        for c in value {
            if escaped {
                guard c == "\\" || c == "," || c == "=" else {
                    return .failure(SelectorError("invalid field selector: invalid escape sequence: \\\(c)"))
                }
                out.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "," || c == "=" {
                return .failure(SelectorError("invalid field selector: unescaped character in value: \(c)"))
            } else {
                out.append(c)
            }
        }
        if escaped { return .failure(SelectorError("invalid field selector: invalid escape sequence: \\")) }
        return .success(out)
    }

    static func escape(_ value: String) -> String {
        var out = ""
        for c in value {
            if c == "\\" || c == "," || c == "=" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

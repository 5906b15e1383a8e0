import APIStore
import Foundation
import KubeModel
import Kubectl

/// Decodes one check of a rubric: its name, points, feedback and exactly one kind.
enum CheckDecoder {
    static let fileFields = ["path", "nodes", "exists"] + TextMatch.keys
    static let objectFields = ["kind", "name", "namespace", "absent"]
    static let fieldFields = ["kind", "name", "namespace", "path"] + TextMatch.keys
    static let podsFields = ["selector", "namespace", "count", "running", "ready"]
    static let daemonSetFields = ["name", "namespace", "nodes"]
    static let staticPodFields = ["name", "node", "namespace"]
    static let eventFields = ["kind", "name", "namespace", "reason", "message"]
    static let commandFields = ["run", "status"] + TextMatch.keys
    static let scriptFields = ["run"]

    static func decode(_ field: YAMLField) throws(ContentError) -> Check {
        let map = try field.mapping(Check.fields)
        let kinds = map.keys.filter { CheckKind.names.contains($0) }
        guard let kindName = kinds.first else {
            throw field.error("expected one of \(CheckKind.names.joined(separator: ", "))")
        }
        if kinds.count > 1 { throw field.error("a check has one kind, got \(kinds.joined(separator: " and "))") }
        let pointsField = try map.required("points")
        let points = try pointsField.int()
        guard points > 0 else { throw pointsField.error("expected a positive integer, got \(points)") }
        return Check(name: try map.required("name").string(), points: points, feedback: try map.required("feedback").string(),
                     kind: try kind(kindName, try map.required(kindName)))
    }

    /// A mapping holding exactly one check kind and nothing else (a lesson step's `check`);
    /// `extra` names more kinds the caller decodes itself (a lesson's `typed`).
    static func decodeKind(_ field: YAMLField, extra: [String] = []) throws(ContentError) -> (name: String, field: YAMLField, kind: CheckKind?) {
        let names = CheckKind.names + extra
        let map = try field.mapping(names)
        guard let name = map.keys.first, let value = map.optional(name) else {
            throw field.error("expected one of \(names.joined(separator: ", "))")
        }
        if map.keys.count > 1 { throw field.error("a check has one kind, got \(map.keys.joined(separator: " and "))") }
        if extra.contains(name) { return (name, value, nil) }
        return (name, value, try kind(name, value))
    }

    private static func kind(_ name: String, _ field: YAMLField) throws(ContentError) -> CheckKind {
        switch name {
        case "file":
            let map = try field.mapping(fileFields)
            let path = try map.required("path").string()
            guard path.hasPrefix("/") else { throw try map.required("path").error("expected an absolute path, got \"\(path)\"") }
            let exists = try map.optional("exists")?.bool() ?? true
            let contents = try TextMatch.decode(map)
            if !exists, contents != nil { throw field.error("a file that must not exist has no contents to match") }
            return .file(path: path, nodes: try scope(map.optional("nodes"), default: .all, allowEligible: false),
                         exists: exists, contents: contents)
        case "object":
            let map = try field.mapping(objectFields)
            return .object(try reference(map), absent: try map.optional("absent")?.bool() ?? false)
        case "field":
            let map = try field.mapping(fieldFields)
            let pathField = try map.required("path")
            let path = try pathField.string()
            do throws(KubectlFailure) {
                _ = try JSONPath(path)
            } catch {
                throw pathField.error("not a valid JSONPath template: \(error.stderr.trimmingCharacters(in: .newlines))")
            }
            guard let match = try TextMatch.decode(map) else { throw field.error("expected one of equals, contains, matches") }
            return .field(try reference(map), path: path, match: match)
        case "pods":
            let map = try field.mapping(podsFields)
            let selectorField = try map.required("selector")
            let selector = try selectorField.string()
            guard LabelRequirement.parse(selector) != nil else { throw selectorField.error("not a valid label selector: \"\(selector)\"") }
            let countField = try map.required("count")
            let count = try countField.int()
            guard count >= 0 else { throw countField.error("expected a non-negative integer, got \(count)") }
            return .pods(selector: selector, namespace: try map.optional("namespace")?.string() ?? "default", count: count,
                         running: try map.optional("running")?.bool() ?? false, ready: try map.optional("ready")?.bool() ?? false)
        case "daemonSet":
            let map = try field.mapping(daemonSetFields)
            return .daemonSet(name: try map.required("name").string(), namespace: try map.optional("namespace")?.string() ?? "default",
                              nodes: try scope(map.optional("nodes"), default: .eligible, allowEligible: true))
        case "staticPod":
            let map = try field.mapping(staticPodFields)
            return .staticPod(name: try map.required("name").string(), node: try map.required("node").string(),
                              namespace: try map.optional("namespace")?.string() ?? "default")
        case "event":
            let map = try field.mapping(eventFields)
            var message: TextMatch?
            if let field = map.optional("message") {
                let pattern = try field.string()
                guard (try? Regex(pattern)) != nil else { throw field.error("not a valid regular expression: \(pattern)") }
                message = .matches(pattern)
            }
            return .event(try reference(map), reason: try map.required("reason").string(), message: message)
        case "command":
            let map = try field.mapping(commandFields)
            let status = try map.optional("status")?.int()
            let output = try TextMatch.decode(map)
            if output == nil, status == nil { throw field.error("expected status or one of equals, contains, matches") }
            return .command(run: try map.required("run").string(), output: output, status: status.map { Int32(clamping: $0) })
        default:
            let map = try field.mapping(scriptFields)
            return .script(run: try map.required("run").string())
        }
    }

    /// `kind`, `name`, `namespace` (default `default`; none for cluster-scoped kinds). The kind is checked now.
    private static func reference(_ map: YAMLMapping) throws(ContentError) -> ObjectReference {
        let kindField = try map.required("kind")
        let kind = try kindField.string()
        guard let type = ResourceTable.standard.lookup(kind) else { throw kindField.error("unknown kind \"\(kind)\"") }
        let namespace = try map.optional("namespace")?.string() ?? "default"
        return ObjectReference(kind: type.kind, name: try map.required("name").string(), namespace: type.namespaced ? namespace : "")
    }

    /// `all`, `any`, `eligible` (DaemonSets only), a node name, or a list of node names.
    private static func scope(_ field: YAMLField?, default fallback: NodeScope, allowEligible: Bool) throws(ContentError) -> NodeScope {
        guard let field else { return fallback }
        if case .sequence = field.node { return .named(try field.strings()) }
        let word = try field.string()
        switch word {
        case "all": return .all
        case "any": return .any
        case "eligible" where allowEligible: return .eligible
        default: return .named([word])
        }
    }
}

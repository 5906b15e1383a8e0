import KubeModel
import Yams

/// Reads a static pod manifest into a `JSONValue` (YAML 1.1 scalars resolved as the kubelet's
/// decoder sees them), so mirror pods carry exactly what the files on the node say.
enum ManifestYAML {
    static func parse(_ text: String) -> JSONValue? {
        guard let node = try? Yams.compose(yaml: text) else { return nil }
        return json(node, depth: 0)
    }

    private static func json(_ node: Yams.Node, depth: Int) -> JSONValue {
        guard depth < 64 else { return .null }
        switch node {
        case .scalar(let scalar):
            if scalar.style != .plain { return .string(scalar.string) }
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: return .null
            case .bool: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case .int: return node.int.map(JSONValue.int) ?? .string(scalar.string)
            case .float: return node.float.map(JSONValue.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .mapping(let mapping):
            var members: JSONObject = [:]
            for (key, value) in mapping {
                members[key.string ?? ""] = json(value, depth: depth + 1)
            }
            return .object(members)
        case .sequence(let sequence):
            return .array(sequence.map { json($0, depth: depth + 1) })
        case .alias:
            return .null
        }
    }
}

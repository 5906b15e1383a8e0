import KubeModel

/// RFC 6902 JSON patches as kubectl's vendored evanphx/json-patch (v4) applies them, with its error texts.
enum JSONPatch {
    /// Why a patch did not apply: the library's message (kubectl prints it after `error: `).
    struct Failure: Error { let message: String }

    /// Decodes the operations; the message is encoding/json's when the patch is not a list of objects.
    static func decode(_ patch: JSONValue) throws(Failure) -> [JSONObject] {
        guard case .array(let items) = patch else {
            throw Failure(message: "json: cannot unmarshal \(kindName(patch)) into Go value of type jsonpatch.Patch")
        }
        var operations: [JSONObject] = []
        for item in items {
            guard case .object(let operation) = item else {
                throw Failure(message: "json: cannot unmarshal \(kindName(item)) into Go value of type jsonpatch.Operation")
            }
            operations.append(operation)
        }
        return operations
    }

    static func kindName(_ value: JSONValue) -> String {
        switch value {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .int, .double: "number"
        case .bool: "bool"
        case .null: "null"
        }
    }

    static func apply(_ operations: [JSONObject], to document: JSONValue) throws(Failure) -> JSONValue {
        var document = document
        for operation in operations {
            let op = operation["op"]?.stringValue ?? "unknown"
            guard ["add", "remove", "replace", "move", "copy", "test"].contains(op) else {
                throw Failure(message: "Unexpected kind: \(op)")
            }
            guard let path = operation["path"]?.stringValue else {
                throw Failure(message: "\(op) operation failed to decode path: missing value")
            }
            switch op {
            case "add":
                try add(&document, path: path, value: operation["value"] ?? .null, op: "add")
            case "remove":
                _ = try remove(&document, path: path, op: "remove", quotedPath: true)
            case "replace":
                try replace(&document, path: path, value: operation["value"] ?? .null)
            case "move":
                guard let from = operation["from"]?.stringValue else { throw Failure(message: "move operation failed to decode from: missing value") }
                let value = try remove(&document, path: from, op: "move", quotedPath: false)
                try add(&document, path: path, value: value, op: "move")
            case "copy":
                guard let from = operation["from"]?.stringValue else { throw Failure(message: "copy operation failed to decode from: missing value") }
                let value = try get(document, path: from)
                try add(&document, path: path, value: value ?? .null, op: "copy")
            default:
                let actual = try get(document, path: path)
                if (actual ?? .null) != (operation["value"] ?? .null) {
                    throw Failure(message: "testing value \(path) failed: test failed")
                }
            }
        }
        return document
    }

    /// `/a/b~1c` → ["a", "b/c"]; the first segment (before the leading slash) is dropped as the library does.
    static func segments(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            String($0).replacingOccurrences("~1", "/").replacingOccurrences("~0", "~")
        }
    }

    static func get(_ document: JSONValue, path: String) throws(Failure) -> JSONValue? {
        var current: JSONValue? = document
        for key in segments(path) {
            switch current {
            case .object(let members): current = members[key]
            case .array(let items):
                guard let index = Int(key), items.indices.contains(index) else { return nil }
                current = items[index]
            default: return nil
            }
        }
        return current
    }

    /// Applies `change` to the container at the path's parent; nil when the parent is missing.
    static func withParent(_ document: inout JSONValue, _ parts: [String], _ change: (inout JSONValue, String) throws(Failure) -> Void) throws(Failure) -> Bool {
        guard let first = parts.first else { return false }
        if parts.count == 1 {
            try change(&document, first)
            return true
        }
        switch document {
        case .object(var members):
            guard var child = members[first] else { return false }
            let found = try withParent(&child, Array(parts.dropFirst()), change)
            members[first] = child
            document = .object(members)
            return found
        case .array(var items):
            guard let index = Int(first), items.indices.contains(index) else { return false }
            var child = items[index]
            let found = try withParent(&child, Array(parts.dropFirst()), change)
            items[index] = child
            document = .array(items)
            return found
        default:
            return false
        }
    }

    static func add(_ document: inout JSONValue, path: String, value: JSONValue, op: String) throws(Failure) {
        let found = try withParent(&document, segments(path)) { (container: inout JSONValue, key: String) throws(Failure) in
            switch container {
            case .object(var members):
                members[key] = value
                container = .object(members)
            case .array(var items):
                if key == "-" {
                    items.append(value)
                } else if let index = Int(key), index >= -items.count, index <= items.count {
                    items.insert(value, at: index < 0 ? items.count + index : index)
                } else {
                    throw Failure(message: "error in add for path: '\(path)': Unable to access invalid index: \(key): invalid index referenced")
                }
                container = .array(items)
            default:
                throw Failure(message: "\(op) operation does not apply: doc is missing path: \(GoSyntax.quote(path)): missing value")
            }
        }
        if !found { throw Failure(message: "\(op) operation does not apply: doc is missing path: \(GoSyntax.quote(path)): missing value") }
    }

    static func remove(_ document: inout JSONValue, path: String, op: String, quotedPath: Bool) throws(Failure) -> JSONValue {
        var removed: JSONValue = .null
        let shown = quotedPath ? path : (segments(path).last ?? "")
        let found = try withParent(&document, segments(path)) { (container: inout JSONValue, key: String) throws(Failure) in
            switch container {
            case .object(var members):
                guard let value = members.removeValue(forKey: key) else {
                    throw Failure(message: "error in \(op) for path: '\(shown)': Unable to remove nonexistent key: \(key): missing value")
                }
                removed = value
                container = .object(members)
            case .array(var items):
                guard let index = Int(key), index >= -items.count, index < items.count else {
                    throw Failure(message: "error in \(op) for path: '\(shown)': Unable to access invalid index: \(key): invalid index referenced")
                }
                removed = items.remove(at: index < 0 ? items.count + index : index)
                container = .array(items)
            default:
                throw Failure(message: "\(op) operation does not apply: doc is missing path: \(GoSyntax.quote(path)): missing value")
            }
        }
        if !found { throw Failure(message: "\(op) operation does not apply: doc is missing path: \(GoSyntax.quote(path)): missing value") }
        return removed
    }

    static func replace(_ document: inout JSONValue, path: String, value: JSONValue) throws(Failure) {
        let found = try withParent(&document, segments(path)) { (container: inout JSONValue, key: String) throws(Failure) in
            switch container {
            case .object(var members):
                members[key] = value
                container = .object(members)
            case .array(var items):
                guard let index = Int(key), items.indices.contains(index) else {
                    throw Failure(message: "replace operation does not apply: doc is missing key: \(path): missing value")
                }
                items[index] = value
                container = .array(items)
            default:
                throw Failure(message: "replace operation does not apply: doc is missing path: \(path): missing value")
            }
        }
        if !found { throw Failure(message: "replace operation does not apply: doc is missing path: \(path): missing value") }
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation in this module).
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

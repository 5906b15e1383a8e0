import Yams

/// One node of a content file with where it came from, so every decoding error can name the
/// file, line and field. Decoding is strict: wrong types and unknown fields are errors.
struct YAMLField {
    let node: Node
    let file: String
    let path: String
    /// The line of the nearest node that has one (a missing field reports its mapping's).
    let line: Int

    init(node: Node, file: String, path: String, fallbackLine: Int) {
        self.node = node
        self.file = file
        self.path = path
        line = node.mark?.line ?? fallbackLine
    }

    /// Parses a whole file; a YAML syntax error carries libyaml's line.
    static func document(_ text: String, file: String) throws(ContentError) -> YAMLField {
        let parsed: Node?
        do {
            parsed = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ContentError(file: file, line: Self.line(of: error), field: "", message: Self.problem(of: error))
        } catch {
            throw ContentError(file: file, line: 0, field: "", message: "\(error)")
        }
        guard let parsed else { throw ContentError(file: file, line: 1, field: "", message: "the file is empty") }
        return YAMLField(node: parsed, file: file, path: "", fallbackLine: 1)
    }

    func error(_ message: String) -> ContentError {
        ContentError(file: file, line: line, field: path, message: message)
    }

    /// What the node is, for `expected …, got …`.
    var shown: String {
        switch node {
        case .scalar(let scalar):
            if Self.isNull(scalar) { return "null" }
            return "\"" + scalar.string + "\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    func child(_ node: Node, _ component: String) -> YAMLField {
        let childPath = component.hasPrefix("[") || path.isEmpty ? path + component : path + "." + component
        return YAMLField(node: node, file: file, path: childPath, fallbackLine: line)
    }

    // MARK: scalars

    func string() throws(ContentError) -> String {
        guard case .scalar(let scalar) = node, !Self.isNull(scalar) else { throw error("expected a string, got \(shown)") }
        return scalar.string
    }

    func int() throws(ContentError) -> Int {
        guard case .scalar(let scalar) = node, Self.isPlain(scalar), let value = node.int else {
            throw error("expected an integer, got \(shown)")
        }
        return value
    }

    func bool() throws(ContentError) -> Bool {
        guard case .scalar(let scalar) = node, Self.isPlain(scalar), let value = node.bool else {
            throw error("expected true or false, got \(shown)")
        }
        return value
    }

    /// A string that must be one of `choices`.
    func choice(_ choices: [String]) throws(ContentError) -> String {
        let value = try string()
        guard choices.contains(value) else {
            throw error("expected one of \(choices.joined(separator: ", ")), got \"\(value)\"")
        }
        return value
    }

    // MARK: collections

    func list() throws(ContentError) -> [YAMLField] {
        guard case .sequence(let sequence) = node else { throw error("expected a list, got \(shown)") }
        return sequence.enumerated().map { child($1, "[\($0)]") }
    }

    func strings() throws(ContentError) -> [String] {
        var result: [String] = []
        for item in try list() { result.append(try item.string()) }
        return result
    }

    /// A mapping of free keys to strings (labels).
    func stringMap() throws(ContentError) -> [String: String] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping, got \(shown)") }
        var result: [String: String] = [:]
        for (key, value) in mapping {
            let name = try child(key, "").string()
            result[name] = try child(value, name).string()
        }
        return result
    }

    /// A mapping whose keys must all be in `allowed` (the type's schema properties).
    func mapping(_ allowed: [String]) throws(ContentError) -> YAMLMapping {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping, got \(shown)") }
        var members: [(String, YAMLField)] = []
        for (key, value) in mapping {
            let keyField = child(key, "")
            let name = try keyField.string()
            guard allowed.contains(name) else {
                throw ContentError(file: file, line: keyField.line, field: path.isEmpty ? name : path + "." + name,
                                   message: "unknown field (expected one of \(allowed.joined(separator: ", ")))")
            }
            members.append((name, child(value, name)))
        }
        return YAMLMapping(field: self, members: members)
    }

    // MARK: tags

    /// Plain (unquoted) scalars only: `"5"` is a string, `5` an integer.
    private static func isPlain(_ scalar: Node.Scalar) -> Bool { scalar.style == .plain }

    private static func isNull(_ scalar: Node.Scalar) -> Bool {
        isPlain(scalar) && Node.scalar(scalar).null != nil
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        case .duplicatedKeysInMapping(_, let context): context.mark.line
        default: 0
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            if let context { return "YAML: \(problem) (\(context.text))" }
            return "YAML: \(problem)"
        case .duplicatedKeysInMapping(let duplicates, _):
            return "YAML: duplicated key \(duplicates.joined(separator: ", "))"
        default: return "YAML: \(error)"
        }
    }
}

/// The members of a mapping that passed the unknown-field check.
struct YAMLMapping {
    let field: YAMLField
    let members: [(String, YAMLField)]

    func optional(_ key: String) -> YAMLField? {
        members.first { $0.0 == key }?.1
    }

    func required(_ key: String) throws(ContentError) -> YAMLField {
        guard let value = optional(key) else {
            throw ContentError(file: field.file, line: field.line, field: field.path.isEmpty ? key : field.path + "." + key,
                               message: "missing required field")
        }
        return value
    }

    var keys: [String] { members.map(\.0) }
}

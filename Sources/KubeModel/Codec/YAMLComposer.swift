/// One YAML document as go-yaml v2's parser builds it before decoding: scalars, sequences,
/// mappings and aliases, in an array so that aliases can point back at anchored nodes.
struct YAMLTree {
    enum Kind {
        /// `implicit`: an untagged plain scalar (quoted scalars are strings outright).
        case scalar(value: String, tag: String, implicit: Bool)
        case sequence
        case mapping
        case alias(target: Int, name: String)
    }

    var kinds: [Kind] = []
    /// Items of a sequence; key, value, key, value… of a mapping.
    var children: [[Int]] = []
    var lines: [Int] = []
    var root = 0

    mutating func add(_ kind: Kind, line: Int) -> Int {
        kinds.append(kind)
        children.append([])
        lines.append(line)
        return kinds.count - 1
    }
}

/// A failure go-yaml reports without going through libyaml's marks (`yaml: unknown anchor…`).
struct YAMLDecodeFailure: Error {
    var message: String
}

enum YAMLComposer {
    /// The first document of `parser`'s stream, as `yaml.Unmarshal` reads it; nil when the
    /// stream holds none. Iterative, so nesting depth costs no stack.
    static func firstDocument(_ parser: LibYAMLParser) throws(YAMLComposeError) -> YAMLTree? {
        var tree = YAMLTree()
        var anchors: [String: Int] = [:]
        var open: [Int] = []
        func next() throws(YAMLComposeError) -> YAMLEvent {
            do throws(LibYAMLError) { return try parser.next() } catch { throw .syntax(error) }
        }
        do {
            var event = try next()
            if case .streamStart = event.kind { event = try next() }
            if case .streamEnd = event.kind { return nil }
            guard case .documentStart = event.kind else { return nil }
            var done = false
            while !done {
                event = try next()
                var node: Int?
                switch event.kind {
                case .scalar(let value, let tag, let implicit, let anchor):
                    node = tree.add(.scalar(value: value, tag: tag, implicit: implicit), line: event.line)
                    if let anchor, let node { anchors[anchor] = node }
                case .alias(let name):
                    guard let target = anchors[name] else {
                        throw YAMLComposeError.decode(YAMLDecodeFailure(message: "unknown anchor '\(name)' referenced"))
                    }
                    node = tree.add(.alias(target: target, name: name), line: event.line)
                case .sequenceStart(_, let anchor), .mappingStart(_, let anchor):
                    let isMapping: Bool
                    if case .mappingStart = event.kind { isMapping = true } else { isMapping = false }
                    let n = tree.add(isMapping ? .mapping : .sequence, line: event.line)
                    if let anchor { anchors[anchor] = n }
                    if let parent = open.last { tree.children[parent].append(n) } else { tree.root = n; }
                    open.append(n)
                    continue
                case .sequenceEnd, .mappingEnd:
                    open.removeLast()
                    if open.isEmpty { done = true }
                    continue
                case .documentEnd, .streamEnd, .streamStart, .documentStart:
                    done = true
                    continue
                }
                if let node {
                    if let parent = open.last { tree.children[parent].append(node) } else {
                        tree.root = node
                        done = true
                    }
                }
            }
            // go-yaml expects the DOCUMENT-END event: trailing garbage fails here.
            if !tree.kinds.isEmpty {
                _ = try next()
            }
            return tree.kinds.isEmpty ? nil : tree
        }
    }
}

/// Why a document could not be composed.
enum YAMLComposeError: Error {
    case syntax(LibYAMLError)
    case decode(YAMLDecodeFailure)
}

/// go-yaml v2's `decoder` for an `interface{}` target: resolves scalars, applies `<<` merge
/// keys, expands aliases (with its excessive-aliasing guard), and keeps YAML's non-string keys.
struct YAMLDecoder {
    let tree: YAMLTree
    private var decodeCount = 0
    private var aliasCount = 0
    private var aliasDepth = 0
    private var expanding: Set<Int> = []
    /// Alias expansion can nest values deeper than libyaml's limit of 1000; the printers
    /// recurse, so values stop there too.
    static let maxDepth = 1000

    init(_ tree: YAMLTree) { self.tree = tree }

    mutating func decode() throws(YAMLDecodeFailure) -> GoValue {
        try value(tree.root, depth: 0)
    }

    private mutating func value(_ n: Int, depth: Int) throws(YAMLDecodeFailure) -> GoValue {
        guard depth < Self.maxDepth else {
            throw YAMLDecodeFailure(message: "line \(tree.lines[n] + 1): exceeded max depth of 10000")
        }
        decodeCount += 1
        if aliasDepth > 0 { aliasCount += 1 }
        if aliasCount > 100 && decodeCount > 1000 && Double(aliasCount) / Double(decodeCount) > Self.allowedAliasRatio(decodeCount) {
            throw YAMLDecodeFailure(message: "document contains excessive aliasing")
        }
        switch tree.kinds[n] {
        case .scalar(let text, let tag, let implicit):
            return try scalar(text, tag: tag, implicit: implicit)
        case .alias(let target, let name):
            if expanding.contains(n) { throw YAMLDecodeFailure(message: "anchor '\(name)' value contains itself") }
            expanding.insert(n)
            aliasDepth += 1
            defer {
                aliasDepth -= 1
                expanding.remove(n)
            }
            return try value(target, depth: depth + 1)
        case .sequence:
            var items: [GoValue] = []
            for child in tree.children[n] { items.append(try value(child, depth: depth + 1)) }
            return .sequence(items)
        case .mapping:
            var pairs = GoMapBuilder()
            try mapping(n, into: &pairs, depth: depth)
            return .map(pairs.pairs)
        }
    }

    private mutating func mapping(_ n: Int, into pairs: inout GoMapBuilder, depth: Int) throws(YAMLDecodeFailure) {
        let children = tree.children[n]
        var i = 0
        while i + 1 < children.count {
            defer { i += 2 }
            if isMerge(children[i]) {
                try merge(children[i + 1], into: &pairs, depth: depth)
                continue
            }
            let key = try value(children[i], depth: depth + 1)
            switch key {
            case .map, .sequence: throw YAMLDecodeFailure(message: "invalid map key: \(key.goSyntax)")
            default: break
            }
            pairs.set(key, try value(children[i + 1], depth: depth + 1))
        }
    }

    private func isMerge(_ n: Int) -> Bool {
        guard case .scalar(let text, let tag, let implicit) = tree.kinds[n] else { return false }
        return text == "<<" && (implicit || tag == "tag:yaml.org,2002:merge")
    }

    private func resolvedKind(_ n: Int) -> YAMLTree.Kind {
        if case .alias(let target, _) = tree.kinds[n] { return tree.kinds[target] }
        return tree.kinds[n]
    }

    private mutating func merge(_ n: Int, into pairs: inout GoMapBuilder, depth: Int) throws(YAMLDecodeFailure) {
        let wantMap = YAMLDecodeFailure(message: "map merge requires map or sequence of maps as the value")
        switch tree.kinds[n] {
        case .mapping, .alias:
            guard case .mapping = resolvedKind(n) else { throw wantMap }
            try mergeOne(n, into: &pairs, depth: depth)
        case .sequence:
            // Earlier maps take precedence, so later ones go in first.
            for child in tree.children[n].reversed() {
                guard case .mapping = resolvedKind(child) else { throw wantMap }
                try mergeOne(child, into: &pairs, depth: depth)
            }
        case .scalar:
            throw wantMap
        }
    }

    private mutating func mergeOne(_ n: Int, into pairs: inout GoMapBuilder, depth: Int) throws(YAMLDecodeFailure) {
        guard case .map(let merged) = try value(n, depth: depth + 1) else { return }
        for (key, item) in merged { pairs.set(key, item) }
    }

    /// `decoder.scalar` into `interface{}`: quoted scalars are strings; others resolve by tag.
    private func scalar(_ text: String, tag: String, implicit: Bool) throws(YAMLDecodeFailure) -> GoValue {
        if tag.isEmpty && !implicit { return .string(text) }
        let long = "tag:yaml.org,2002:"
        let short = tag.hasPrefix(long) ? "!!" + tag.dropFirst(long.count) : tag
        switch short {
        case "", "!!str", "!!bool", "!!int", "!!float", "!!null", "!!timestamp": break
        case "!!binary":
            guard let bytes = Self.base64(text) else {
                throw YAMLDecodeFailure(message: "!!binary value contains invalid base64 data")
            }
            return .string(String(decoding: bytes, as: UTF8.self))
        default:
            return .string(text)
        }
        if short == "!!str" { return .string(text) }
        var resolved = GoYAMLResolve.plain(text)
        // Only an untagged or !!timestamp scalar is tried as a timestamp.
        if resolved == .timestamp && !(short.isEmpty || short == "!!timestamp") {
            resolved = .string
        }
        let (rtag, out): (String, GoValue) = switch resolved {
        case .null: ("!!null", .null)
        case .bool(let b): ("!!bool", .bool(b))
        case .int(let i): ("!!int", .int(i))
        case .uint(let u): ("!!int", .uint(u))
        case .float(let f): ("!!float", .float(f))
        case .timestamp: ("!!timestamp", .string(text))
        case .string: ("!!str", .string(text))
        }
        if short.isEmpty || short == rtag { return out }
        if short == "!!float", case .int(let i) = out { return .float(Double(i)) }
        if short == "!!float", case .uint(let u) = out { return .float(Double(u)) }
        throw YAMLDecodeFailure(message: "cannot decode \(rtag) `\(text)` as a \(short)")
    }

    private static func allowedAliasRatio(_ decodeCount: Int) -> Double {
        if decodeCount <= 400_000 { return 0.99 }
        if decodeCount >= 4_000_000 { return 0.10 }
        return 0.99 - 0.89 * (Double(decodeCount - 400_000) / 3_600_000)
    }

    /// `base64.StdEncoding.DecodeString`: padded, `\r` and `\n` ignored.
    static func base64(_ text: String) -> [UInt8]? {
        var values: [UInt8] = []
        var padding = 0
        for c in text.utf8 {
            switch c {
            case 0x0A, 0x0D: continue
            case UInt8(ascii: "="): padding += 1; continue
            default: break
            }
            guard padding == 0 else { return nil }
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): values.append(c - 65)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): values.append(c - 97 + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): values.append(c - 48 + 52)
            case UInt8(ascii: "+"): values.append(62)
            case UInt8(ascii: "/"): values.append(63)
            default: return nil
            }
        }
        guard (values.count + padding) % 4 == 0, padding <= 2 else { return nil }
        var out: [UInt8] = []
        var i = 0
        while i < values.count {
            let chunk = Array(values[i..<min(i + 4, values.count)])
            let a = UInt32(chunk[0]) << 18
            let b = chunk.count > 1 ? UInt32(chunk[1]) << 12 : 0
            let c = chunk.count > 2 ? UInt32(chunk[2]) << 6 : 0
            let d = chunk.count > 3 ? UInt32(chunk[3]) : 0
            let v = a | b | c | d
            if chunk.count >= 2 { out.append(UInt8((v >> 16) & 0xFF)) }
            if chunk.count >= 3 { out.append(UInt8((v >> 8) & 0xFF)) }
            if chunk.count >= 4 { out.append(UInt8(v & 0xFF)) }
            i += 4
        }
        return out
    }
}

/// A Go `map[interface{}]interface{}` being filled: setting an existing key replaces its value.
struct GoMapBuilder {
    private(set) var pairs: [(GoValue, GoValue)] = []
    private var index: [String: Int] = [:]

    mutating func set(_ key: GoValue, _ value: GoValue) {
        let hashKey: String
        switch key {
        case .null: hashKey = "n"
        case .bool(let b): hashKey = b ? "b1" : "b0"
        case .int(let i): hashKey = "i\(i)"
        case .uint(let u): hashKey = "u\(u)"
        case .float(let f): hashKey = "f\(f.bitPattern)"
        case .string(let s): hashKey = "s" + s
        case .sequence, .map: hashKey = "x\(pairs.count)"
        }
        if let at = index[hashKey] {
            pairs[at].1 = value
        } else {
            index[hashKey] = pairs.count
            pairs.append((key, value))
        }
    }
}

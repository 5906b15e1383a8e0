/// Tilde prefixes: `~` / `~user` at the start of a word, and after `=` or `:` in assignments.
extension ParserState {
    /// Rewrites leading unquoted `~user` into `.tilde` parts. An assignment-like word
    /// (`a=~/x`) gets them after its first `=` and after each `:`.
    static func withTilde(_ word: Word, assignmentLike: Bool, afterEquals: Bool = false) -> Word {
        var parts = word.parts
        guard !parts.isEmpty else { return word }
        if assignmentLike, !afterEquals {
            guard case .literal(let text) = parts[0], let equals = text.firstIndex(of: "=") else { return word }
            let head = String(text[...equals])
            let tail = String(text[text.index(after: equals)...])
            var rest = Array(parts.dropFirst())
            if !tail.isEmpty { rest.insert(.literal(tail), at: 0) }
            let expanded = expandTildes(rest, colons: true)
            guard expanded.contains(where: { if case .tilde = $0 { true } else { false } }) else { return word }
            return Word([.literal(head)] + expanded, position: word.position)
        }
        parts = expandTildes(parts, colons: assignmentLike)
        return Word(parts, position: word.position)
    }

    /// Expands a tilde prefix at the start of `parts` (and after each `:` when `colons`).
    static func expandTildes(_ parts: [WordPart], colons: Bool) -> [WordPart] {
        guard case .literal(let text)? = parts.first else { return parts }
        let isLast = parts.count == 1
        var out: [WordPart] = []
        var literal = ""
        let segments = colons ? text.split(separator: ":", omittingEmptySubsequences: false) : [Substring(text)]
        for (i, segment) in segments.enumerated() {
            if i > 0 { literal += ":" }
            let segmentIsLast = i == segments.count - 1
            guard segment.hasPrefix("~") else {
                literal += segment
                continue
            }
            if let slash = segment.firstIndex(of: "/") {
                flush(&literal, into: &out)
                out.append(.tilde(user: String(segment[segment.index(after: segment.startIndex)..<slash])))
                literal = String(segment[slash...])
            } else if !segmentIsLast || isLast {
                flush(&literal, into: &out)
                out.append(.tilde(user: String(segment.dropFirst())))
            } else {
                literal += segment
            }
        }
        flush(&literal, into: &out)
        return out + parts.dropFirst()
    }

    private static func flush(_ literal: inout String, into out: inout [WordPart]) {
        if !literal.isEmpty {
            out.append(.literal(literal))
            literal = ""
        }
    }
}

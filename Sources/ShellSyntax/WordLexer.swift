/// Reading words: quoting, escapes and the `$`/backquote expansions inside them.
extension ParserState {
    /// Reads an unquoted word up to the next metacharacter.
    func readWord(start: SourcePosition) throws(SyntaxError) -> Word {
        let parts = try readParts { Self.isMetacharacter($0) }
        return Word(parts, position: start)
    }

    /// Reads word parts until `stop` says so (outside quotes) or the input ends.
    func readParts(stop: (Unicode.Scalar) -> Bool) throws(SyntaxError) -> [WordPart] {
        var builder = PartsBuilder()
        while let c = peekChar(), !stop(c) {
            switch c {
            case "\\":
                advance()
                guard let next = peekChar() else {
                    builder.literal.append("\\")
                    endsWithContinuation = true
                    continue
                }
                advance()
                if next == "\n" { continue }
                builder.append(.escaped(String(next)))
            case "'":
                let start = position
                advance()
                builder.append(.singleQuoted(try readSingleQuoted(start: start)))
            case "\"":
                let start = position
                advance()
                builder.append(.doubleQuoted(try readDoubleQuoted(start: start)))
            case "`":
                builder.append(try readBackquote())
            case "$":
                if let part = try readDollar(inDoubleQuotes: false) {
                    builder.append(part)
                } else {
                    advance()
                    builder.literal.append("$")
                }
            default:
                advance()
                builder.literal.unicodeScalars.append(c)
            }
        }
        return builder.finish()
    }

    /// After the opening `'`: up to the closing one.
    func readSingleQuoted(start: SourcePosition) throws(SyntaxError) -> String {
        var text = String.UnicodeScalarView()
        while let c = advance() {
            if c == "'" { return String(text) }
            text.append(c)
        }
        throw unmatched("'", at: start)
    }

    /// After the opening `"`: parts up to the closing one.
    func readDoubleQuoted(start: SourcePosition) throws(SyntaxError) -> [WordPart] {
        let parts = try readQuotedContent(mode: .doubleQuotes)
        guard peekChar() == "\"" else { throw unmatched("\"", at: start) }
        advance()
        return parts
    }

    enum QuotedMode {
        /// Inside `"…"`: stops at `"`; `\` escapes `$ ` \ " newline`.
        case doubleQuotes
        /// A here-document body: runs to the end; `\` escapes `$ ` \ newline`.
        case hereDocument
        /// A `${…}` word inside double quotes: stops at `}` (or `/` for a pattern).
        case braceWord(stopAtSlash: Bool)
    }

    /// Text where only `$`, backquotes and some `\` escapes are special.
    func readQuotedContent(mode: QuotedMode) throws(SyntaxError) -> [WordPart] {
        var builder = PartsBuilder()
        while let c = peekChar() {
            switch mode {
            case .doubleQuotes where c == "\"": return builder.finish()
            case .braceWord(let slash) where c == "}" || (slash && c == "/"): return builder.finish()
            default: break
            }
            switch c {
            case "\\":
                advance()
                guard let next = peekChar() else {
                    builder.literal.append("\\")
                    continue
                }
                if next == "\n" {
                    advance()
                    continue
                }
                var escapable: Set<Unicode.Scalar> = ["$", "`", "\\"]
                if case .doubleQuotes = mode { escapable.insert("\"") }
                if case .braceWord = mode { escapable.formUnion(["\"", "}"]) }
                if escapable.contains(next) {
                    advance()
                    builder.literal.unicodeScalars.append(next)
                } else {
                    builder.literal.append("\\")
                }
            case "`":
                builder.append(try readBackquote())
            case "$":
                if let part = try readDollar(inDoubleQuotes: true) {
                    builder.append(part)
                } else {
                    advance()
                    builder.literal.append("$")
                }
            default:
                advance()
                builder.literal.unicodeScalars.append(c)
            }
        }
        return builder.finish()
    }

    /// `` `…` ``: the text with `\$`, `` \` `` and `\\` unescaped, parsed as a nested script.
    func readBackquote() throws(SyntaxError) -> WordPart {
        let start = position
        advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let c = advance() else { throw unmatched("`", at: start) }
            if c == "`" { break }
            if c == "\\", let next = peekChar(), next == "$" || next == "`" || next == "\\" {
                advance()
                text.append(next)
                continue
            }
            text.append(c)
        }
        try enter()
        defer { leave() }
        let nested = ParserState(String(text), line: start.line, column: start.column + 1, depth: depth, work: work)
        let list = try nested.parseNestedScript()
        return .commandSubstitution(list)
    }
}

/// Collects parts, merging adjacent literal characters into one `.literal`.
struct PartsBuilder {
    var parts: [WordPart] = []
    var literal = ""

    mutating func flush() {
        if !literal.isEmpty {
            parts.append(.literal(literal))
            literal = ""
        }
    }

    mutating func append(_ part: WordPart) {
        flush()
        parts.append(part)
    }

    mutating func finish() -> [WordPart] {
        flush()
        return parts
    }
}

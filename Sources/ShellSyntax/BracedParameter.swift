/// `${name}`, `${#name}` and `${name<op>word}`.
extension ParserState {
    /// After `${`: the name and operation up to the matching `}`.
    func readBraced(start: SourcePosition, inDoubleQuotes: Bool) throws(SyntaxError) -> ParameterExpansion {
        try enter()
        defer { leave() }
        let startIndex = index
        if peekChar() == "#", let after = peekChar(1), after != "}" {
            let save = (index, line, column)
            advance()
            let name = readParameterName()
            if !name.isEmpty, peekChar() == "}" {
                advance()
                return ParameterExpansion(name: name, operation: .length)
            }
            (index, line, column) = save
        }
        if peekChar() == "!", let after = peekChar(1), Self.isNameStart(after) || ("0"..."9").contains(after) {
            let save = (index, line, column)
            advance()
            let name = readParameterName()
            if peekChar() == "}" {
                advance()
                return ParameterExpansion(name: name, operation: .indirect)
            }
            (index, line, column) = save
        }
        let name = readParameterName()
        guard !name.isEmpty else { return try badSubstitution(startIndex: startIndex, start: start) }
        guard let c = peekChar() else { throw unmatched("}", at: start) }
        let operation: ParameterExpansion.Operation?
        switch c {
        case "}":
            operation = nil
        case ":":
            guard let next = peekChar(1) else { throw unmatched("}", at: start) }
            switch next {
            case "-", "=", "?", "+":
                advance()
                advance()
                let word = try readBraceWord(start: start, inDoubleQuotes: inDoubleQuotes)
                operation = Self.defaultOperation(next, word, colon: true)
            default:
                advance()
                let offset = try readArithmeticText(start: start, stopAtColon: true)
                var length: String?
                if peekChar() == ":" {
                    advance()
                    length = try readArithmeticText(start: start, stopAtColon: false)
                }
                if offset.allSatisfy({ $0 == " " }) && length == nil {
                    return try badSubstitution(startIndex: startIndex, start: start)
                }
                operation = .substring(offset: offset, length: length)
            }
        case "-", "=", "?", "+":
            advance()
            operation = Self.defaultOperation(c, try readBraceWord(start: start, inDoubleQuotes: inDoubleQuotes), colon: false)
        case "#", "%":
            advance()
            let longest = peekChar() == c
            if longest { advance() }
            let word = try readBraceWord(start: start, inDoubleQuotes: inDoubleQuotes)
            operation = c == "#" ? .removePrefix(word, longest: longest) : .removeSuffix(word, longest: longest)
        case "/":
            advance()
            var anchor: Unicode.Scalar?
            if let a = peekChar(), a == "/" || a == "#" || a == "%" {
                anchor = a
                advance()
            }
            let pattern = try readBraceWord(start: start, inDoubleQuotes: inDoubleQuotes, stopAtSlash: true)
            var replacement = Word([], position: position)
            if peekChar() == "/" {
                advance()
                replacement = try readBraceWord(start: start, inDoubleQuotes: inDoubleQuotes)
            }
            switch anchor {
            case "#": operation = .replaceAnchored(pattern: pattern, with: replacement, atEnd: false)
            case "%": operation = .replaceAnchored(pattern: pattern, with: replacement, atEnd: true)
            default: operation = .replace(pattern: pattern, with: replacement, all: anchor == "/")
            }
        case "^", ",":
            advance()
            let all = peekChar() == c
            if all { advance() }
            guard peekChar() == "}" else { return try badSubstitution(startIndex: startIndex, start: start) }
            operation = .changeCase(upper: c == "^", all: all)
        default:
            return try badSubstitution(startIndex: startIndex, start: start)
        }
        guard peekChar() == "}" else { throw unmatched("}", at: start) }
        advance()
        return ParameterExpansion(name: name, operation: operation)
    }

    static func defaultOperation(_ c: Unicode.Scalar, _ word: Word, colon: Bool) -> ParameterExpansion.Operation {
        switch c {
        case "-": .useDefault(word, colon: colon)
        case "=": .assignDefault(word, colon: colon)
        case "?": .errorIfUnset(word, colon: colon)
        default: .useAlternative(word, colon: colon)
        }
    }

    /// A variable name, a digit string or one special character.
    func readParameterName() -> String {
        guard let c = peekChar() else { return "" }
        var name = String.UnicodeScalarView()
        if Self.isNameStart(c) {
            while let d = peekChar(), Self.isNameChar(d) {
                name.append(d)
                advance()
            }
        } else if ("0"..."9").contains(c) {
            while let d = peekChar(), ("0"..."9").contains(d) {
                name.append(d)
                advance()
            }
        } else if Self.specialParameters.contains(c) {
            name.append(c)
            advance()
        }
        return String(name)
    }

    /// The word of `${name:-word}` (or a pattern), up to `}` (or `/`).
    func readBraceWord(start: SourcePosition, inDoubleQuotes: Bool, stopAtSlash: Bool = false) throws(SyntaxError) -> Word {
        let wordStart = position
        let parts: [WordPart]
        if inDoubleQuotes {
            parts = try readQuotedContent(mode: .braceWord(stopAtSlash: stopAtSlash))
        } else {
            // bash ends the word at the first unquoted `}`: `${x:-{a}}` is `${x:-{a}` then `}`.
            parts = try readParts { c in c == "}" || (stopAtSlash && c == "/") }
        }
        if atEnd { throw unmatched("}", at: start) }
        return Word(parts, position: wordStart)
    }

    /// Arithmetic text inside `${name:offset:length}`.
    func readArithmeticText(start: SourcePosition, stopAtColon: Bool) throws(SyntaxError) -> String {
        var text = String.UnicodeScalarView()
        var parens = 0
        while let c = peekChar() {
            if c == "}" || (stopAtColon && c == ":" && parens == 0) { return String(text) }
            if c == "(" { parens += 1 }
            if c == ")" { parens = max(0, parens - 1) }
            text.append(c)
            advance()
        }
        throw unmatched("}", at: start)
    }

    /// Skips to the matching `}` and records the text bash names in `${…}: bad substitution`.
    func badSubstitution(startIndex: Int, start: SourcePosition) throws(SyntaxError) -> ParameterExpansion {
        var braces = 0
        while let c = peekChar() {
            if c == "\\" {
                advance()
                advance()
                continue
            }
            if c == "'" {
                let quoteStart = position
                advance()
                _ = try readSingleQuoted(start: quoteStart)
                continue
            }
            if c == "{" { braces += 1 }
            if c == "}" {
                if braces == 0 {
                    advance()
                    let text = "${" + self.text(from: startIndex, to: index)
                    return ParameterExpansion(name: "", operation: .badSubstitution(text: text))
                }
                braces -= 1
            }
            advance()
        }
        throw unmatched("}", at: start)
    }
}

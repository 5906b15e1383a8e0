/// `$name`, `${…}`, `$(…)`, `$((…))`, `$'…'` and `$"…"`.
extension ParserState {
    static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c)
    }

    static func isNameChar(_ c: Unicode.Scalar) -> Bool {
        isNameStart(c) || ("0"..."9").contains(c)
    }

    static let specialParameters: Set<Unicode.Scalar> = ["?", "#", "@", "*", "$", "!", "-", "0"]

    /// At a `$`: the expansion it starts, or nil when the `$` is literal (the `$` is then not consumed).
    func readDollar(inDoubleQuotes: Bool) throws(SyntaxError) -> WordPart? {
        let start = position
        guard let next = peekChar(1) else { return nil }
        switch next {
        case "'" where !inDoubleQuotes:
            advance()
            advance()
            return .singleQuoted(try readANSIC(start: start))
        case "\"" where !inDoubleQuotes:
            advance()
            let quoteStart = position
            advance()
            return .doubleQuoted(try readDoubleQuoted(start: quoteStart))
        case "{":
            advance()
            advance()
            return .parameter(try readBraced(start: start, inDoubleQuotes: inDoubleQuotes))
        case "(":
            advance()
            advance()
            if peekChar() == "(" {
                advance()
                return .arithmetic(try readArithmetic(start: start))
            }
            return .commandSubstitution(try readCommandSubstitution(start: start))
        default:
            if Self.isNameStart(next) {
                advance()
                var name = String.UnicodeScalarView()
                while let c = peekChar(), Self.isNameChar(c) {
                    name.append(c)
                    advance()
                }
                return .parameter(ParameterExpansion(name: String(name)))
            }
            if ("0"..."9").contains(next) || Self.specialParameters.contains(next) {
                advance()
                advance()
                return .parameter(ParameterExpansion(name: String(Character(next))))
            }
            return nil
        }
    }

    /// After `$(`: a nested command list up to the matching `)`.
    func readCommandSubstitution(start: SourcePosition) throws(SyntaxError) -> CommandList {
        try enter()
        defer { leave() }
        let list: CommandList
        do {
            list = try parseCommandList()
        } catch let error where error.kind == .unexpectedEndOfFile {
            throw unmatched(")", at: start, atEndLine: true)
        }
        let token = try nextToken()
        if token.isEnd { throw unmatched(")", at: start, atEndLine: true) }
        guard token.isOp(")") else { throw unexpected(token) }
        return list
    }

    /// After `$((`: the expression text up to the matching `))`.
    func readArithmetic(start: SourcePosition) throws(SyntaxError) -> String {
        try enter()
        defer { leave() }
        var text = String.UnicodeScalarView()
        var depth = 0
        while let c = peekChar() {
            if try appendQuotedOrExpansion(to: &text) { continue }
            advance()
            if c == "(" {
                depth += 1
            } else if c == ")" {
                if depth == 0 {
                    if peekChar() == ")" {
                        advance()
                        return String(text)
                    }
                } else {
                    depth -= 1
                }
            }
            text.append(c)
        }
        throw unmatched(")", at: start)
    }

    /// At a quote, backquote or `$`: reads it as the word lexer would (so errors match bash's),
    /// appends its source text, and says whether it did.
    func appendQuotedOrExpansion(to text: inout String.UnicodeScalarView) throws(SyntaxError) -> Bool {
        guard let c = peekChar() else { return false }
        let startIndex = index
        let start = position
        switch c {
        case "'":
            advance()
            _ = try readSingleQuoted(start: start)
        case "\"":
            advance()
            _ = try readDoubleQuoted(start: start)
        case "`":
            _ = try readBackquote()
        case "\\":
            advance()
            advance()
        case "$":
            // bash's `$((` scan does not look inside `${`.
            if peekChar(1) == "{" { return false }
            guard try readDollar(inDoubleQuotes: false) != nil else { return false }
        default:
            return false
        }
        text.append(contentsOf: Self.string(chars[startIndex..<index]).unicodeScalars)
        return true
    }

    /// After `$'`: the ANSI-C quoted text, decoded.
    func readANSIC(start: SourcePosition) throws(SyntaxError) -> String {
        var out = String.UnicodeScalarView()
        while let c = advance() {
            if c == "'" { return String(out) }
            guard c == "\\", let e = advance() else {
                out.append(c)
                continue
            }
            switch e {
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "e", "E": out.append("\u{1B}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "v": out.append("\u{0B}")
            case "\\", "'", "\"", "?": out.append(e)
            case "0"..."7":
                var value = Int(e.value - 48)
                var count = 1
                while count < 3, let d = peekChar(), ("0"..."7").contains(d) {
                    value = value * 8 + Int(d.value - 48)
                    advance()
                    count += 1
                }
                out.append(Unicode.Scalar(UInt8(value & 0xFF)))
            case "x", "u", "U":
                let maxDigits = e == "x" ? 2 : (e == "u" ? 4 : 8)
                var value: UInt32 = 0
                var count = 0
                while count < maxDigits, let d = peekChar(), let digit = Self.hexValue(d) {
                    value = value * 16 + digit
                    advance()
                    count += 1
                }
                if count == 0 {
                    out.append("\\")
                    out.append(e)
                } else if e == "x" {
                    out.append(Unicode.Scalar(UInt8(value & 0xFF)))
                } else {
                    out.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                }
            case "c":
                if let control = advance() {
                    out.append(Unicode.Scalar(UInt8(control.value & 0x1F)))
                }
            default:
                out.append("\\")
                out.append(e)
            }
        }
        throw unmatched("'", at: start)
    }

    static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": c.value - 48
        case "a"..."f": c.value - 87
        case "A"..."F": c.value - 55
        default: nil
        }
    }
}

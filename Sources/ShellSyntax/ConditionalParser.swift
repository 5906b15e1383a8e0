/// `[[ … ]]` (kept as words) and `(( … ))` (kept as text).
extension ParserState {
    /// After `[[`: the words up to `]]`. Operators such as `<`, `&&`, `(` are plain words here.
    func parseConditional() throws(SyntaxError) -> [Word] {
        var words: [Word] = []
        while true {
            while let c = peekChar(), c == " " || c == "\t" || c == "\n" || (c == "\\" && peekChar(1) == "\n") {
                advance()
            }
            let start = position
            guard let c = peekChar() else {
                throw SyntaxError(kind: .unexpectedEndOfFile, position: start, line: endOfFileLine)
            }
            for op in ["&&", "||", "(", ")", "<", ">", "!"] where matches(op) && (op != "!" || isBlankOrEnd(peekChar(1))) {
                for _ in op.unicodeScalars { advance() }
                words.append(Word([.literal(op)], position: start))
                break
            }
            if position != start { continue }
            if c == ";" || c == "&" || c == "|" {
                advance()
                throw tokenError(String(Character(c)), start)
            }
            var parens = 0
            let parts = try readParts { c in
                switch c {
                case " ", "\t", "\n": return true
                case "(": parens += 1; return false
                case ")":
                    if parens == 0 { return true }
                    parens -= 1
                    return false
                case "|": return parens == 0
                case ";", "&", "<", ">": return parens == 0
                default: return false
                }
            }
            let word = Word(parts, position: start)
            if word.literalText == "]]" { return words }
            words.append(word)
        }
    }

    func isBlankOrEnd(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return true }
        return c == " " || c == "\t" || c == "\n"
    }

    /// After `(` with another `(` next: the `(( … ))` text, or nil (cursor restored) when the
    /// parentheses do not close as `))`, which makes it nested subshells.
    func parseArithmeticCommand() throws(SyntaxError) -> String? {
        let save = (index, line, column)
        advance()
        var text = String.UnicodeScalarView()
        var depth = 0
        while let c = advance() {
            if c == "(" {
                depth += 1
            } else if c == ")" {
                if depth == 0 {
                    if peekChar() == ")" {
                        advance()
                        return String(text)
                    }
                    break
                }
                depth -= 1
            }
            text.append(c)
        }
        (index, line, column) = save
        return nil
    }
}

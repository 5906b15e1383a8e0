/// Splitting the source into tokens: operators, redirections, newlines and words.
extension ParserState {
    static let operators: [String] = [
        ";;&", "&>>", "<<<", "<<-",
        "&&", "||", "|&", ";;", ";&", "&>", "<<", "<&", "<>", ">>", ">&", ">|",
        "&", "|", ";", "(", ")", "<", ">",
    ]

    static let redirectionOperators: [String: Redirection.Operator] = [
        "<": .input, ">": .output, ">>": .append, ">|": .clobber, "<&": .duplicateInput,
        ">&": .duplicateOutput, "<>": .readWrite, "&>": .outputAndError, "&>>": .appendOutputAndError,
        "<<": .hereDocument, "<<-": .hereDocumentStrippingTabs, "<<<": .hereString,
    ]

    /// Characters that end an unquoted word.
    static func isMetacharacter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case " ", "\t", "\n", "|", "&", ";", "(", ")", "<", ">": true
        default: false
        }
    }

    func peekToken() throws(SyntaxError) -> Token {
        if let lookahead { return lookahead }
        let token = try lexToken()
        lookahead = token
        return token
    }

    @discardableResult
    func nextToken() throws(SyntaxError) -> Token {
        let token = try peekToken()
        lookahead = nil
        return token
    }

    /// Drops the token already peeked.
    func consume() {
        lookahead = nil
    }

    /// Skips blanks, line continuations and a comment.
    func skipBlanks() {
        while let c = peekChar() {
            if c == " " || c == "\t" {
                advance()
            } else if c == "\\", peekChar(1) == "\n" {
                skipContinuations()
            } else if c == "#" {
                while let d = peekChar(), d != "\n" { advance() }
            } else {
                break
            }
        }
    }

    func lexToken() throws(SyntaxError) -> Token {
        skipBlanks()
        let start = position
        guard let c = peekChar() else {
            if !pendingHereDocuments.isEmpty { try readPendingHereDocuments() }
            return Token(kind: .end, text: "", position: start)
        }
        if c == "\n" {
            advance()
            try readPendingHereDocuments()
            return Token(kind: .newline, text: "\n", position: start)
        }
        if let op = matchOperator() {
            for _ in op.unicodeScalars { advance() }
            if let redirection = Self.redirectionOperators[op] {
                return Token(kind: .redirection(fd: nil, op: redirection), text: op, position: start)
            }
            return Token(kind: .op(op), text: op, position: start)
        }
        if let token = lexNumberedRedirection(start: start) { return token }
        let startIndex = index
        let word = try readWord(start: start)
        return Token(kind: .word(word), text: text(from: startIndex, to: index), position: start)
    }

    func matchOperator() -> String? {
        // Most tokens are words: only these characters can start an operator.
        guard let first = peekChar(), Self.operatorStarts.contains(first) else { return nil }
        for op in Self.operators where matches(op) { return op }
        return nil
    }

    static let operatorStarts: Set<Unicode.Scalar> = ["&", "|", ";", "(", ")", "<", ">"]

    func matches(_ text: String) -> Bool {
        var offset = 0
        for scalar in text.unicodeScalars {
            guard peekChar(offset) == scalar else { return false }
            offset += 1
        }
        return true
    }

    /// `2>`, `10>>`, `0<&`: digits glued to a redirection operator.
    func lexNumberedRedirection(start: SourcePosition) -> Token? {
        var offset = 0
        while let d = peekChar(offset), ("0"..."9").contains(d) { offset += 1 }
        guard offset > 0, offset <= 9, let next = peekChar(offset), next == "<" || next == ">" else { return nil }
        let startIndex = index
        let digits = text(from: index, to: index + offset)
        for _ in 0..<offset { advance() }
        guard let op = matchOperator(), let redirection = Self.redirectionOperators[op], !op.hasPrefix("&") else {
            return nil
        }
        for _ in op.unicodeScalars { advance() }
        return Token(kind: .redirection(fd: Int(digits), op: redirection),
                     text: text(from: startIndex, to: index), position: start)
    }
}

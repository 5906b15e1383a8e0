/// `[[ … ]]`: checked against bash's conditional grammar, then kept as words.
extension ParserState {
    /// A token inside `[[ … ]]`.
    struct ConditionalToken {
        enum Kind: Equatable {
            case word
            /// `&&` `||` `(` `)` `<` `>` `;` `&` `|`
            case op(String)
            case newline
            case end
        }

        var kind: Kind
        var word: Word
        var text: String
    }

    static let unaryTestOperators: Set<String> = [
        "-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-p", "-r", "-s", "-t", "-u", "-w", "-x",
        "-G", "-L", "-N", "-O", "-R", "-S", "-n", "-o", "-v", "-z",
    ]
    static let binaryTestOperators: Set<String> = [
        "=", "==", "!=", "=~", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef",
    ]

    /// After `[[`: the words up to `]]`, with `&&`, `(`, `<`… as plain literal words.
    func parseConditional() throws(SyntaxError) -> [Word] {
        var checker = ConditionalChecker(state: self)
        try checker.parse()
        return checker.words
    }

    func lexConditionalToken() throws(SyntaxError) -> ConditionalToken {
        while let c = peekChar(), c == " " || c == "\t" || (c == "\\" && peekChar(1) == "\n") {
            advance()
            if c == "\\" { advance() }
        }
        let start = position
        guard let c = peekChar() else { return ConditionalToken(kind: .end, word: Word([], position: start), text: "EOF") }
        if c == "\n" {
            advance()
            try readPendingHereDocuments()
            return ConditionalToken(kind: .newline, word: Word([], position: start), text: "newline")
        }
        for op in ["&&", "||", ";;&", ";;", ";&", "|&", "(", ")", "<", ">", ";", "&", "|"] where matches(op) {
            for _ in op.unicodeScalars { advance() }
            return ConditionalToken(kind: .op(op), word: Word([.literal(op)], position: start), text: op)
        }
        let startIndex = index
        var parens = 0
        let parts = try readParts { c in
            switch c {
            case " ", "\t", "\n": return true
            case "(": parens += 1; return false
            case ")":
                if parens == 0 { return true }
                parens -= 1
                return false
            case "|", ";", "&", "<", ">": return parens == 0
            default: return false
            }
        }
        return ConditionalToken(kind: .word, word: Word(parts, position: start), text: text(from: startIndex, to: index))
    }
}

/// bash's `cond_expr` grammar (parse.y), used only to report the errors bash reports.
struct ConditionalChecker {
    let state: ParserState
    var words: [Word] = []
    var current: ParserState.ConditionalToken?
    var lastPosition = SourcePosition(line: 1, column: 1)

    init(state: ParserState) {
        self.state = state
    }

    mutating func peek() throws(SyntaxError) -> ParserState.ConditionalToken {
        if let current { return current }
        let token = try state.lexConditionalToken()
        current = token
        lastPosition = token.word.position
        return token
    }

    mutating func take() throws(SyntaxError) -> ParserState.ConditionalToken {
        let token = try peek()
        current = nil
        if token.kind != .end && token.kind != .newline { words.append(token.word) }
        return token
    }

    func isClose(_ token: ParserState.ConditionalToken) -> Bool {
        token.kind == .word && token.word.literalText == "]]"
    }

    /// An error at the token last looked at.
    func error(_ text: String) -> SyntaxError {
        SyntaxError(kind: .conditional(text), position: lastPosition)
    }

    mutating func parse() throws(SyntaxError) {
        try expression()
        let token = try peek()
        guard isClose(token) else {
            if token.kind == .end { throw eof() }
            if token.kind == .word { throw error("syntax error in conditional expression") }
            throw error("syntax error in conditional expression: unexpected token `\(token.text)'")
        }
        current = nil
    }

    /// How bash names a token: the end of input is the line's final newline there.
    static func shown(_ token: ParserState.ConditionalToken) -> String {
        token.kind == .end ? "newline" : token.text
    }

    func eof() -> SyntaxError {
        SyntaxError(kind: .conditionalEndOfFile, position: state.position, line: state.endOfFileLine)
    }

    mutating func expression() throws(SyntaxError) {
        try state.enter()
        defer { state.leave() }
        while true {
            try term()
            let token = try peek()
            guard token.kind == .op("&&") || token.kind == .op("||") else { return }
            _ = try take()
        }
    }

    mutating func skipNewlines() throws(SyntaxError) -> ParserState.ConditionalToken {
        var token = try peek()
        while token.kind == .newline {
            current = nil
            token = try peek()
        }
        return token
    }

    mutating func term() throws(SyntaxError) {
        let token = try skipNewlines()
        if isClose(token) { return }
        switch token.kind {
        case .op("("):
            _ = try take()
            try expression()
            guard try peek().kind == .op(")") else { throw error("expected `)'") }
            _ = try take()
        case .word where token.word.literalText == "!":
            _ = try take()
            try term()
        case .word where ParserState.unaryTestOperators.contains(token.word.literalText ?? ""):
            _ = try take()
            let argument = try peek()
            guard argument.kind == .word, !isClose(argument) else {
                throw error("unexpected argument `\(Self.shown(argument))' to conditional unary operator")
            }
            _ = try take()
        case .word:
            _ = try take()
            let next = try peek()
            if isClose(next) || next.kind == .op("&&") || next.kind == .op("||") || next.kind == .op(")") { return }
            let isBinary = (next.kind == .word && ParserState.binaryTestOperators.contains(next.word.literalText ?? ""))
                || next.kind == .op("<") || next.kind == .op(">")
            if isBinary {
                _ = try take()
                let argument = try peek()
                guard argument.kind == .word, !isClose(argument) else {
                    throw error("unexpected argument `\(Self.shown(argument))' to conditional binary operator")
                }
                _ = try take()
                return
            }
            if next.kind == .word { throw error("conditional binary operator expected") }
            throw error("unexpected token `\(Self.shown(next))', conditional binary operator expected")
        case .end:
            throw eof()
        default:
            throw error("unexpected token `\(token.text)' in conditional command")
        }
    }
}

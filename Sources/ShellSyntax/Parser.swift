/// Parses bash source text into a `Script`.
public enum Parser {
    /// Parses a whole script; the first syntax error stops it.
    public static func parse(_ source: String) throws(SyntaxError) -> Script {
        let state = ParserState(source)
        return Script(body: try state.parseNestedScript())
    }

    /// Parses what bash would run before meeting a syntax error: the complete lines before
    /// the bad one (use `ScriptReader` to interleave parsing and running as bash does).
    public static func parsePrefix(_ source: String) -> (script: Script, error: SyntaxError?) {
        let reader = ScriptReader(source)
        var items: [AndOrList] = []
        do {
            while let line = try reader.next() { items += line.items }
            return (Script(body: CommandList(items)), nil)
        } catch {
            return (Script(body: CommandList(items)), error)
        }
    }

    /// Parses a whole script and also returns bash's parse-time warnings.
    public static func parseWithWarnings(_ source: String) throws(SyntaxError) -> (script: Script, warnings: [SyntaxWarning]) {
        let state = ParserState(source)
        let body = try state.parseNestedScript()
        return (Script(body: body), state.warnings)
    }

    /// True while `source` needs more lines: what makes interactive bash print PS2.
    /// `source` is the lines typed so far joined with `\n`; a trailing `\n` counts as an empty line.
    public static func isIncomplete(_ source: String) -> Bool {
        if ParserState.isPlainLine(source) { return false }
        let state = ParserState(source)
        do {
            _ = try state.parseNestedScript()
        } catch {
            return error.isEndOfInput
        }
        return state.unterminatedHereDocument || state.endsWithContinuation
    }
}

extension ParserState {
    /// A whole input: a list that must reach the end.
    func parseNestedScript() throws(SyntaxError) -> CommandList {
        var list = try parseCommandList()
        let token = try peekToken()
        guard token.isEnd else { throw unexpected(token) }
        attachHereDocuments(&list)
        return list
    }

    /// Commands separated by `;`, `&` and newlines, up to a token that cannot start a command
    /// (`)`, `;;`, a closing reserved word, the end), which is left unread.
    func parseCommandList() throws(SyntaxError) -> CommandList {
        var items: [AndOrList] = []
        while true {
            var token = try peekToken()
            while token.isNewline {
                consume()
                token = try peekToken()
            }
            if token.isEnd { break }
            if case .op(let op) = token.kind, op == ")" || op == ";;" || op == ";&" || op == ";;&" { break }
            if let word = token.literal, closingReservedWords.contains(word) { break }
            var item = try parseAndOr()
            let separator = try peekToken()
            if separator.isOp(";") {
                consume()
            } else if separator.isOp("&") {
                consume()
                item.background = true
            } else if separator.isNewline {
                // consumed at the top of the loop
            } else {
                items.append(item)
                break
            }
            items.append(item)
        }
        return CommandList(items)
    }

    func parseAndOr() throws(SyntaxError) -> AndOrList {
        let first = try parsePipeline()
        var rest: [AndOrLink] = []
        while true {
            let token = try peekToken()
            let op: AndOrLink.Operator
            if token.isOp("&&") {
                op = .and
            } else if token.isOp("||") {
                op = .or
            } else {
                break
            }
            consume()
            try skipNewlines()
            rest.append(AndOrLink(op, try parsePipeline()))
        }
        return AndOrList(first: first, rest: rest)
    }

    func skipNewlines() throws(SyntaxError) {
        while try peekToken().isNewline { consume() }
    }

    func parsePipeline() throws(SyntaxError) -> Pipeline {
        var token = try peekToken()
        let position = token.position
        var negated = false
        var timed = false
        while token.literal == "!" || (token.literal == "time" && !timed && !negated) {
            consume()
            if token.literal == "!" { negated.toggle() } else { timed = true }
            token = try peekToken()
        }
        if negated || timed, Self.endsPipeline(token) {
            // bash accepts a bare `!` or `time`: an empty command, negated or timed.
            let empty = ShellCommand.simple(SimpleCommand(position: token.position))
            return Pipeline(negated: negated, commands: [empty], position: position, timed: timed)
        }
        var commands = [try parseCommand()]
        var pipesStderr: [Bool] = []
        while true {
            let token = try peekToken()
            guard token.isOp("|") || token.isOp("|&") else { break }
            consume()
            pipesStderr.append(token.isOp("|&"))
            try skipNewlines()
            commands.append(try parseCommand())
        }
        return Pipeline(negated: negated, commands: commands, pipesStderr: pipesStderr, position: position, timed: timed)
    }

    /// Tokens after which a bare `!` or `time` is a whole pipeline.
    static func endsPipeline(_ token: Token) -> Bool {
        switch token.kind {
        case .newline, .end: true
        case .op(let op): op == ";" || op == "&"
        default: false
        }
    }

    /// A simple command, a compound command with its redirections, or a function definition.
    func parseCommand() throws(SyntaxError) -> ShellCommand {
        let token = try peekToken()
        try enter()
        defer { leave() }
        switch token.kind {
        case .word:
            if let word = token.literal {
                if let compound = try parseCompound(keyword: word, token: token) {
                    return .compound(compound, redirections: try parseRedirections())
                }
                if word == "function" { return try parseFunctionKeyword() }
                if closingReservedWords.contains(word) || word == "in" || word == "]]" { throw unexpected(token) }
            }
            return try parseSimpleCommand()
        case .redirection:
            return try parseSimpleCommand()
        case .op("("):
            consume()
            if peekChar() == "(", let arithmetic = try parseArithmeticCommand(start: token.position) {
                return .compound(.arithmetic(arithmetic), redirections: try parseRedirections())
            }
            let list = try parseCommandList()
            try expectNonEmpty(list)
            try expectOp(")")
            return .compound(.subshell(list), redirections: try parseRedirections())
        default:
            throw unexpected(token)
        }
    }

    func expectOp(_ op: String) throws(SyntaxError) {
        let token = try nextToken()
        guard token.isOp(op) else { throw unexpected(token) }
    }

    func expectWord(_ word: String) throws(SyntaxError) {
        let token = try nextToken()
        guard token.literal == word else { throw unexpected(token) }
    }

    /// bash rejects an empty list where one is required (`if then`, `( )`).
    func expectNonEmpty(_ list: CommandList) throws(SyntaxError) {
        if list.items.isEmpty { throw unexpected(try peekToken()) }
    }

    /// Redirections after a compound command.
    func parseRedirections() throws(SyntaxError) -> [Redirection] {
        var redirections: [Redirection] = []
        while case .redirection(let fd, let op) = try peekToken().kind {
            let token = try nextToken()
            redirections.append(try parseRedirectionTarget(token: token, fd: fd, op: op))
        }
        return redirections
    }

    func parseRedirectionTarget(token: Token, fd: Int?, op: Redirection.Operator) throws(SyntaxError) -> Redirection {
        var target = try nextToken()
        // bash lexes `12>` as a number token; after `>&`/`<&` the number is the target (`2>&12>&1`).
        if case .redirection(let number?, let nextOp) = target.kind, op == .duplicateOutput || op == .duplicateInput {
            let digits = String(number)
            let opPosition = SourcePosition(line: target.position.line, column: target.position.column + digits.count)
            lookahead = Token(kind: .redirection(fd: nil, op: nextOp), text: nextOp.rawValue, position: opPosition)
            target = Token(kind: .word(Word([.literal(digits)], position: target.position)), text: digits, position: target.position)
        }
        guard let word = target.word else { throw unexpectedOnLine(target) }
        if op == .hereDocument || op == .hereDocumentStrippingTabs {
            registerHereDocument(key: token.position, delimiterWord: word,
                                 stripTabs: op == .hereDocumentStrippingTabs, rawText: target.text)
        }
        return Redirection(fd: fd, op: op, target: word, position: token.position)
    }

    /// Reserved words that open or continue a compound command.
    private static let reservedWords: Set<Substring> = [
        "if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for",
        "select", "function", "in", "!", "time", "coproc",
    ]

    /// One line of plain words and simple operators, not ending in `|` or `&`: complete
    /// without a parse (the REPL asks this for every line, and most lines are like this).
    /// Anything that could open a construct (quotes, brackets, `\\`, `<<`, `#`, reserved
    /// words) says no, and the parser decides.
    static func isPlainLine(_ source: String) -> Bool {
        var previous: UInt8 = 0
        var lastSignificant: UInt8 = 0
        for byte in source.utf8 {
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "\\"),
                 UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "#"):
                return false
            case UInt8(ascii: "<") where previous == UInt8(ascii: "<"):
                return false
            default:
                break
            }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { lastSignificant = byte }
            previous = byte
        }
        if lastSignificant == UInt8(ascii: "|") || lastSignificant == UInt8(ascii: "&") { return false }
        let words = source.utf8.split { ";|&<> \t".utf8.contains($0) }
        return !words.contains { reservedWords.contains(Substring($0)) }
    }
}

/// Simple commands: assignments, words and redirections; and `name() …` function definitions.
extension ParserState {
    func parseSimpleCommand() throws(SyntaxError) -> ShellCommand {
        let start = try peekToken().position
        var command = SimpleCommand(position: start)
        while true {
            let token = try peekToken()
            switch token.kind {
            case .redirection(let fd, let op):
                consume()
                command.redirections.append(try parseRedirectionTarget(token: token, fd: fd, op: op))
            case .word(let word):
                consume()
                if command.words.isEmpty, let assignment = Self.assignment(from: word) {
                    command.assignments.append(assignment)
                    continue
                }
                // bash takes any first word followed by `(` as a function definition.
                if command.words.isEmpty, command.assignments.isEmpty, command.redirections.isEmpty,
                   try peekToken().isOp("(") {
                    return try parseFunctionBody(name: Self.quoteRemoved(word.parts))
                }
                command.words.append(Self.withTilde(word, assignmentLike: Self.looksLikeAssignment(word)))
            default:
                return .simple(command)
            }
        }
    }

    /// After `name`: `()` then a compound command.
    func parseFunctionBody(name: String) throws(SyntaxError) -> ShellCommand {
        try expectOp("(")
        let close = try nextToken()
        guard close.isOp(")") else {
            // bash reads `name (` as the start of a definition: at the end it wants `)`.
            throw unexpectedOnLine(close)
        }
        try skipNewlines()
        let token = try peekToken()
        if let word = token.literal, let compound = try parseCompound(keyword: word, token: token) {
            let body = ShellCommand.compound(compound, redirections: try parseRedirections())
            return .function(FunctionDefinition(name: name, body: body))
        }
        if token.isOp("(") {
            let body = try parseCommand()
            return .function(FunctionDefinition(name: name, body: body))
        }
        throw unexpected(token)
    }

    /// `function name [()] compound-command`
    func parseFunctionKeyword() throws(SyntaxError) -> ShellCommand {
        consume()
        let nameToken = try nextToken()
        guard let word = nameToken.word else { throw unexpectedOnLine(nameToken) }
        let name = Self.quoteRemoved(word.parts)
        if try peekToken().isOp("("), peekChar() == ")" {
            return try parseFunctionBody(name: name)
        }
        try skipNewlines()
        let token = try peekToken()
        if let keyword = token.literal, let compound = try parseCompound(keyword: keyword, token: token) {
            let body = ShellCommand.compound(compound, redirections: try parseRedirections())
            return .function(FunctionDefinition(name: name, body: body))
        }
        if token.isOp("(") {
            return .function(FunctionDefinition(name: name, body: try parseCommand()))
        }
        throw unexpected(token)
    }

    /// `NAME=value` / `NAME+=value` when the word starts with an unquoted valid name and `=`.
    static func assignment(from word: Word) -> Assignment? {
        guard let split = splitAssignment(word) else { return nil }
        let value = withTilde(Word(split.value, position: word.position), assignmentLike: true, afterEquals: true)
        return Assignment(name: split.name, value: value, append: split.append)
    }

    static func looksLikeAssignment(_ word: Word) -> Bool { splitAssignment(word) != nil }

    static func splitAssignment(_ word: Word) -> (name: String, append: Bool, value: [WordPart])? {
        guard case .literal(let text)? = word.parts.first, let equals = text.firstIndex(of: "=") else { return nil }
        var name = text[..<equals]
        var append = false
        if name.hasSuffix("+") {
            append = true
            name = name.dropLast()
        }
        guard let first = name.unicodeScalars.first, isNameStart(first),
              name.unicodeScalars.allSatisfy(isNameChar) else { return nil }
        let rest = String(text[text.index(after: equals)...])
        var value = Array(word.parts.dropFirst())
        if !rest.isEmpty { value.insert(.literal(rest), at: 0) }
        return (String(name), append, value)
    }
}

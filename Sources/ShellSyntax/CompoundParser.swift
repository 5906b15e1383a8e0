/// Compound commands: `if`, `for`, `while`/`until`, `case`, `{ … }`, `[[ … ]]`.
extension ParserState {
    /// The compound command `keyword` starts, or nil when it starts none.
    func parseCompound(keyword: String, token: Token) throws(SyntaxError) -> CompoundCommand? {
        switch keyword {
        case "if": consume(); return .ifClause(try parseIf())
        case "while", "until":
            consume()
            let condition = try parseRequiredList()
            try expectWord("do")
            let body = try parseRequiredList()
            try expectWord("done")
            return .whileLoop(condition: condition, body: body, until: keyword == "until")
        case "for": consume(); return try parseFor()
        case "case": consume(); return try parseCase()
        case "{":
            consume()
            let body = try parseRequiredList()
            try expectWord("}")
            return .braceGroup(body)
        case "[[": consume(); return .conditional(try parseConditional())
        default: return nil
        }
    }

    func parseRequiredList() throws(SyntaxError) -> CommandList {
        try enter()
        defer { leave() }
        let list = try parseCommandList()
        try expectNonEmpty(list)
        return list
    }

    func parseIf() throws(SyntaxError) -> IfClause {
        var branches: [IfClause.Branch] = []
        var elseBody: CommandList?
        while true {
            let condition = try parseRequiredList()
            try expectWord("then")
            let body = try parseRequiredList()
            branches.append(IfClause.Branch(condition: condition, body: body))
            let token = try nextToken()
            switch token.literal {
            case "elif": continue
            case "else":
                elseBody = try parseRequiredList()
                try expectWord("fi")
            case "fi": break
            default: throw unexpected(token)
            }
            return IfClause(branches: branches, elseBody: elseBody)
        }
    }

    func parseFor() throws(SyntaxError) -> CompoundCommand {
        let nameToken = try nextToken()
        guard let word = nameToken.word else { throw unexpectedOnLine(nameToken) }
        let variable = Self.quoteRemoved(word.parts)
        var words: [Word]?
        var token = try peekToken()
        if token.isOp(";") {
            consume()
        } else {
            try skipNewlines()
            token = try peekToken()
            if token.literal == "in" {
                consume()
                var list: [Word] = []
                while true {
                    let next = try peekToken()
                    guard let item = next.word else { break }
                    consume()
                    list.append(Self.withTilde(item, assignmentLike: Self.looksLikeAssignment(item)))
                }
                words = list
                let end = try nextToken()
                guard end.isOp(";") || end.isNewline else { throw unexpected(end) }
            }
        }
        try skipNewlines()
        try expectWord("do")
        let body = try parseRequiredList()
        try expectWord("done")
        return .forLoop(variable: variable, words: words, body: body)
    }

    func parseCase() throws(SyntaxError) -> CompoundCommand {
        let subjectToken = try nextToken()
        guard let subject = subjectToken.word else { throw unexpectedOnLine(subjectToken) }
        try skipNewlines()
        try expectWord("in")
        var items: [CaseItem] = []
        while true {
            try skipNewlines()
            var token = try nextToken()
            if token.literal == "esac" { break }
            if token.isEnd { throw unexpected(token) }
            if token.isOp("(") { token = try nextToken() }
            var patterns: [Word] = []
            while true {
                guard let pattern = token.word else { throw unexpectedOnLine(token) }
                patterns.append(Self.withTilde(pattern, assignmentLike: false))
                let separator = try nextToken()
                if separator.isOp(")") { break }
                guard separator.isOp("|") else { throw unexpectedOnLine(separator) }
                token = try nextToken()
            }
            try enter()
            let body = try parseCommandList()
            leave()
            let end = try nextToken()
            switch end.kind {
            case .op(";;"): items.append(CaseItem(patterns: patterns, body: body, terminator: .break))
            case .op(";&"): items.append(CaseItem(patterns: patterns, body: body, terminator: .fallThrough))
            case .op(";;&"): items.append(CaseItem(patterns: patterns, body: body, terminator: .testNext))
            default:
                guard end.literal == "esac" else { throw unexpected(end) }
                items.append(CaseItem(patterns: patterns, body: body))
                return .caseClause(subject: subject, items: items)
            }
        }
        return .caseClause(subject: subject, items: items)
    }
}

extension ParserState {
    /// After `(` with another `(` next: the `(( … ))` text, or nil (cursor restored) when the
    /// parentheses do not close as `))`, which makes it nested subshells.
    func parseArithmeticCommand(start: SourcePosition) throws(SyntaxError) -> String? {
        try enter()
        defer { leave() }
        let save = (index, line, column)
        advance()
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
                    break
                }
                depth -= 1
            }
            text.append(c)
        }
        if atEnd { throw unmatched(")", at: start, atEndLine: true) }
        try spend(index - save.0)
        (index, line, column) = save
        return nil
    }
}

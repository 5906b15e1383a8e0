/// Here-documents: bodies are read after the newline that ends the command line, then
/// attached to their redirections (matched by the `<<` operator's position).
extension ParserState {
    /// Records a `<<DELIM` whose body starts after the next newline.
    func registerHereDocument(key: SourcePosition, delimiterWord: Word, stripTabs: Bool, rawText: String) {
        let quoted = rawText.contains(where: { $0 == "'" || $0 == "\"" || $0 == "\\" })
        pendingHereDocuments.append(PendingHereDocument(
            key: key, delimiter: Self.quoteRemoved(delimiterWord.parts), stripTabs: stripTabs, quoted: quoted))
    }

    /// The delimiter as bash compares it: quotes removed, nothing expanded.
    static func quoteRemoved(_ parts: [WordPart]) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let s), .singleQuoted(let s), .escaped(let s): out += s
            case .doubleQuoted(let inner): out += quoteRemoved(inner)
            case .parameter(let p): out += "$" + p.name
            case .tilde(let user): out += "~" + user
            case .arithmetic(let text): out += "$((" + text + "))"
            case .commandSubstitution: out += "$()"
            }
        }
        return out
    }

    /// Reads the bodies of all pending here-documents, one after the other, from the cursor.
    func readPendingHereDocuments() throws(SyntaxError) {
        let pending = pendingHereDocuments
        pendingHereDocuments = []
        for doc in pending {
            let bodyLine = line
            var body: [Unicode.Scalar] = []
            var found = false
            while !atEnd {
                var lineText: [Unicode.Scalar] = []
                while let c = peekChar() {
                    if c == "\n" {
                        // Unquoted: `\<newline>` joins lines, before the delimiter check.
                        guard !doc.quoted, Self.endsWithEscapingBackslash(lineText) else { break }
                        lineText.removeLast()
                        advance()
                        continue
                    }
                    lineText.append(c)
                    advance()
                }
                advance()
                var content = lineText[...]
                if doc.stripTabs {
                    while content.first == "\t" { content.removeFirst() }
                }
                if content.elementsEqual(doc.delimiter.unicodeScalars) {
                    found = true
                    break
                }
                body.append(contentsOf: content)
                body.append("\n")
            }
            if !found {
                unterminatedHereDocument = true
                warnings.append(SyntaxWarning(
                    line: linesRead,
                    message: "here-document at line \(doc.key.line) delimited by end-of-file (wanted `\(doc.delimiter)')"))
            }
            let text = Self.string(body[...])
            if doc.quoted {
                hereDocumentBodies[doc.key] = HereDocument(body: text.isEmpty ? [] : [.literal(text)], expands: false)
            } else {
                try enter()
                defer { leave() }
                let nested = ParserState(text, line: bodyLine, column: 1, depth: depth, work: work)
                let parts = try nested.readQuotedContent(mode: .hereDocument)
                hereDocumentBodies[doc.key] = HereDocument(body: parts, expands: true)
            }
        }
    }

    /// True when the line ends with an odd run of backslashes (the last one escapes the newline).
    static func endsWithEscapingBackslash(_ text: [Unicode.Scalar]) -> Bool {
        var count = 0
        for c in text.reversed() {
            guard c == "\\" else { break }
            count += 1
        }
        return count % 2 == 1
    }

    /// How many lines bash has read at the end of the input (a last line without newline counts).
    var linesRead: Int {
        let newlines = chars.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        return newlines + (chars.last == "\n" || chars.isEmpty ? 0 : 1)
    }

    /// Puts the bodies read so far into the here-document redirections of `list`.
    func attachHereDocuments(_ list: inout CommandList) {
        guard !hereDocumentBodies.isEmpty else { return }
        var filler = HereDocumentFiller(bodies: hereDocumentBodies)
        filler.fill(&list)
    }
}

/// Walks a tree and fills `Redirection.hereDocument` from bodies keyed by position.
struct HereDocumentFiller {
    var bodies: [SourcePosition: HereDocument]

    mutating func fill(_ list: inout CommandList) {
        for i in list.items.indices {
            fill(&list.items[i].first)
            for j in list.items[i].rest.indices { fill(&list.items[i].rest[j].pipeline) }
        }
    }

    mutating func fill(_ pipeline: inout Pipeline) {
        for i in pipeline.commands.indices { fill(&pipeline.commands[i]) }
    }

    mutating func fill(_ command: inout ShellCommand) {
        switch command {
        case .simple(var simple):
            for i in simple.redirections.indices { fill(&simple.redirections[i]) }
            for i in simple.words.indices { fill(&simple.words[i]) }
            for i in simple.assignments.indices { fill(&simple.assignments[i].value) }
            command = .simple(simple)
        case .compound(var compound, var redirections):
            for i in redirections.indices { fill(&redirections[i]) }
            fill(&compound)
            command = .compound(compound, redirections: redirections)
        case .function(var definition):
            fill(&definition.body)
            command = .function(definition)
        }
    }

    mutating func fill(_ compound: inout CompoundCommand) {
        switch compound {
        case .braceGroup(var list):
            fill(&list)
            compound = .braceGroup(list)
        case .subshell(var list):
            fill(&list)
            compound = .subshell(list)
        case .ifClause(var clause):
            for i in clause.branches.indices {
                fill(&clause.branches[i].condition)
                fill(&clause.branches[i].body)
            }
            if var elseBody = clause.elseBody {
                fill(&elseBody)
                clause.elseBody = elseBody
            }
            compound = .ifClause(clause)
        case .whileLoop(var condition, var body, let until):
            fill(&condition)
            fill(&body)
            compound = .whileLoop(condition: condition, body: body, until: until)
        case .forLoop(let variable, var words, var body):
            if var list = words {
                for i in list.indices { fill(&list[i]) }
                words = list
            }
            fill(&body)
            compound = .forLoop(variable: variable, words: words, body: body)
        case .caseClause(var subject, var items):
            fill(&subject)
            for i in items.indices { fill(&items[i].body) }
            compound = .caseClause(subject: subject, items: items)
        case .conditional(var words):
            for i in words.indices { fill(&words[i]) }
            compound = .conditional(words)
        case .arithmetic:
            break
        }
    }

    mutating func fill(_ redirection: inout Redirection) {
        if redirection.hereDocument == nil, let body = bodies[redirection.position],
           redirection.op == .hereDocument || redirection.op == .hereDocumentStrippingTabs {
            redirection.hereDocument = body
        }
        fill(&redirection.target)
    }

    mutating func fill(_ word: inout Word) {
        for i in word.parts.indices { fill(&word.parts[i]) }
    }

    mutating func fill(_ part: inout WordPart) {
        switch part {
        case .doubleQuoted(var inner):
            for i in inner.indices { fill(&inner[i]) }
            part = .doubleQuoted(inner)
        case .commandSubstitution(var list):
            fill(&list)
            part = .commandSubstitution(list)
        case .parameter(var expansion):
            fill(&expansion)
            part = .parameter(expansion)
        case .literal, .singleQuoted, .escaped, .arithmetic, .tilde:
            break
        }
    }

    mutating func fill(_ expansion: inout ParameterExpansion) {
        guard let operation = expansion.operation else { return }
        switch operation {
        case .useDefault(var w, let colon):
            fill(&w)
            expansion.operation = .useDefault(w, colon: colon)
        case .assignDefault(var w, let colon):
            fill(&w)
            expansion.operation = .assignDefault(w, colon: colon)
        case .errorIfUnset(var w, let colon):
            fill(&w)
            expansion.operation = .errorIfUnset(w, colon: colon)
        case .useAlternative(var w, let colon):
            fill(&w)
            expansion.operation = .useAlternative(w, colon: colon)
        case .removePrefix(var w, let longest):
            fill(&w)
            expansion.operation = .removePrefix(w, longest: longest)
        case .removeSuffix(var w, let longest):
            fill(&w)
            expansion.operation = .removeSuffix(w, longest: longest)
        case .replace(var pattern, var with, let all):
            fill(&pattern)
            fill(&with)
            expansion.operation = .replace(pattern: pattern, with: with, all: all)
        case .replaceAnchored(var pattern, var with, let atEnd):
            fill(&pattern)
            fill(&with)
            expansion.operation = .replaceAnchored(pattern: pattern, with: with, atEnd: atEnd)
        case .length, .substring, .changeCase, .badSubstitution, .indirect:
            break
        }
    }
}

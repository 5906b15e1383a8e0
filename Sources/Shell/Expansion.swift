import ShellSyntax

/// One character of an expanded word, remembering whether quoting protects it from field
/// splitting and globbing, plus markers that shape fields.
enum ExpansionUnit: Equatable {
    /// `split`: the character came from an unquoted expansion, so IFS may split there.
    case char(Character, quoted: Bool, split: Bool)
    /// Keeps the field even when empty (`""`, `''`, `"$x"`).
    case keep
    /// Ends the field here (between the words of `"$@"`).
    case fieldBreak
}

extension Shell {
    /// Expands words into fields: every expansion, field splitting, globbing, quote removal.
    func expandWords(_ words: [Word], io: IOContext) throws(ControlFlow) -> [String] {
        var result: [String] = []
        for word in words {
            for braced in Self.braceExpand(word) { result += try expandWord(braced, io: io) }
        }
        return result
    }

    func expandWord(_ word: Word, io: IOContext) throws(ControlFlow) -> [String] {
        if let (text, quoted) = Self.plainText(word.parts) { return text.isEmpty && !quoted ? [] : [text] }
        var units: [ExpansionUnit] = []
        try expandParts(word.parts, quoted: false, into: &units, io: io)
        var result: [String] = []
        for field in splitFields(units) {
            if !state.options.noglob, Pattern.hasWildcards(field), let matches = glob(field), !matches.isEmpty {
                result += matches
            } else {
                result.append(Self.text(of: field))
            }
        }
        return result
    }

    /// Expands a word to one string without splitting or globbing (assignments, `case` subjects,
    /// here-strings, `[[ ]]` operands).
    func expandToString(_ word: Word, io: IOContext) throws(ControlFlow) -> String {
        if let (text, _) = Self.plainText(word.parts) { return text }
        var units: [ExpansionUnit] = []
        try expandParts(word.parts, quoted: false, into: &units, io: io)
        return Self.text(of: units, breakWith: " ")
    }

    /// Expands a word into a pattern: quoted characters match themselves.
    func expandToPattern(_ word: Word, io: IOContext) throws(ControlFlow) -> Pattern {
        var units: [ExpansionUnit] = []
        try expandParts(word.parts, quoted: false, into: &units, io: io)
        return Pattern(units)
    }

    /// A word with nothing to expand (`echo`, `'a b'`, `"x y"`, `/host/agent`): its text, and
    /// whether it was quoted (a quoted empty word is still a field). Nil when the word needs
    /// the character-by-character way: an expansion, or an unquoted glob character. Most words
    /// are plain, and expanding them a character at a time was most of a container's start.
    static func plainText(_ parts: [WordPart]) -> (String, Bool)? {
        var text = ""
        var quoted = false
        for part in parts {
            switch part {
            case .literal(let literal):
                if literal.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") }) {
                    return nil
                }
                text += literal
            case .singleQuoted(let literal), .escaped(let literal):
                quoted = true
                text += literal
            case .doubleQuoted(let inner):
                quoted = true
                for innerPart in inner {
                    switch innerPart {
                    case .literal(let literal), .singleQuoted(let literal), .escaped(let literal): text += literal
                    default: return nil
                    }
                }
            default:
                return nil
            }
        }
        return (text, quoted)
    }

    static func text(of units: [ExpansionUnit], breakWith separator: String = "") -> String {
        var text = ""
        for unit in units {
            switch unit {
            case .char(let c, _, _): text.append(c)
            case .keep: break
            case .fieldBreak: text += separator
            }
        }
        return text
    }

    func expandParts(_ parts: [WordPart], quoted: Bool, into units: inout [ExpansionUnit], io: IOContext) throws(ControlFlow) {
        for part in parts {
            switch part {
            case .literal(let text):
                for c in text { units.append(.char(c, quoted: quoted, split: false)) }
            case .singleQuoted(let text), .escaped(let text):
                units.append(.keep)
                for c in text { units.append(.char(c, quoted: true, split: false)) }
            case .doubleQuoted(let inner):
                var innerUnits: [ExpansionUnit] = []
                try expandParts(inner, quoted: true, into: &innerUnits, io: io)
                let allAt = inner.contains { if case .parameter(let p) = $0, p.name == "@" { true } else { false } }
                if !(innerUnits.isEmpty && allAt) { units.append(.keep) }
                units += innerUnits
            case .parameter(let parameter):
                try expandParameter(parameter, quoted: quoted, into: &units, io: io)
            case .commandSubstitution(let list):
                let output = try commandSubstitution(list, io: io)
                Self.append(output, quoted: quoted, to: &units)
            case .arithmetic(let text):
                let value = try evaluateArithmetic(text, io: io)
                Self.append(String(value), quoted: quoted, to: &units)
            case .tilde(let user):
                let home = homeDirectory(user)
                units.append(.keep)
                for c in home { units.append(.char(c, quoted: true, split: false)) }
            }
        }
    }

    /// Appends an expansion's result: unquoted, it may be split and globbed.
    static func append(_ text: String, quoted: Bool, to units: inout [ExpansionUnit]) {
        for c in text { units.append(.char(c, quoted: quoted, split: !quoted)) }
    }

    func homeDirectory(_ user: String) -> String {
        if user.isEmpty { return state.variables["HOME"]?.value ?? "/root" }
        if user == "+" { return state.workingDirectory }
        if user == "-" { return state.variables["OLDPWD"]?.value ?? "~-" }
        guard let passwd = try? fileSystem.readText("/etc/passwd") else { return "~" + user }
        for line in passwd.split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            if fields.count >= 6, fields[0] == user { return String(fields[5]) }
        }
        return "~" + user
    }

    /// `$( … )`: runs the list in a subshell and returns its output without trailing newlines.
    func commandSubstitution(_ list: CommandList, io: IOContext) throws(ControlFlow) -> String {
        guard budget.depth < Budget.maxDepth else {
            shellError("command substitution: nesting too deep", io: io)
            throw .abortLine(1)
        }
        budget.depth += 1
        defer { budget.depth -= 1 }
        let capture = CaptureBuffer()
        var inner = io
        inner.fds[1] = .output(capture.sink, terminal: false)
        let status = try runSubshell(io: inner) { shell, io throws(ControlFlow) in try shell.runList(list, io: io) }
        state.lastStatus = status
        var bytes = capture.bytes
        while bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        bytes.removeAll { $0 == 0 }
        return String(decoding: bytes, as: UTF8.self)
    }
}

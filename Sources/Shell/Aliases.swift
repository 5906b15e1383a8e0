import ShellSyntax

extension Shell {
    enum AliasResult {
        case command(SimpleCommand)
        /// The alias was not a simple command; it ran as text and this is its status.
        case status(Int32)
    }

    /// Replaces the first word by its alias (and the next word too when the alias ends in a
    /// blank), as bash does when reading an interactive line.
    func expandAlias(_ command: SimpleCommand, io: IOContext) throws(ControlFlow) -> AliasResult? {
        guard let first = command.words.first?.literalText, let value = lineAliases[first] else { return nil }
        var seen: Set<String> = [first]
        var current = command
        var replacement = value
        var wordIndex = 0
        while true {
            guard let script = try? Parser.parse(replacement),
                  script.body.items.count == 1, let item = script.body.items.first,
                  item.rest.isEmpty, !item.background, item.first.commands.count == 1, !item.first.negated,
                  case .simple(let aliasCommand)? = item.first.commands.first else {
                // A compound alias (`a; b`, `x | y`): run its text followed by the words, quoted.
                let rest = try expandWords(Array(current.words.dropFirst(wordIndex + 1)), io: io)
                let text = replacement + " " + rest.map(Self.shellQuote).joined(separator: " ")
                return .status(try withRedirections(current.redirections, io: io) { io throws(ControlFlow) in
                    try runText(text, io: io, context: nil)
                })
            }
            var words = current.words
            words.replaceSubrange(wordIndex...wordIndex, with: aliasCommand.words)
            current.words = words
            current.assignments += aliasCommand.assignments
            current.redirections = aliasCommand.redirections + current.redirections
            let nextIndex = wordIndex + aliasCommand.words.count
            guard replacement.last == " " || replacement.last == "\t", nextIndex < words.count,
                  let next = words[nextIndex].literalText, !seen.contains(next), let nextValue = lineAliases[next] else {
                // The first word of the replacement may itself be an alias (`alias ll='ls -l'`, `ls` aliased).
                if wordIndex == 0, let head = current.words.first?.literalText, !seen.contains(head), let headValue = lineAliases[head] {
                    seen.insert(head)
                    replacement = headValue
                    continue
                }
                return .command(current)
            }
            seen.insert(next)
            replacement = nextValue
            wordIndex = nextIndex
        }
    }
}

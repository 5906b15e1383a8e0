/// Reads a script one top-level line at a time, the way bash does: bash parses a line (with
/// any here-document bodies and continuation lines it needs), runs it, then parses the next,
/// so commands before a syntax error run and its message comes after their output.
public final class ScriptReader {
    private let state: ParserState
    private var failed = false

    public init(_ source: String) {
        state = ParserState(source)
    }

    /// The next complete command line, nil at the end; throws the first syntax error (then stays at the end).
    public func next() throws(SyntaxError) -> CommandList? {
        guard !failed else { return nil }
        do {
            return try state.parseTopLevelLine()
        } catch {
            failed = true
            throw error
        }
    }

    /// Warnings found since the last call (bash prints them when it reads that line).
    public func takeWarnings() -> [SyntaxWarning] {
        defer { state.warnings = [] }
        return state.warnings
    }
}

extension ParserState {
    /// One line's list: and-or lists up to an unquoted newline (or the end), nil at the end.
    func parseTopLevelLine() throws(SyntaxError) -> CommandList? {
        while try peekToken().isNewline { consume() }
        if try peekToken().isEnd { return nil }
        var items: [AndOrList] = []
        while true {
            var item = try parseAndOr()
            var separator = try nextToken()
            if separator.isOp(";") || separator.isOp("&") {
                item.background = separator.isOp("&")
                items.append(item)
                separator = try peekToken()
                if separator.isNewline || separator.isEnd {
                    consume()
                    break
                }
                continue
            }
            items.append(item)
            if separator.isNewline || separator.isEnd { break }
            throw unexpected(separator)
        }
        var list = CommandList(items)
        attachHereDocuments(&list)
        return list
    }
}

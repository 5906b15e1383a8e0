/// The cursor over the source and everything the lexer and parser share while reading it.
final class ParserState {
    /// How deep `$(`, `(`, `{`, `if`… may nest before parsing stops with an error.
    static let maxDepth = 200

    struct PendingHereDocument {
        var key: SourcePosition
        var delimiter: String
        var stripTabs: Bool
        var quoted: Bool
    }

    let chars: [Unicode.Scalar]
    var index = 0
    var line: Int
    var column: Int
    var depth: Int
    var lookahead: Token?
    var pendingHereDocuments: [PendingHereDocument] = []
    var hereDocumentBodies: [SourcePosition: HereDocument] = [:]
    /// A here-document ran to the end of the input without its delimiter line.
    var unterminatedHereDocument = false
    /// The input ends with `\`: bash would read another line.
    var endsWithContinuation = false
    /// Warnings met so far (a here-document ended by the end of input).
    var warnings: [SyntaxWarning] = []

    /// Work done so far, shared with nested states (backquotes, here-document bodies).
    let work: WorkCounter
    let budget: Int

    init(_ source: String, line: Int = 1, column: Int = 1, depth: Int = 0, work: WorkCounter? = nil) {
        chars = Array(source.unicodeScalars)
        self.work = work ?? WorkCounter()
        budget = 50 * chars.count + 100_000
        self.line = line
        self.column = column
        self.depth = depth
    }

    var position: SourcePosition { SourcePosition(line: line, column: column) }
    var atEnd: Bool { index >= chars.count }

    func peekChar(_ offset: Int = 0) -> Unicode.Scalar? {
        let at = index + offset
        return at < chars.count ? chars[at] : nil
    }

    @discardableResult
    func advance() -> Unicode.Scalar? {
        guard index < chars.count else { return nil }
        let c = chars[index]
        index += 1
        if c == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        return c
    }

    /// Skips `\<newline>` pairs (line continuations) at the cursor.
    func skipContinuations() {
        while peekChar() == "\\", peekChar(1) == "\n" {
            advance()
            advance()
        }
    }

    func text(from start: Int, to end: Int) -> String {
        guard start < end, start < chars.count else { return "" }
        return Self.string(chars[start..<min(end, chars.count)])
    }

    /// Scalars as a String, through UTF-8 (appending a sequence to a UnicodeScalarView goes
    /// through replaceSubrange, which made parsing a third of a script's run time).
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII {
                bytes.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The source line containing `position` (for bash's quoted second error line).
    func sourceLine(_ lineNumber: Int) -> String {
        var current = 1
        var start = 0
        var i = 0
        while i < chars.count, current < lineNumber {
            if chars[i] == "\n" {
                current += 1
                start = i + 1
            }
            i += 1
        }
        var end = start
        while end < chars.count, chars[end] != "\n" { end += 1 }
        return text(from: start, to: end)
    }

    /// The line bash names for an error found at the end of the input.
    var endOfFileLine: Int {
        let newlines = chars.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        return newlines + (chars.last == "\n" ? 1 : 2)
    }

    // MARK: errors

    func unexpected(_ token: Token) -> SyntaxError {
        switch token.kind {
        case .end:
            return SyntaxError(kind: .unexpectedEndOfFile, position: token.position, line: endOfFileLine)
        case .newline:
            return tokenError("newline", token.position)
        case .redirection(let fd?, _):
            // bash's number token: `2` of `2>`.
            return tokenError(String(fd), token.position)
        default:
            return tokenError(token.text, token.position)
        }
    }

    /// Where bash wants a word on the same line: the end of input is the line's newline there.
    func unexpectedOnLine(_ token: Token) -> SyntaxError {
        token.isEnd ? tokenError("newline", token.position) : unexpected(token)
    }

    func tokenError(_ text: String, _ position: SourcePosition) -> SyntaxError {
        SyntaxError(kind: .unexpectedToken(text), position: position, sourceLine: sourceLine(position.line))
    }

    func unmatched(_ opener: String, at position: SourcePosition, atEndLine: Bool = false) -> SyntaxError {
        SyntaxError(kind: .unmatched(opener), position: position, line: atEndLine ? endOfFileLine : position.line)
    }

    /// Enters one nesting level; throws when too deep or when the work budget is spent.
    func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maxDepth {
            throw SyntaxError(kind: .nestingTooDeep, position: position)
        }
        try spend(1)
    }

    /// Counts parsing work; `((` re-read as subshells could otherwise take exponential time.
    func spend(_ amount: Int) throws(SyntaxError) {
        work.value += amount
        if work.value > budget {
            throw SyntaxError(kind: .nestingTooDeep, position: position)
        }
    }

    func leave() { depth -= 1 }
}

/// A shared count of parsing work.
final class WorkCounter {
    var value = 0
}

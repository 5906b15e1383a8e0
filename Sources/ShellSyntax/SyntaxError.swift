/// A parse failure, worded as bash 5.2 words it (without the `bash: ` / `bash: line N: ` prefix).
public struct SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// `syntax error near unexpected token `X'` (`X` is `newline` for an end of line).
        case unexpectedToken(String)
        /// `syntax error: unexpected end of file`: a construct was still open at the end.
        case unexpectedEndOfFile
        /// `unexpected EOF while looking for matching `X'`: an open quote, `$(`, `` ` `` or `${`.
        case unmatched(String)
        /// An error inside `[[ … ]]`, worded in full (`conditional binary operator expected`, …).
        case conditional(String)
        /// `unexpected token `EOF' in conditional command`: the input ended inside `[[`.
        case conditionalEndOfFile
        /// Nesting deeper than the parser allows (bash has no such limit; it would exhaust memory).
        case nestingTooDeep
    }

    public var kind: Kind
    /// Where the error was detected.
    public var position: SourcePosition
    /// The line number bash puts in its `line N:` prefix (for end-of-file errors, the line after the last).
    public var line: Int
    /// The offending source line that non-interactive bash quotes on a second line
    /// (`` bash: -c: line 1: `echo a | | b' ``); nil for errors where bash quotes nothing.
    public var sourceLine: String?

    public init(kind: Kind, position: SourcePosition, line: Int? = nil, sourceLine: String? = nil) {
        self.kind = kind
        self.position = position
        self.line = line ?? position.line
        self.sourceLine = sourceLine
    }

    /// The message without any prefix.
    public var message: String {
        switch kind {
        case .unexpectedToken(let token): "syntax error near unexpected token `\(token)'"
        case .unexpectedEndOfFile: "syntax error: unexpected end of file"
        case .unmatched(let opener): "unexpected EOF while looking for matching `\(opener)'"
        case .conditional(let text): text
        case .conditionalEndOfFile: "unexpected token `EOF' in conditional command"
        case .nestingTooDeep: "syntax error: nesting too deep"
        }
    }

    /// Every line bash prints for this error, without prefixes. bash 5.2 prints one line for an
    /// unmatched quote (older versions added `syntax error: unexpected end of file`).
    public var messages: [String] { [message] }

    /// The lines non-interactive bash prints: the message, then the quoted source line if any.
    public var scriptMessages: [String] {
        guard let sourceLine else { return messages }
        return messages + ["`\(sourceLine)'"]
    }

    public var description: String { "\(position): \(message)" }

    /// True when more input could complete the source (what makes bash show PS2).
    public var isEndOfInput: Bool {
        switch kind {
        case .unexpectedEndOfFile, .unmatched, .conditionalEndOfFile: true
        case .unexpectedToken, .nestingTooDeep, .conditional: false
        }
    }
}

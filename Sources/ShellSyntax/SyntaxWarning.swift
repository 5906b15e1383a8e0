/// Something bash warns about while parsing but still runs, printed as
/// `bash: line N: warning: MESSAGE` (N is `line`).
public struct SyntaxWarning: Equatable, Sendable {
    public var line: Int
    /// The text after `warning: `.
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

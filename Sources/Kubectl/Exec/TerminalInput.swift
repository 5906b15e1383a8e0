import CommandKit

/// StreamOptions.SetupTTY's question: is the learner's terminal at both ends of this kubectl?
/// (Piped input or redirected output is not a terminal.)
enum TerminalInput {
    static let notATerminal = "Unable to use a TTY - input is not a terminal or the right kind of file\n"

    static func isTerminal(_ invocation: Invocation) -> Bool {
        invocation.stdoutIsTerminal && invocation.stdin.isEmpty
    }
}

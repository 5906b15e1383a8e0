/// One lexical token: a word, an operator, a redirection operator, a newline or the end.
struct Token {
    enum Kind {
        case word(Word)
        /// `|` `|&` `||` `&` `&&` `;` `;;` `;&` `;;&` `(` `)`
        case op(String)
        case redirection(fd: Int?, op: Redirection.Operator)
        case newline
        case end
    }

    var kind: Kind
    /// The source text, as bash quotes it in `near unexpected token` errors.
    var text: String
    var position: SourcePosition

    /// The word's text when it is an unquoted literal (reserved words, names).
    var literal: String? {
        if case .word(let word) = kind { return word.literalText }
        return nil
    }

    var word: Word? {
        if case .word(let word) = kind { return word }
        return nil
    }

    func isOp(_ text: String) -> Bool {
        if case .op(let op) = kind { return op == text }
        return false
    }

    var isEnd: Bool {
        if case .end = kind { return true }
        return false
    }

    var isNewline: Bool {
        if case .newline = kind { return true }
        return false
    }
}

/// Words that end a list when they stand in command position.
let closingReservedWords: Set<String> = ["then", "elif", "else", "fi", "do", "done", "esac", "}"]

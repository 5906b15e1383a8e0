/// Turns things a learner did outside the shell (editor saves) into shell lines that
/// do the same when a transcript is replayed.
public enum ReplayScript {
    /// A heredoc that writes `contents` to `path`, or a `printf` when a heredoc can't
    /// carry the bytes exactly (no final newline, or a line equal to the delimiter).
    public static func write(path: String, contents: [UInt8]) -> String {
        let text = String(decoding: contents, as: UTF8.self)
        let delimiter = "CKALAB_EOF"
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n"), Array(text.utf8) == contents, !lines.contains(Substring(delimiter)) {
            return "cat > \(quote(path)) <<'\(delimiter)'\n\(text)\(delimiter)"
        }
        let escaped = contents.map { byte -> String in
            let octal = String(byte, radix: 8)
            return "\\" + String(repeating: "0", count: 3 - octal.count) + octal
        }.joined()
        return "printf '%b' '\(escaped)' > \(quote(path))"
    }

    /// Single-quotes a word for the shell.
    public static func quote(_ word: String) -> String {
        let safe = word.allSatisfy { $0.isLetter || $0.isNumber || "/._-+:@%=,".contains($0) }
        if safe && !word.isEmpty { return word }
        return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}

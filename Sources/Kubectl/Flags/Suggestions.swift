/// cobra's "Did you mean this?" for an unknown command of the root.
extension CommandLineParser {
    static func suggestions(for typed: String, in root: CommandSpec) -> String {
        let lowered = typed.lowercased()
        let names = root.subcommands.map(\.name).filter { name in
            !hiddenFromSuggestions.contains(name)
                && (levenshtein(lowered, name.lowercased()) <= 2 || name.lowercased().hasPrefix(lowered))
        }
        guard !names.isEmpty else { return "" }
        return "\n\nDid you mean this?\n" + names.map { "\t\($0)\n" }.joined()
    }

    /// Commands cobra does not count as available (hidden, or the help command).
    private static let hiddenFromSuggestions: Set<String> = ["help", "alpha"]

    /// Edit distance over bytes, as cobra's ld.
    static func levenshtein(_ a: String, _ b: String) -> Int {
        let s = Array(a.utf8), t = Array(b.utf8)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                current[j] = s[i - 1] == t[j - 1]
                    ? previous[j - 1]
                    : min(previous[j], current[j - 1], previous[j - 1]) + 1
            }
            swap(&previous, &current)
        }
        return previous[t.count]
    }
}

import NodeFS

extension TerminalSession {
    /// Candidates for the word under the cursor: command names for the first word of a
    /// command, else paths on the current node (directories end in `/`, as bash shows them).
    public func completions(line: String, cursor: Int) -> [String] {
        complete(line: line, cursor: cursor).candidates
    }

    /// Where the word under the cursor starts (a character offset) and its candidates.
    public func complete(line: String, cursor: Int) -> (wordStart: Int, candidates: [String]) {
        let characters = Array(line)
        let end = min(max(cursor, 0), characters.count)
        var start = end
        while start > 0, !" \t|;&<>(".contains(characters[start - 1]) { start -= 1 }
        let word = String(characters[start..<end])
        var before = start
        while before > 0, " \t".contains(characters[before - 1]) { before -= 1 }
        let isCommandPosition = before == 0 || "|;&(".contains(characters[before - 1])
        if isCommandPosition && !word.contains("/") {
            return (start, commandNames.filter { $0.hasPrefix(word) })
        }
        if let completer = argumentCompleter {
            let words = String(characters[0..<start]).split(whereSeparator: { " \t".contains($0) }).map(String.init)
            if let candidates = completer(words, word) { return (start, candidates.filter { $0.hasPrefix(word) }) }
        }
        return (start, pathCompletions(word))
    }

    var commandNames: [String] {
        let all = Set(commandRegistryNames + Self.builtinNames)
        return all.sorted()
    }

    static let builtinNames = [
        "alias", "cd", "echo", "eval", "exit", "export", "false", "history", "local", "printf",
        "pwd", "read", "return", "set", "shift", "source", "test", "true", "type", "unalias", "unset",
    ]

    private func pathCompletions(_ word: String) -> [String] {
        let fileSystem = currentShell.fileSystem
        var directoryPart = ""
        var namePrefix = word
        if let slash = word.lastIndex(of: "/") {
            directoryPart = String(word[...slash])
            namePrefix = String(word[word.index(after: slash)...])
        }
        var expanded = directoryPart
        if expanded.hasPrefix("~") { expanded = "/root" + expanded.dropFirst() }
        let directory = Path.join(currentShell.workingDirectory, expanded.isEmpty ? "." : expanded)
        guard let names = try? fileSystem.listDirectory(directory) else { return [] }
        return names
            .filter { $0.hasPrefix(namePrefix) && (namePrefix.hasPrefix(".") || !$0.hasPrefix(".")) }
            .map { name in
                let isDirectory = fileSystem.isDirectory(Path.join(directory, name))
                return directoryPart + name + (isDirectory ? "/" : "")
            }
    }
}

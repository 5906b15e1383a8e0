/// Finds the command and parses its flags as cobra (Find, stripFlags) and pflag (interspersed) do.
public enum CommandLineParser {
    /// Parses `arguments` (without the leading `kubectl`).
    public static func parse(_ arguments: [String], root: CommandSpec = CommandTable.root) -> Result<CommandLine, KubectlFailure> {
        // cobra's Find: walk down the tree on non-flag words.
        var command = root
        var path: [String] = []
        var remaining = arguments
        while true {
            let words = stripFlags(remaining, flags: findFlags(command))
            guard let next = words.first, let child = command.subcommand(next) else { break }
            remaining = removingFirst(next, from: remaining, flags: findFlags(command))
            command = child
            path.append(child.name)
        }
        if path.isEmpty, let unknown = stripFlags(remaining, flags: findFlags(command)).first {
            if let first = arguments.first, first.hasPrefix("-"), first != "help" {
                return .failure(KubectlFailure(stderr: "Error: flags cannot be placed before plugin name: \(first)\n"))
            }
            return .failure(.error("unknown command \(FlagParsing.goQuote(unknown)) for \"kubectl\"" + suggestions(for: unknown, in: root)))
        }
        let commandPath = (["kubectl"] + path).joined(separator: " ")
        switch parseFlags(remaining, specs: CommandTable.flags(for: command)) {
        case .success(let (flags, positionals, atDash)):
            return .success(CommandLine(path: path, arguments: positionals, argumentsBeforeDash: atDash, flags: flags))
        case .failure(let failure):
            return .failure(.error("\(failure.message)\nSee '\(commandPath) --help' for usage."))
        }
    }

    /// The flags cobra knows while finding a command (help is not registered yet).
    private static func findFlags(_ command: CommandSpec) -> [FlagSpec] {
        command.flags + CommandTable.globalFlags
    }

    private static func takesNoValue(long name: String, _ flags: [FlagSpec]) -> Bool {
        flags.first { $0.name == normalized(name) }?.noOptionDefault != nil
    }

    private static func takesNoValue(short name: Substring, _ flags: [FlagSpec]) -> Bool {
        flags.first { $0.shorthand == name }?.noOptionDefault != nil
    }

    /// cobra's stripFlags: the words that may name subcommands.
    static func stripFlags(_ arguments: [String], flags: [FlagSpec]) -> [String] {
        var words: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if word == "--" { break }
            let longWithValue = word.hasPrefix("--") && !word.contains("=") && !takesNoValue(long: String(word.dropFirst(2)), flags)
            let shortWithValue = word.hasPrefix("-") && !word.contains("=") && word.count == 2
                && !takesNoValue(short: word.dropFirst(), flags)
            if longWithValue || shortWithValue {
                if arguments.count - index <= 1 { break }
                index += 1
            } else if !word.isEmpty, !word.hasPrefix("-") {
                words.append(word)
            }
        }
        return words
    }

    /// cobra's argsMinusFirstX: the arguments without the first non-flag occurrence of `word`.
    private static func removingFirst(_ word: String, from arguments: [String], flags: [FlagSpec]) -> [String] {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            let longWithValue = argument.hasPrefix("--") && !argument.contains("=")
                && !takesNoValue(long: String(argument.dropFirst(2)), flags)
            let shortWithValue = argument.hasPrefix("-") && !argument.contains("=") && argument.count == 2
                && !takesNoValue(short: argument.dropFirst(), flags)
            if longWithValue || shortWithValue {
                index += 2
                continue
            }
            if !argument.hasPrefix("-"), argument == word {
                var copy = arguments
                copy.remove(at: index)
                return copy
            }
            index += 1
        }
        return arguments
    }

    /// kubectl's WordSepNormalizeFunc: `--all_namespaces` is `--all-namespaces`.
    static func normalized(_ name: String) -> String {
        String(name.map { $0 == "_" ? "-" : $0 })
    }
}

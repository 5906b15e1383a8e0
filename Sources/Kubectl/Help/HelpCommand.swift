import CommandKit

/// Help as cobra answers it: `--help`/`-h`, `kubectl help TOPIC`, a bare `kubectl`, groups run
/// without a subcommand, and `kubectl options`. Runs after flags parsed, before any verb.
enum HelpCommand {
    /// The status when the line asks for help (its text is written), nil when a verb should run.
    static func answer(_ line: CommandLine, _ invocation: inout Invocation) -> Int32? {
        if line.flags.bool("help") { return printHelp(line.path, &invocation) }
        let key = line.path.joined(separator: " ")
        switch key {
        case "":
            // The root's Run is runHelp.
            return printHelp([], &invocation)
        case "help":
            return helpTopic(line.arguments, &invocation)
        case "options":
            invocation.stdout.write(HelpTexts.options(home: invocation.environment["HOME"] ?? ""))
            return 0
        default:
            // cmdutil.DefaultSubCommandRun prints help and exits 1; a group with no Run prints help (0).
            guard let run = HelpTexts.groupRuns[key], line.arguments.isEmpty || run.evenWithWords else { return nil }
            let text = run.message ?? HelpTexts.text(for: line.path) ?? ""
            (run.toStderr ? invocation.stderr : invocation.stdout).write(text)
            return run.status
        }
    }

    /// `kubectl options` has a flag error function of its own (templates.UseOptionsTemplates).
    static func flagError(_ failure: KubectlFailure) -> KubectlFailure {
        let generic = "\nSee 'kubectl options --help' for usage.\n"
        guard failure.stderr.hasSuffix(generic) else { return failure }
        return KubectlFailure(stderr: failure.stderr.dropLast(generic.count) + "\nRun 'kubectl options' without flags.\n",
                              status: failure.status)
    }

    /// cmd.Help(): the command's text on stdout (alpha's help is its one-line message on stderr).
    private static func printHelp(_ path: [String], _ invocation: inout Invocation) -> Int32 {
        let key = path.joined(separator: " ")
        if let run = HelpTexts.groupRuns[key], let message = run.message {
            (run.toStderr ? invocation.stderr : invocation.stdout).write(message)
            return 0
        }
        invocation.stdout.write(HelpTexts.text(for: path) ?? "")
        return 0
    }

    /// cobra's help command: `Root().Find(args)`; an unknown topic gets the root usage on stderr.
    private static func helpTopic(_ words: [String], _ invocation: inout Invocation) -> Int32 {
        guard let path = find(words) else {
            invocation.stderr.write("Unknown help topic \(goQuoteSlice(words))\n" + HelpTexts.rootUsage)
            return 0
        }
        return printHelp(path, &invocation)
    }

    /// cobra's Find over help's words: the command path, nil when the root is left with a word.
    static func find(_ words: [String]) -> [String]? {
        var command = CommandTable.root
        var path: [String] = []
        var remaining = words
        while path.count < 8 {
            let plain = CommandLineParser.stripFlags(remaining, flags: command.flags + CommandTable.globalFlags)
            guard let next = plain.first, let child = command.subcommand(next),
                  let index = remaining.firstIndex(of: next) else {
                // legacyArgs: only the root refuses words that name no command.
                return path.isEmpty && !plain.isEmpty ? nil : path
            }
            remaining.remove(at: index)
            command = child
            path.append(child.name)
        }
        return path
    }

    /// Go's `%#q` of a []string: each word backquoted when it can be, else double-quoted.
    static func goQuoteSlice(_ words: [String]) -> String {
        "[" + words.map { canBackquote($0) ? "`\($0)`" : FlagParsing.goQuote($0) }.joined(separator: " ") + "]"
    }

    /// strconv.CanBackquote.
    private static func canBackquote(_ word: String) -> Bool {
        word.unicodeScalars.allSatisfy { scalar in
            scalar != "`" && scalar != "\u{FEFF}" && scalar != "\u{7F}" && (scalar.value >= 0x20 || scalar == "\t")
        }
    }
}

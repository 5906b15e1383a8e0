extension Shell {
    /// `set -o` names; a key path when the lab implements the option.
    nonisolated(unsafe) static let optionNames: [(String, WritableKeyPath<ShellOptions, Bool>?)] = [
        ("allexport", \ShellOptions.allexport), ("braceexpand", nil), ("emacs", nil), ("errexit", \ShellOptions.errexit),
        ("errtrace", nil), ("functrace", nil), ("hashall", nil), ("histexpand", nil), ("history", nil),
        ("ignoreeof", nil), ("interactive-comments", nil), ("keyword", nil), ("monitor", nil), ("noclobber", nil),
        ("noexec", nil), ("noglob", \ShellOptions.noglob), ("nolog", nil), ("notify", nil), ("nounset", \ShellOptions.nounset),
        ("onecmd", nil), ("physical", nil), ("pipefail", \ShellOptions.pipefail), ("posix", nil), ("privileged", nil),
        ("verbose", nil), ("vi", nil), ("xtrace", \ShellOptions.xtrace),
    ]

    /// Options bash reports as on in an interactive shell even though the lab ignores them.
    private func defaultOption(_ name: String) -> Bool {
        switch name {
        case "braceexpand", "hashall", "interactive-comments": return true
        case "emacs", "history", "histexpand", "monitor": return flavor == .interactive
        default: return false
        }
    }

    func optionEnabled(_ name: String) -> Bool? {
        guard let entry = Self.optionNames.first(where: { $0.0 == name }) else { return nil }
        if let path = entry.1 { return state.options[keyPath: path] }
        return defaultOption(name)
    }

    /// Applies `-eux`-style flags (or `+e`); false for an unknown letter.
    func applyShortOptions(_ flags: String) -> Bool {
        let on = flags.hasPrefix("-")
        for letter in flags.dropFirst() {
            switch letter {
            case "e": state.options.errexit = on
            case "u": state.options.nounset = on
            case "x": state.options.xtrace = on
            case "f": state.options.noglob = on
            case "a": state.options.allexport = on
            case "h", "B", "H", "m", "b", "v", "C", "n", "P", "T", "E", "k", "t": break
            default: return false
            }
        }
        return true
    }

    func set(_ args: [String], io: IOContext) throws(ControlFlow) -> Int32 {
        if args.isEmpty {
            for name in state.variables.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
                guard let variable = state.variables[name] else { continue }
                io.stdout.line("\(name)=" + Self.quoteForSet(variable.value))
            }
            return 0
        }
        var index = 0
        while index < args.count {
            let arg = args[index]
            if arg == "--" {
                state.positional = Array(args[(index + 1)...])
                return 0
            }
            if arg == "-o" || arg == "+o" {
                let on = arg == "-o"
                guard index + 1 < args.count else {
                    for (name, _) in Self.optionNames {
                        let enabled = optionEnabled(name) ?? false
                        if on {
                            io.stdout.line(name.padding(toLength: 15, withPad: " ", startingAt: 0) + "\t" + (enabled ? "on" : "off"))
                        } else {
                            io.stdout.line("set \(enabled ? "-" : "+")o \(name)")
                        }
                    }
                    return 0
                }
                let name = args[index + 1]
                guard let entry = Self.optionNames.first(where: { $0.0 == name }) else {
                    builtinError("set", "\(name): invalid option name", io: io)
                    return 1
                }
                if let path = entry.1 { state.options[keyPath: path] = on }
                index += 2
                continue
            }
            if (arg.hasPrefix("-") || arg.hasPrefix("+")), arg.count > 1 {
                guard applyShortOptions(arg) else {
                    let letter = arg.dropFirst().first { !"euxfahBHmbvCnPTEkt".contains($0) } ?? "?"
                    builtinError("set", "-\(letter): invalid option", io: io)
                    io.stderr.line("set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]")
                    return 2
                }
                index += 1
                continue
            }
            if arg == "-" { index += 1; continue }
            state.positional = Array(args[index...])
            return 0
        }
        return 0
    }
}

import NodeFS

extension Shell {
    /// `alias k='kubectl'`: bash single-quotes the value, escaping quotes as `'\''`.
    static func aliasQuote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    func alias(_ args: [String], io: IOContext) -> Int32 {
        let operands = args.filter { $0 != "-p" }
        if operands.isEmpty {
            for name in state.aliases.keys.sorted() {
                io.stdout.line("alias \(name)=" + Self.aliasQuote(state.aliases[name] ?? ""))
            }
            return 0
        }
        var status: Int32 = 0
        for operand in operands {
            if let equals = operand.firstIndex(of: "=") {
                let name = String(operand[..<equals])
                guard !name.isEmpty, !name.contains(where: { "/$`=\"'\\ \t".contains($0) }) else {
                    builtinError("alias", "`\(name)': invalid alias name", io: io)
                    status = 1
                    continue
                }
                state.aliases[name] = String(operand[operand.index(after: equals)...])
            } else if let value = state.aliases[operand] {
                io.stdout.line("alias \(operand)=" + Self.aliasQuote(value))
            } else {
                builtinError("alias", "\(operand): not found", io: io)
                status = 1
            }
        }
        return status
    }

    func unalias(_ args: [String], io: IOContext) -> Int32 {
        guard !args.isEmpty else {
            io.stderr.line(errorPrefix + "unalias: usage: unalias [-a] name [name ...]")
            return 2
        }
        if args.contains("-a") {
            state.aliases = [:]
            return 0
        }
        var status: Int32 = 0
        for name in args {
            if state.aliases.removeValue(forKey: name) == nil {
                builtinError("unalias", "\(name): not found", io: io)
                status = 1
            }
        }
        return status
    }

    /// `type NAME`'s line; false when NAME is nothing bash knows.
    func describeType(_ name: String, io: IOContext, terse: Bool, reportMissing: Bool, all: Bool = false, pathOnly: Bool = false) -> Bool {
        var found = false
        if !pathOnly {
            if let alias = state.aliases[name] {
                io.stdout.line(terse ? "alias" : "\(name) is aliased to `\(alias)'")
                found = true
                if !all { return true }
            }
            if Self.keywords.contains(name) {
                io.stdout.line(terse ? "keyword" : "\(name) is a shell keyword")
                found = true
                if !all { return true }
            }
            if state.functions[name] != nil {
                io.stdout.line(terse ? "function" : "\(name) is a function")
                found = true
                if !all { return true }
            }
            if Self.builtinNames.contains(name) {
                io.stdout.line(terse ? "builtin" : "\(name) is a shell builtin")
                found = true
                if !all { return true }
            }
        }
        if let path = name.contains("/") ? nil : locate(name) {
            io.stdout.line(terse ? "file" : pathOnly ? path : "\(name) is \(path)")
            if all, path.hasPrefix("/usr/bin/") {
                let alternate = "/bin/" + path.dropFirst("/usr/bin/".count)
                io.stdout.line(terse || pathOnly ? alternate : "\(name) is \(alternate)")
            }
            return true
        }
        if name.contains("/"), let info = try? fileSystem.info(Path.joinForType(state.workingDirectory, name)), !info.isDirectory, info.mode & 0o111 != 0 {
            io.stdout.line(terse || pathOnly ? name : "\(name) is \(name)")
            return true
        }
        if !found, reportMissing, !terse { builtinError("type", "\(name): not found", io: io) }
        return found
    }

    func type(_ args: [String], io: IOContext) -> Int32 {
        var terse = false, all = false, pathOnly = false
        var names: [String] = []
        for arg in args {
            if names.isEmpty, arg.hasPrefix("-"), arg.count > 1 {
                for flag in arg.dropFirst() {
                    switch flag {
                    case "t": terse = true
                    case "a": all = true
                    case "p", "P": pathOnly = true
                    case "f": break
                    default:
                        builtinError("type", "-\(flag): invalid option", io: io)
                        io.stderr.line("type: usage: type [-afptP] name [name ...]")
                        return 2
                    }
                }
                continue
            }
            names.append(arg)
        }
        var status: Int32 = 0
        for name in names where !describeType(name, io: io, terse: terse, reportMissing: !pathOnly, all: all, pathOnly: pathOnly) {
            status = 1
        }
        return status
    }

    func historyBuiltin(_ args: [String], io: IOContext) -> Int32 {
        if args.first == "-c" {
            history = []
            return 0
        }
        var entries = Array(history.enumerated())
        if let first = args.first {
            guard let count = Int(first), count >= 0 else {
                builtinError("history", "\(first): numeric argument required", io: io)
                return 1
            }
            entries = Array(entries.suffix(count))
        }
        for (index, line) in entries {
            let number = String(index + 1)
            io.stdout.line(String(repeating: " ", count: max(0, 5 - number.count)) + number + "  " + line)
        }
        return 0
    }

    func help(_ args: [String], io: IOContext) -> Int32 {
        if let topic = args.first {
            guard Self.builtinNames.contains(topic) else {
                builtinError("help", "no help topics match `\(topic)'.  Try `help help' or `man -k \(topic)' or `info \(topic)'.", io: io)
                return 1
            }
            io.stdout.line("\(topic): a shell builtin of the lab's bash (see `man bash` on a real system).")
            return 0
        }
        io.stdout.line("GNU bash, version 5.2.21(1)-release (x86_64-pc-linux-gnu)")
        io.stdout.line("These shell commands are defined internally.  Type `help' to see this list.")
        io.stdout.line("")
        io.stdout.line(Self.builtinNames.sorted().joined(separator: " "))
        return 0
    }
}

extension Path {
    static func joinForType(_ directory: String, _ path: String) -> String { join(directory, path) }
}

extension Shell {
    func umask(_ args: [String], io: IOContext) -> Int32 {
        var operands = args
        var symbolic = false
        if operands.first == "-S" { symbolic = true; operands.removeFirst() }
        if operands.first == "-p" { operands.removeFirst() }
        guard let value = operands.first else {
            if symbolic {
                func perms(_ shift: UInt16) -> String {
                    let bits = ~state.umask >> shift & 7
                    return (bits & 4 != 0 ? "r" : "") + (bits & 2 != 0 ? "w" : "") + (bits & 1 != 0 ? "x" : "")
                }
                io.stdout.line("u=\(perms(6)),g=\(perms(3)),o=\(perms(0))")
            } else {
                let text = String(state.umask, radix: 8)
                io.stdout.line(String(repeating: "0", count: max(0, 4 - text.count)) + text)
            }
            return 0
        }
        guard let mask = UInt16(value, radix: 8), mask <= 0o777 else {
            builtinError("umask", "\(value): octal number out of range", io: io)
            return 1
        }
        state.umask = mask
        return 0
    }

    func miscBuiltin(_ name: String, _ args: [String], io: IOContext) -> Int32 {
        switch name {
        case "hash":
            if args.isEmpty { io.stdout.line("hash: hash table empty") }
            return 0
        case "ulimit":
            io.stdout.line("unlimited")
            return 0
        case "times":
            io.stdout.line("0m0.000s 0m0.000s")
            io.stdout.line("0m0.000s 0m0.000s")
            return 0
        case "fg", "bg":
            builtinError(name, "current: no such job", io: io)
            return 1
        case "dirs":
            io.stdout.line(displayPath(state.workingDirectory))
            return 0
        case "kill":
            guard !args.isEmpty else {
                io.stderr.line(errorPrefix + "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]")
                return 2
            }
            for arg in args where !arg.hasPrefix("-") {
                builtinError("kill", "(\(arg)) - No such process", io: io)
                return 1
            }
            return 0
        default:
            return 0
        }
    }

    /// `~` for the home directory, as `dirs` shows it.
    func displayPath(_ path: String) -> String {
        let home = state.variables["HOME"]?.value ?? ""
        if !home.isEmpty, path == home { return "~" }
        if !home.isEmpty, path.hasPrefix(home + "/") { return "~" + path.dropFirst(home.count) }
        return path
    }
}

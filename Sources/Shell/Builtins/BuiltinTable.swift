extension Shell {
    /// Every builtin the lab's bash has.
    static let builtinNames: Set<String> = [
        ":", ".", "[", "alias", "bg", "break", "builtin", "cd", "command", "continue", "declare", "dirs", "disown", "echo",
        "eval", "exec", "exit", "export", "false", "fg", "getopts", "hash", "help", "history", "jobs", "kill", "let",
        "local", "logout", "mapfile", "popd", "printf", "pushd", "pwd", "read", "readarray", "readonly", "return", "set",
        "shift", "shopt", "source", "suspend", "test", "times", "trap", "true", "type", "typeset", "ulimit", "umask",
        "unalias", "unset", "wait",
    ]

    /// POSIX special builtins: their `NAME=value` prefixes stay after they finish.
    static let specialBuiltins: Set<String> = [":", ".", "break", "continue", "eval", "exec", "exit", "export", "readonly",
                                               "return", "set", "shift", "source", "trap", "unset"]

    static let keywords: Set<String> = ["if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while", "until",
                                        "do", "done", "in", "function", "time", "{", "}", "!", "[[", "]]", "coproc"]

    func runBuiltin(_ name: String, _ arguments: [String], io: IOContext) throws(ControlFlow) -> Int32 {
        let args = Array(arguments.dropFirst())
        switch name {
        case ":", "true": return 0
        case "false": return 1
        case "echo": return echo(args, io: io)
        case "printf": return printf(args, io: io)
        case "pwd": return pwd(args, io: io)
        case "cd": return cd(args, io: io)
        case "test": return test(args, io: io, bracket: false)
        case "[": return test(args, io: io, bracket: true)
        case "read": return read(args, io: io)
        case "mapfile", "readarray": return mapfile(name, args, io: io)
        case "export": return export(args, io: io)
        case "readonly": return readonly(args, io: io)
        case "unset": return unset(args, io: io)
        case "set": return try set(args, io: io)
        case "shift": return shift(args, io: io)
        case "local": return local(args, io: io)
        case "declare", "typeset": return declare(name, args, io: io)
        case "let": return try letBuiltin(args, io: io)
        case "exit", "logout": return try exit(args, io: io)
        case "return": return try returnBuiltin(args, io: io)
        case "break", "continue": return try loopBuiltin(name, args, io: io)
        case "eval": return try eval(args, io: io)
        case "source", ".": return try source(name, args, io: io)
        case "exec": return try exec(args, io: io)
        case "command": return try commandBuiltin(args, io: io)
        case "builtin":
            guard let first = args.first else { return 0 }
            guard Self.builtinNames.contains(first) else {
                shellError("builtin: \(first): not a shell builtin", io: io)
                return 1
            }
            return try runBuiltin(first, args, io: io)
        case "alias": return alias(args, io: io)
        case "unalias": return unalias(args, io: io)
        case "type": return type(args, io: io)
        case "history": return historyBuiltin(args, io: io)
        case "help": return help(args, io: io)
        case "umask": return umask(args, io: io)
        case "getopts": return getopts(args, io: io)
        case "hash", "wait", "trap", "shopt", "disown", "suspend", "ulimit", "times", "jobs", "dirs", "pushd", "popd", "kill", "fg", "bg":
            return miscBuiltin(name, args, io: io)
        default: return 0
        }
    }

    /// Prints `bash: NAME: MESSAGE` (with the script prefix in scripts).
    func builtinError(_ name: String, _ message: String, io: IOContext) {
        shellError("\(name): \(message)", io: io)
    }
}

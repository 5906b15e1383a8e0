import NodeFS

/// A `test` failure: bash prints the message and returns 2.
struct TestError: Error {
    var message: String
}

extension Shell {
    static let unaryTestOperators: Set<String> = [
        "-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-p", "-r", "-s", "-t", "-u", "-w", "-x",
        "-G", "-L", "-N", "-O", "-S", "-n", "-o", "-v", "-z", "-R",
    ]
    static let binaryTestOperators: Set<String> = ["=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"]

    func test(_ arguments: [String], io: IOContext, bracket: Bool) -> Int32 {
        var args = arguments
        let name = bracket ? "[" : "test"
        if bracket {
            guard args.last == "]" else {
                builtinError(name, "missing `]'", io: io)
                return 2
            }
            args.removeLast()
        }
        do throws(TestError) {
            var parser = TestParser(args: args, shell: self)
            return try parser.evaluate() ? 0 : 1
        } catch {
            builtinError(name, error.message, io: io)
            return 2
        }
    }

    /// A unary test (`-f file`, `-z string`, …).
    func unaryTest(_ op: String, _ operand: String) -> Bool {
        switch op {
        case "-n": return !operand.isEmpty
        case "-z": return operand.isEmpty
        case "-v": return parameterValue(operand) != nil
        case "-o": return optionEnabled(operand) ?? false
        case "-t": return false
        default: break
        }
        guard !operand.isEmpty else { return false }
        let path = Path.join(state.workingDirectory, operand)
        if op == "-h" || op == "-L" {
            return (try? fileSystem.info(path, followSymlinks: false))?.isSymlink ?? false
        }
        guard let info = try? fileSystem.info(path) else { return false }
        switch op {
        case "-e", "-a": return true
        case "-f": return info.isRegular
        case "-d": return info.isDirectory
        case "-s": return info.size > 0
        case "-r", "-w": return host.uid == 0 || info.mode & (op == "-r" ? 0o444 : 0o222) != 0
        case "-x": return info.mode & 0o111 != 0 || (host.uid == 0 && info.isDirectory)
        case "-b", "-p", "-S": return false
        case "-c": return info.kind == .characterDevice
        case "-g": return info.mode & 0o2000 != 0
        case "-u": return info.mode & 0o4000 != 0
        case "-k": return info.mode & 0o1000 != 0
        case "-O": return info.uid == host.uid
        case "-G": return info.gid == host.gid
        case "-N": return true
        default: return false
        }
    }

    /// A binary test on strings, integers (`-eq`…) or files (`-nt`…).
    func binaryTest(_ op: String, _ left: String, _ right: String, integers: (String) throws(TestError) -> Int64) throws(TestError) -> Bool {
        switch op {
        case "=", "==": return left == right
        case "!=": return left != right
        case "<": return Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8))
        case ">": return Array(right.utf8).lexicographicallyPrecedes(Array(left.utf8))
        case "-eq", "-ne", "-lt", "-le", "-gt", "-ge":
            let l = try integers(left), r = try integers(right)
            switch op {
            case "-eq": return l == r
            case "-ne": return l != r
            case "-lt": return l < r
            case "-le": return l <= r
            case "-gt": return l > r
            default: return l >= r
            }
        case "-nt", "-ot":
            let l = try? fileSystem.info(Path.join(state.workingDirectory, left))
            let r = try? fileSystem.info(Path.join(state.workingDirectory, right))
            if op == "-nt" {
                guard let l else { return false }
                guard let r else { return true }
                return l.modificationTime > r.modificationTime
            }
            guard let r else { return false }
            guard let l else { return true }
            return l.modificationTime < r.modificationTime
        case "-ef":
            let l = try? fileSystem.canonicalPath(Path.join(state.workingDirectory, left))
            let r = try? fileSystem.canonicalPath(Path.join(state.workingDirectory, right))
            return l != nil && l == r
        default:
            return false
        }
    }

    /// `test`'s integers: optional blanks and sign, decimal digits only.
    static func testInteger(_ text: String) throws(TestError) -> Int64 {
        let trimmed = text.trimmingSpaces
        guard let value = Int64(trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed) else {
            throw TestError(message: "\(text): integer expression expected")
        }
        return value
    }
}

/// `test`/`[` argument parsing, following bash's test.c: the POSIX rules for up to four
/// arguments, then a recursive-descent parser with `!`, `-a`, `-o` and parentheses.
struct TestParser {
    let args: [String]
    let shell: Shell
    var position = 0

    init(args: [String], shell: Shell) {
        self.args = args
        self.shell = shell
    }

    mutating func evaluate() throws(TestError) -> Bool {
        switch args.count {
        case 0: return false
        case 1: return !args[0].isEmpty
        case 2: return try two(0)
        case 3: return try three(0)
        case 4:
            if args[0] == "!" { return !(try three(1)) }
            if args[0] == "(", args[3] == ")" { return try two(1) }
        default: break
        }
        let result = try orExpression()
        if position < args.count { throw TestError(message: "too many arguments") }
        return result
    }

    private func two(_ start: Int) throws(TestError) -> Bool {
        if args[start] == "!" { return args[start + 1].isEmpty }
        guard Shell.unaryTestOperators.contains(args[start]) else {
            throw TestError(message: "\(args[start]): unary operator expected")
        }
        return shell.unaryTest(args[start], args[start + 1])
    }

    private func three(_ start: Int) throws(TestError) -> Bool {
        let (a, op, b) = (args[start], args[start + 1], args[start + 2])
        if Shell.binaryTestOperators.contains(op) {
            return try shell.binaryTest(op, a, b, integers: Shell.testInteger)
        }
        if op == "-a" { return !a.isEmpty && !b.isEmpty }
        if op == "-o" { return !a.isEmpty || !b.isEmpty }
        if a == "!" { return !(try two(start + 1)) }
        if a == "(", b == ")" { return !op.isEmpty }
        throw TestError(message: "\(op): binary operator expected")
    }

    private mutating func orExpression() throws(TestError) -> Bool {
        var value = try andExpression()
        while position < args.count, args[position] == "-o" {
            position += 1
            let right = try andExpression()
            value = value || right
        }
        return value
    }

    private mutating func andExpression() throws(TestError) -> Bool {
        var value = try term()
        while position < args.count, args[position] == "-a" {
            position += 1
            let right = try term()
            value = value && right
        }
        return value
    }

    private mutating func term() throws(TestError) -> Bool {
        guard position < args.count else { throw TestError(message: "argument expected") }
        let word = args[position]
        if word == "!" {
            position += 1
            return !(try term())
        }
        if word == "(" {
            position += 1
            let value = try orExpression()
            guard position < args.count, args[position] == ")" else { throw TestError(message: "`)' expected") }
            position += 1
            return value
        }
        if position + 2 < args.count, Shell.binaryTestOperators.contains(args[position + 1]) {
            let value = try shell.binaryTest(args[position + 1], word, args[position + 2], integers: Shell.testInteger)
            position += 3
            return value
        }
        if Shell.unaryTestOperators.contains(word), position + 1 < args.count {
            let value = shell.unaryTest(word, args[position + 1])
            position += 2
            return value
        }
        position += 1
        return !word.isEmpty
    }
}

import CommandKit
import NodeFS

/// `test EXPRESSION` and `[ EXPRESSION ]` — /usr/bin/test, with GNU's POSIX rules for one to
/// four arguments and its recursive grammar beyond; syntax errors exit 2.
let testCommand = Command("test") { inv in runTest(&inv) }
let bracketCommand = Command("[") { inv in runTest(&inv) }

private func runTest(_ inv: inout Invocation) -> Int32 {
    var arguments = Array(inv.operands)
    if inv.name == "[" {
        if arguments.count == 1, arguments[0] == "--help" || arguments[0] == "--version" {
            if arguments[0] == "--help" {
                inv.printHelp(usage: "test EXPRESSION\n  or:  test\n  or:  [ EXPRESSION ]\n  or:  [ ]\n  or:  [ OPTION",
                              summary: "Exit with the status determined by EXPRESSION.")
            } else {
                inv.printVersion()
            }
            return 0
        }
        guard arguments.last == "]" else {
            inv.error("missing \(Quoting.locale("]"))")
            return 2
        }
        arguments.removeLast()
    }
    guard !arguments.isEmpty else { return 1 }
    var evaluator = TestEvaluator(inv: inv, argv: arguments)
    do throws(TestSyntaxError) {
        let value = try evaluator.posix(arguments.count)
        if evaluator.pos != arguments.count {
            throw TestSyntaxError("extra argument \(Quoting.locale(arguments[evaluator.pos]))")
        }
        return value ? 0 : 1
    } catch {
        inv.error(error.message)
        return 2
    }
}

private struct TestSyntaxError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// A port of coreutils' test.c evaluator.
private struct TestEvaluator {
    let inv: Invocation
    let argv: [String]
    var pos = 0
    var depth = 0

    init(inv: Invocation, argv: [String]) {
        self.inv = inv
        self.argv = argv
    }

    var argc: Int { argv.count }

    func beyond() -> TestSyntaxError {
        TestSyntaxError("missing argument after \(Quoting.locale(argv[max(0, argc - 1)]))")
    }

    mutating func advance(_ required: Bool) throws(TestSyntaxError) {
        pos += 1
        if required && pos >= argc { throw beyond() }
    }

    static let binaryOperators: Set<String> = ["=", "!=", "==", "-nt", "-ot", "-ef", "-eq", "-ne",
                                               "-lt", "-le", "-gt", "-ge"]

    func isBinary(_ index: Int) -> Bool { index < argc && Self.binaryOperators.contains(argv[index]) }

    func isUnary(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        return scalars.count == 2 && scalars[0] == "-" && "abcdefgGhkLnOprsStuwxz".unicodeScalars.contains(scalars[1])
    }

    func looksUnary(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        return scalars.count == 2 && scalars[0] == "-"
    }

    mutating func posix(_ count: Int) throws(TestSyntaxError) -> Bool {
        switch count {
        case 1: return try one()
        case 2: return try two()
        case 3: return try three()
        case 4: return try four()
        default: return try expression()
        }
    }

    mutating func one() throws(TestSyntaxError) -> Bool {
        let value = !argv[pos].isEmpty
        try advance(false)
        return value
    }

    mutating func two() throws(TestSyntaxError) -> Bool {
        if argv[pos] == "!" {
            try advance(false)
            return try !one()
        }
        if looksUnary(argv[pos]) {
            guard isUnary(argv[pos]) else { throw TestSyntaxError("\(Quoting.locale(argv[pos])): unary operator expected") }
            return try unary()
        }
        throw beyond()
    }

    mutating func three() throws(TestSyntaxError) -> Bool {
        if isBinary(pos + 1) { return try binary(false) }
        if argv[pos] == "!" {
            try advance(true)
            return try !two()
        }
        if argv[pos] == "(" && argv[pos + 2] == ")" {
            try advance(false)
            let value = try one()
            try advance(false)
            return value
        }
        if argv[pos + 1] == "-a" || argv[pos + 1] == "-o" { return try expression() }
        throw TestSyntaxError("\(Quoting.locale(argv[pos + 1])): binary operator expected")
    }

    mutating func four() throws(TestSyntaxError) -> Bool {
        if argv[pos] == "!" {
            try advance(true)
            return try !three()
        }
        if argv[pos] == "(" && argv[pos + 3] == ")" {
            try advance(false)
            let value = try two()
            try advance(false)
            return value
        }
        return try expression()
    }

    mutating func expression() throws(TestSyntaxError) -> Bool {
        if pos >= argc { throw beyond() }
        return try or()
    }

    mutating func or() throws(TestSyntaxError) -> Bool {
        var value = try and()
        while pos < argc && argv[pos] == "-o" {
            try advance(false)
            let right = try and()
            value = value || right
        }
        return value
    }

    mutating func and() throws(TestSyntaxError) -> Bool {
        var value = try term()
        while pos < argc && argv[pos] == "-a" {
            try advance(false)
            let right = try term()
            value = value && right
        }
        return value
    }

    mutating func term() throws(TestSyntaxError) -> Bool {
        depth += 1
        defer { depth -= 1 }
        if depth > 1000 { throw TestSyntaxError("expression too deeply nested") }
        if pos >= argc { throw beyond() }
        var negated = false
        while pos < argc && argv[pos] == "!" {
            try advance(true)
            negated.toggle()
        }
        if pos >= argc { throw beyond() }
        let value: Bool
        if argv[pos] == "(" {
            try advance(true)
            var count = 1
            while pos + count < argc && argv[pos + count] != ")" {
                if count == 4 {
                    count = argc - pos
                    break
                }
                count += 1
            }
            value = try posix(count)
            guard pos < argc else { throw TestSyntaxError("\(Quoting.locale(")")) expected") }
            if argv[pos] != ")" {
                throw TestSyntaxError("\(Quoting.locale(")")) expected, found \(Quoting.locale(argv[pos]))")
            }
            try advance(false)
        } else if argc - pos >= 4 && argv[pos] == "-l" && isBinary(pos + 2) {
            value = try binary(true)
        } else if argc - pos >= 3 && isBinary(pos + 1) {
            value = try binary(false)
        } else if looksUnary(argv[pos]) {
            guard isUnary(argv[pos]) else { throw TestSyntaxError("\(Quoting.locale(argv[pos])): unary operator expected") }
            value = try unary()
        } else {
            value = !argv[pos].isEmpty
            try advance(false)
        }
        return negated != value
    }

    mutating func binary(_ leftIsLength: Bool) throws(TestSyntaxError) -> Bool {
        let opIndex = leftIsLength ? pos + 2 : pos + 1
        let op = argv[opIndex]
        var rightIsLength = false
        if opIndex + 2 < argc && argv[opIndex + 1] == "-l" && op.hasPrefix("-") && op.count == 3 {
            rightIsLength = true
        }
        let left = leftIsLength ? String(argv[pos + 1].count) : argv[pos]
        let rightIndex = rightIsLength ? opIndex + 2 : opIndex + 1
        guard rightIndex < argc else { throw beyond() }
        let right = rightIsLength ? String(argv[rightIndex].count) : argv[rightIndex]
        pos = rightIndex + 1
        switch op {
        case "=", "==": return left == right
        case "!=": return left != right
        case ">": return Array(right.utf8).lexicographicallyPrecedes(Array(left.utf8))
        case "<": return Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8))
        case "-nt", "-ot":
            let a = try? inv.fileSystem.info(inv.resolvedPath(left))
            let b = try? inv.fileSystem.info(inv.resolvedPath(right))
            if op == "-nt" {
                guard let a else { return false }
                guard let b else { return true }
                return a.modificationTime > b.modificationTime
            }
            guard let b else { return false }
            guard let a else { return true }
            return a.modificationTime < b.modificationTime
        case "-ef":
            guard let a = try? inv.fileSystem.canonicalPath(inv.resolvedPath(left)),
                  let b = try? inv.fileSystem.canonicalPath(inv.resolvedPath(right)) else { return false }
            return a == b
        default:
            let l = try integer(left)
            let r = try integer(right)
            switch op {
            case "-eq": return l == r
            case "-ne": return l != r
            case "-lt": return l < r
            case "-le": return l <= r
            case "-gt": return l > r
            default: return l >= r
            }
        }
    }

    func integer(_ text: String) throws(TestSyntaxError) -> Int64 {
        let trimmed = text.trimmingCharacters(in: " \t\n")
        var body = Substring(trimmed)
        var negative = false
        if body.first == "+" || body.first == "-" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw TestSyntaxError("invalid integer \(Quoting.locale(text))")
        }
        let digits = body.drop { $0 == "0" }
        guard let magnitude = Int64(digits.isEmpty ? "0" : String(digits)) else {
            return negative ? Int64.min : Int64.max
        }
        return negative ? -magnitude : magnitude
    }

    mutating func unary() throws(TestSyntaxError) -> Bool {
        let op = argv[pos]
        try advance(true)
        let operand = argv[pos]
        pos += 1
        let fs = inv.fileSystem
        let path = inv.resolvedPath(operand)
        switch op {
        case "-z": return operand.isEmpty
        case "-n": return !operand.isEmpty
        case "-t": return false
        case "-h", "-L": return (try? fs.info(path, followSymlinks: false))?.isSymlink ?? false
        default: break
        }
        guard let info = try? fs.info(path) else { return false }
        switch op {
        case "-e", "-a", "-r", "-w": return true
        case "-f": return info.isRegular
        case "-d": return info.isDirectory
        case "-s": return info.size > 0
        case "-x": return info.isDirectory || info.mode & 0o111 != 0
        case "-c": return info.kind == .characterDevice
        case "-b", "-p", "-S": return false
        case "-u": return info.mode & 0o4000 != 0
        case "-g": return info.mode & 0o2000 != 0
        case "-k": return info.mode & 0o1000 != 0
        case "-O": return info.uid == inv.host.uid
        case "-G": return info.gid == inv.host.gid
        default: return false
        }
    }
}

extension String {
    /// Drops the given characters from both ends.
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

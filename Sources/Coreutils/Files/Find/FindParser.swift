import CommandKit
import NodeFS

/// Reads find's command line: global options, then the expression, with findutils' messages.
struct FindParser {
    let inv: Invocation
    var words: ArraySlice<String>
    var maxDepth = Int.max
    var minDepth = 0
    var depthFirst = false
    var hasAction = false
    var usesDelete = false
    var followLinks = false
    var now: Int64

    init(inv: Invocation, words: ArraySlice<String>, followLinks: Bool) {
        self.inv = inv
        self.words = words
        self.followLinks = followLinks
        now = inv.clock.now
    }

    struct Failure: Error { let message: String }

    mutating func parse() throws(Failure) -> FindExpression? {
        if words.isEmpty { return nil }
        let expression = try parseOr()
        if let extra = words.first {
            if extra == ")" { throw Failure(message: "you have too many ')'") }
            throw Failure(message: "paths must precede expression: `\(extra)'")
        }
        return expression
    }

    private mutating func parseOr() throws(Failure) -> FindExpression {
        var left = try parseAnd()
        while let word = words.first, word == "-o" || word == "-or" || word == "," {
            words.removeFirst()
            guard let next = words.first, next != ")", next != "-o", next != "-or", next != "-a", next != "-and", next != "," else {
                throw Failure(message: "invalid expression; you have used a binary operator '\(word)' with nothing after it.")
            }
            let right = try parseAnd()
            left = word == "," ? .comma(left, right) : .or(left, right)
        }
        return left
    }

    private mutating func parseAnd() throws(Failure) -> FindExpression {
        var left = try parseUnary()
        while let word = words.first, word != "-o", word != "-or", word != ",", word != ")" {
            if word == "-a" || word == "-and" {
                words.removeFirst()
                guard let next = words.first, next != ")", next != "-o", next != "-a" else {
                    throw Failure(message: "invalid expression; you have used a binary operator '\(word)' with nothing after it.")
                }
            }
            let right = try parseUnary()
            left = .and(left, right)
        }
        return left
    }

    private mutating func parseUnary() throws(Failure) -> FindExpression {
        guard let word = words.popFirst() else { throw Failure(message: "invalid expression") }
        switch word {
        case "!", "-not":
            guard let next = words.first, next != ")", next != "-o", next != "-a" else {
                throw Failure(message: "expected an expression after '\(word)'")
            }
            return .not(try parseUnary())
        case "(":
            guard words.first != ")" else {
                throw Failure(message: "invalid expression; empty parentheses are not allowed.")
            }
            let inner = try parseOr()
            guard words.popFirst() == ")" else {
                throw Failure(message: "invalid expression; I was expecting to find a ')' somewhere but did not see one.")
            }
            return inner
        case "-o", "-or", "-a", "-and", ",":
            throw Failure(message: "invalid expression; you have used a binary operator '\(word)' with nothing before it.")
        case ")":
            throw Failure(message: "invalid expression; you have too many ')'")
        default:
            return try primary(word)
        }
    }

    private mutating func argument(_ name: String) throws(Failure) -> String {
        guard let value = words.popFirst() else { throw Failure(message: "missing argument to `\(name)'") }
        return value
    }

    private func depthValue(_ name: String, _ text: String) throws(Failure) -> Int {
        guard let value = Int(text), value >= 0, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw Failure(message: "Expected a positive decimal integer argument to \(name), but got \(Quoting.locale(text))")
        }
        return value
    }

    private func comparison(_ name: String, _ text: String) throws(Failure) -> Comparison {
        var body = Substring(text)
        let sign = body.first
        if sign == "+" || sign == "-" { body = body.dropFirst() }
        guard let value = Int64(body), !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw Failure(message: "invalid argument `\(text)' to `\(name)'")
        }
        switch sign {
        case "+": return .greater(value)
        case "-": return .less(value)
        default: return .equal(value)
        }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private mutating func primary(_ word: String) throws(Failure) -> FindExpression {
        switch word {
        case "-name", "-iname":
            return .test(.name(try argument(word), caseInsensitive: word == "-iname"))
        case "-path", "-wholename", "-ipath", "-iwholename":
            return .test(.path(try argument(word), caseInsensitive: word.hasPrefix("-i")))
        case "-type", "-xtype":
            let value = try argument(word)
            var kinds = Set<Character>()
            for (index, part) in value.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
                guard part.count == 1, let letter = part.first, "bcdpflsD".contains(letter) else {
                    if part.count > 1 || part.isEmpty {
                        throw Failure(message: index == 0 && !value.contains(",") && part.count > 1
                            ? "Must separate multiple arguments to \(word) using: ','" : "Unknown argument to \(word): \(part)")
                    }
                    throw Failure(message: "Unknown argument to \(word): \(part)")
                }
                if kinds.contains(letter) { throw Failure(message: "Duplicate file type '\(letter)' in the argument list to \(word).") }
                kinds.insert(letter)
            }
            return .test(.type(kinds, followLinks: word == "-xtype" ? !followLinks : followLinks))
        case "-maxdepth":
            maxDepth = try depthValue(word, try argument(word))
            return .test(.constant(true))
        case "-mindepth":
            minDepth = try depthValue(word, try argument(word))
            return .test(.constant(true))
        case "-depth", "-d":
            depthFirst = true
            return .test(.constant(true))
        case "-xdev", "-mount", "-noleaf", "-ignore_readdir_race", "-noignore_readdir_race", "-daystart", "-nowarn", "-warn":
            return .test(.constant(true))
        case "-follow":
            followLinks = true
            return .test(.constant(true))
        case "-regextype":
            _ = try argument(word)
            return .test(.constant(true))
        case "-newer", "-anewer", "-cnewer":
            let file = try argument(word)
            do throws(FSError) {
                return .test(.newer(try inv.fileSystem.info(inv.resolvedPath(file), followSymlinks: followLinks).modificationTime))
            } catch {
                throw Failure(message: "\(Quoting.locale(file)): \(error.message)")
            }
        case "-size":
            let text = try argument(word)
            var body = Substring(text)
            var unit: Int64 = 512
            if let last = body.last, !last.isNumber {
                switch last {
                case "c": unit = 1
                case "w": unit = 2
                case "b": unit = 512
                case "k": unit = 1024
                case "M": unit = 1024 * 1024
                case "G": unit = 1024 * 1024 * 1024
                default: throw Failure(message: "invalid -size type `\(last)'")
                }
                body = body.dropLast()
            }
            return .test(.size(try comparison(word, String(body)), unit: unit))
        case "-empty": return .test(.empty)
        case "-perm":
            let text = try argument(word)
            var body = Substring(text)
            var kind: Character = "="
            if let first = body.first, first == "-" || first == "/" || first == "+" {
                kind = first == "+" ? "/" : first
                body = body.dropFirst()
            }
            guard let change = ModeChange.parse(String(body)) else {
                throw Failure(message: "invalid mode \(Quoting.locale(text))")
            }
            return .test(.perm(change.apply(to: 0, isDirectory: false, umask: 0), kind: kind))
        case "-user", "-group":
            let name = try argument(word)
            let accounts = Accounts(fileSystem: inv.fileSystem)
            if word == "-user" {
                guard let uid = accounts.uid(named: name) else {
                    throw Failure(message: "\(Quoting.locale(name)) is not the name of a known user")
                }
                return .test(.user(uid))
            }
            guard let gid = accounts.gid(named: name) else {
                throw Failure(message: "\(Quoting.locale(name)) is not the name of an existing group")
            }
            return .test(.group(gid))
        case "-uid", "-gid":
            let text = try argument(word)
            guard let id = UInt32(text) else { throw Failure(message: "invalid argument `\(text)' to `\(word)'") }
            return .test(word == "-uid" ? .user(id) : .group(id))
        case "-nouser": return .test(.noUser)
        case "-nogroup": return .test(.noGroup)
        case "-mmin", "-amin", "-cmin": return .test(.minutesOld(try comparison(word, try argument(word))))
        case "-mtime", "-atime", "-ctime": return .test(.daysOld(try comparison(word, try argument(word))))
        case "-links": return .test(.links(try comparison(word, try argument(word))))
        case "-inum": return .test(.inode(try comparison(word, try argument(word))))
        case "-true": return .test(.constant(true))
        case "-false": return .test(.constant(false))
        case "-executable": return .test(.executable)
        case "-readable": return .test(.readable)
        case "-writable": return .test(.writable)
        case "-print": hasAction = true; return .action(.print)
        case "-print0": hasAction = true; return .action(.print0)
        case "-printf":
            hasAction = true
            return .action(.printf(try argument(word)))
        case "-ls": hasAction = true; return .action(.ls)
        case "-delete":
            hasAction = true
            usesDelete = true
            depthFirst = true
            return .action(.delete)
        case "-prune": return .action(.prune)
        case "-quit": return .action(.quit)
        case "-exec", "-execdir", "-ok", "-okdir":
            hasAction = true
            var command: [String] = []
            while let next = words.popFirst() {
                if next == ";" {
                    guard !command.isEmpty else { throw Failure(message: "missing argument to `\(word)'") }
                    return .action(.exec(command, batch: false))
                }
                if next == "+", command.last == "{}" {
                    guard command.count > 1 else { throw Failure(message: "missing argument to `\(word)'") }
                    return .action(.exec(Array(command.dropLast()), batch: true))
                }
                command.append(next)
            }
            throw Failure(message: "missing argument to `\(word)'")
        default:
            if word.hasPrefix("-") {
                throw Failure(message: "unknown predicate `\(word)'")
            }
            throw Failure(message: "paths must precede expression: `\(word)'")
        }
    }
}

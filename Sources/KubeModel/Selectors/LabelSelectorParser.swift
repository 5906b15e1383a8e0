/// `labels.Parse`: apimachinery's lexer and recursive-descent parser, with its error texts
/// (`unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt`).
extension LabelSelector {
    public static func parse(_ text: String) -> Result<LabelSelector, SelectorError> {
        var parser = SelectorParser(items: SelectorLexer.scan(text))
        switch parser.parse() {
        case .success(let requirements): return .success(LabelSelector(requirements: requirements))
        case .failure(let error): return .failure(error)
        }
    }
}

enum SelectorToken: Equatable {
    case error, end, closePar, comma, doesNotExist, doubleEquals, equals, greaterThan
    case identifier, `in`, lessThan, notEquals, notIn, openPar
}

enum SelectorLexer {
    static let literals: [String: SelectorToken] = [
        ")": .closePar, ",": .comma, "!": .doesNotExist, "==": .doubleEquals, "=": .equals, ">": .greaterThan,
        "in": .in, "<": .lessThan, "!=": .notEquals, "notin": .notIn, "(": .openPar,
    ]

    static func isWhitespace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 13 || c == 10 }
    static func isSpecial(_ c: UInt8) -> Bool { "=!(),><".utf8.contains(c) }

    /// All tokens up to and including the end token.
    static func scan(_ text: String) -> [(SelectorToken, String)] {
        let s = Array(text.utf8)
        var pos = 0
        var items: [(SelectorToken, String)] = []
        while true {
            while pos < s.count, isWhitespace(s[pos]) { pos += 1 }
            guard pos < s.count else {
                items.append((.end, ""))
                return items
            }
            if isSpecial(s[pos]) {
                var buffer: [UInt8] = []
                var last: (SelectorToken, String)?
                while pos < s.count, isSpecial(s[pos]) {
                    buffer.append(s[pos])
                    let candidate = String(decoding: buffer, as: UTF8.self)
                    if let token = literals[candidate] {
                        last = (token, candidate)
                    } else if last != nil {
                        break
                    }
                    pos += 1
                }
                items.append(last ?? (.error, "error expected: keyword found '\(String(decoding: buffer, as: UTF8.self))'"))
            } else {
                let start = pos
                while pos < s.count, !isSpecial(s[pos]), !isWhitespace(s[pos]) { pos += 1 }
                let word = String(decoding: s[start..<pos], as: UTF8.self)
                items.append((literals[word] ?? .identifier, word))
            }
        }
    }
}

struct SelectorParser {
    let items: [(SelectorToken, String)]
    var position = 0

    enum Context { case keyAndOperator, values }

    func lookahead(_ context: Context) -> (SelectorToken, String) {
        let item = items.indices.contains(position) ? items[position] : (.end, "")
        if context == .values, item.0 == .in || item.0 == .notIn { return (.identifier, item.1) }
        return item
    }

    mutating func consume(_ context: Context) -> (SelectorToken, String) {
        let item = lookahead(context)
        position += 1
        return item
    }

    mutating func parse() -> Result<[LabelSelector.Requirement], SelectorError> {
        var requirements: [LabelSelector.Requirement] = []
        while true {
            let (token, literal) = lookahead(.values)
            switch token {
            case .identifier, .doesNotExist:
                switch parseRequirement() {
                case .failure(let e): return .failure(SelectorError("unable to parse requirement: " + e.message))
                case .success(let r): requirements.append(r)
                }
                let (next, nextLiteral) = consume(.values)
                switch next {
                case .end: return .success(requirements)
                case .comma:
                    let (after, afterLiteral) = lookahead(.values)
                    if after != .identifier && after != .doesNotExist {
                        return .failure(SelectorError("found '\(afterLiteral)', expected: identifier after ','"))
                    }
                default: return .failure(SelectorError("found '\(nextLiteral)', expected: ',' or 'end of string'"))
                }
            case .end: return .success(requirements)
            default: return .failure(SelectorError("found '\(literal)', expected: !, identifier, or 'end of string'"))
            }
        }
    }

    mutating func parseRequirement() -> Result<LabelSelector.Requirement, SelectorError> {
        var (token, literal) = consume(.values)
        var op: LabelSelector.Operator?
        if token == .doesNotExist {
            op = .doesNotExist
            (token, literal) = consume(.values)
        }
        guard token == .identifier else { return .failure(SelectorError("found '\(literal)', expected: identifier")) }
        let keyProblems = NameRules.qualifiedName(literal)
        if !keyProblems.isEmpty {
            let error = FieldError.invalid("<nil>", .string(literal), keyProblems.joined(separator: "; "))
            return .failure(SelectorError(error.description))
        }
        let key = literal
        let next = lookahead(.values).0
        if next == .end || next == .comma {
            return LabelSelector.newRequirement(key, op ?? .exists, [])
        }
        if op == .doesNotExist { return LabelSelector.newRequirement(key, .doesNotExist, []) }
        let (opToken, opLiteral) = consume(.keyAndOperator)
        let binary: LabelSelector.Operator
        switch opToken {
        case .in: binary = .in
        case .equals: binary = .equals
        case .doubleEquals: binary = .doubleEquals
        case .greaterThan: binary = .greaterThan
        case .lessThan: binary = .lessThan
        case .notIn: binary = .notIn
        case .notEquals: binary = .notEquals
        default: return .failure(SelectorError("found '\(opLiteral)', expected: in, notin, =, ==, !=, gt, lt"))
        }
        let values: Result<Set<String>, SelectorError> = (binary == .in || binary == .notIn) ? parseValues() : parseExactValue()
        switch values {
        case .failure(let e): return .failure(e)
        case .success(let set): return LabelSelector.newRequirement(key, binary, set.sorted(by: goLess))
        }
    }

    mutating func parseValues() -> Result<Set<String>, SelectorError> {
        let (token, literal) = consume(.values)
        guard token == .openPar else { return .failure(SelectorError("found '\(literal)' expected: '('")) }
        let (next, nextLiteral) = lookahead(.values)
        switch next {
        case .identifier, .comma:
            let list = parseIdentifiersList()
            guard case .success = list else { return list }
            if consume(.values).0 != .closePar { return .failure(SelectorError("found '\(nextLiteral)', expected: ')'")) }
            return list
        case .closePar:
            _ = consume(.values)
            return .success([""])
        default:
            return .failure(SelectorError("found '\(nextLiteral)', expected: ',', ')' or identifier"))
        }
    }

    mutating func parseIdentifiersList() -> Result<Set<String>, SelectorError> {
        var set: Set<String> = []
        while true {
            let (token, literal) = consume(.values)
            switch token {
            case .identifier:
                set.insert(literal)
                let (next, nextLiteral) = lookahead(.values)
                switch next {
                case .comma: continue
                case .closePar: return .success(set)
                default: return .failure(SelectorError("found '\(nextLiteral)', expected: ',' or ')'"))
                }
            case .comma:
                if set.isEmpty { set.insert("") }
                let next = lookahead(.values).0
                if next == .closePar {
                    set.insert("")
                    return .success(set)
                }
                if next == .comma { set.insert("") }
            default:
                return .failure(SelectorError("found '\(literal)', expected: ',', or identifier"))
            }
        }
    }

    mutating func parseExactValue() -> Result<Set<String>, SelectorError> {
        let next = lookahead(.values).0
        if next == .end || next == .comma { return .success([""]) }
        let (token, literal) = consume(.values)
        if token == .identifier { return .success([literal]) }
        return .failure(SelectorError("found '\(literal)', expected: identifier"))
    }
}

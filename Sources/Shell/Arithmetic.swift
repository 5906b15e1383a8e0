/// An arithmetic error in bash's words: `MESSAGE (error token is "TOKEN")`.
struct ArithmeticError: Error {
    var message: String
    var token: String
}

/// A parsed `$(( … ))` expression.
indirect enum ArithmeticNode {
    case number(Int64)
    case variable(String)
    case unary(String, ArithmeticNode)
    case increment(name: String, delta: Int64, prefix: Bool)
    case binary(String, ArithmeticNode, ArithmeticNode, errorToken: String)
    case logical(and: Bool, ArithmeticNode, ArithmeticNode)
    case conditional(ArithmeticNode, ArithmeticNode, ArithmeticNode)
    case assign(op: String, name: String, ArithmeticNode, errorToken: String)
    case comma(ArithmeticNode, ArithmeticNode)
}

/// Recursive-descent parser for bash arithmetic, by C precedence.
struct ArithmeticParser {
    private struct Token {
        enum Kind: Equatable { case number(Int64), name(String), op(String), end }
        var kind: Kind
        var offset: Int
    }

    private let text: [Character]
    private var tokens: [Token] = []
    private var index = 0

    init(_ source: String) {
        text = Array(source)
    }

    /// The source from `offset` on, as bash quotes it.
    private func rest(_ offset: Int) -> String {
        offset < text.count ? String(text[offset...]) : ""
    }

    static let operators = ["<<=", ">>=", "**", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
                            "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=",
                            "+", "-", "*", "/", "%", "<", ">", "&", "^", "|", "!", "~", "?", ":", "=", ",", "(", ")"]

    private mutating func tokenize() throws(ArithmeticError) {
        var i = 0
        while i < text.count {
            let c = text[i]
            if c == " " || c == "\t" || c == "\n" { i += 1; continue }
            let start = i
            if c.isNumber {
                var word = ""
                while i < text.count, text[i].isLetter || text[i].isNumber || text[i] == "#" || text[i] == "_" || text[i] == "@" {
                    word.append(text[i])
                    i += 1
                }
                tokens.append(Token(kind: .number(try Self.number(word, token: rest(start))), offset: start))
                continue
            }
            if c.isLetter || c == "_" {
                var word = ""
                while i < text.count, text[i].isLetter || text[i].isNumber || text[i] == "_" {
                    word.append(text[i])
                    i += 1
                }
                tokens.append(Token(kind: .name(word), offset: start))
                continue
            }
            guard let op = Self.operators.first(where: { op in
                let chars = Array(op)
                return i + chars.count <= text.count && Array(text[i..<i + chars.count]) == chars
            }) else {
                throw ArithmeticError(message: "syntax error: operand expected", token: rest(start))
            }
            tokens.append(Token(kind: .op(op), offset: start))
            i += op.count
        }
        tokens.append(Token(kind: .end, offset: text.count))
    }

    /// `42`, `0x1F`, `017`, `2#101`, `64#_`.
    static func number(_ word: String, token: String) throws(ArithmeticError) -> Int64 {
        var base: Int64 = 10
        var digits = Substring(word)
        if let hash = word.firstIndex(of: "#") {
            guard let b = Int64(word[..<hash]), (2...64).contains(b) else {
                throw ArithmeticError(message: "invalid arithmetic base", token: token)
            }
            base = b
            digits = word[word.index(after: hash)...]
        } else if word.hasPrefix("0x") || word.hasPrefix("0X") {
            base = 16
            digits = word.dropFirst(2)
        } else if word.hasPrefix("0"), word.count > 1 {
            base = 8
            digits = word.dropFirst()
        }
        var value: Int64 = 0
        for c in digits {
            let digit: Int64
            if let d = c.hexDigitValue, base <= 16 || c.isNumber { digit = Int64(d) }
            else if c.isLowercase, let a = c.asciiValue { digit = Int64(a) - 97 + 10 }
            else if c.isUppercase, let a = c.asciiValue { digit = Int64(a) - 65 + (base <= 36 ? 10 : 36) }
            else if c == "@" { digit = 62 }
            else if c == "_" { digit = 63 }
            else { throw ArithmeticError(message: "value too great for base", token: token) }
            guard digit < base else { throw ArithmeticError(message: "value too great for base", token: token) }
            value = value &* base &+ digit
        }
        return value
    }

    mutating func parse() throws(ArithmeticError) -> ArithmeticNode? {
        try tokenize()
        if tokens.count == 1 { return nil }
        let node = try parseComma()
        guard tokens[index].kind == .end else {
            throw ArithmeticError(message: "syntax error in expression", token: rest(tokens[index].offset))
        }
        return node
    }

    private var current: Token { tokens[min(index, tokens.count - 1)] }

    private func isOp(_ op: String) -> Bool { current.kind == .op(op) }

    private mutating func parseComma() throws(ArithmeticError) -> ArithmeticNode {
        var node = try parseAssignment()
        while isOp(",") {
            index += 1
            node = .comma(node, try parseAssignment())
        }
        return node
    }

    private static let assignmentOps: Set<String> = ["=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|="]

    private mutating func parseAssignment() throws(ArithmeticError) -> ArithmeticNode {
        if case .name(let name) = current.kind, index + 1 < tokens.count,
           case .op(let op) = tokens[index + 1].kind, Self.assignmentOps.contains(op) {
            index += 2
            let valueOffset = current.offset
            let value = try parseAssignment()
            return .assign(op: op, name: name, value, errorToken: rest(valueOffset))
        }
        return try parseConditional()
    }

    private mutating func parseConditional() throws(ArithmeticError) -> ArithmeticNode {
        let condition = try parseBinary(0)
        guard isOp("?") else { return condition }
        index += 1
        let yes = try parseAssignment()
        guard isOp(":") else {
            throw ArithmeticError(message: "`:' expected for conditional expression", token: rest(current.offset))
        }
        index += 1
        let no = try parseAssignment()
        return .conditional(condition, yes, no)
    }

    private static let levels: [[String]] = [
        ["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"],
    ]

    private mutating func parseBinary(_ level: Int) throws(ArithmeticError) -> ArithmeticNode {
        guard level < Self.levels.count else { return try parsePower() }
        var left = try parseBinary(level + 1)
        while case .op(let op) = current.kind, Self.levels[level].contains(op) {
            index += 1
            let rightOffset = current.offset
            let right = try parseBinary(level + 1)
            switch op {
            case "&&": left = .logical(and: true, left, right)
            case "||": left = .logical(and: false, left, right)
            default: left = .binary(op, left, right, errorToken: rest(rightOffset))
            }
        }
        return left
    }

    private mutating func parsePower() throws(ArithmeticError) -> ArithmeticNode {
        let base = try parseUnary()
        guard isOp("**") else { return base }
        index += 1
        let rightOffset = current.offset
        let exponent = try parsePower()
        return .binary("**", base, exponent, errorToken: rest(rightOffset))
    }

    private mutating func parseUnary() throws(ArithmeticError) -> ArithmeticNode {
        if case .op(let op) = current.kind {
            switch op {
            case "++", "--":
                index += 1
                guard case .name(let name) = current.kind else {
                    throw ArithmeticError(message: "syntax error: operand expected", token: rest(current.offset))
                }
                index += 1
                return .increment(name: name, delta: op == "++" ? 1 : -1, prefix: true)
            case "!", "~", "-", "+":
                index += 1
                return .unary(op, try parseUnary())
            default: break
            }
        }
        return try parsePostfix()
    }

    private mutating func parsePostfix() throws(ArithmeticError) -> ArithmeticNode {
        let token = current
        switch token.kind {
        case .number(let value):
            index += 1
            return .number(value)
        case .name(let name):
            index += 1
            if isOp("++") || isOp("--") {
                let delta: Int64 = isOp("++") ? 1 : -1
                index += 1
                return .increment(name: name, delta: delta, prefix: false)
            }
            return .variable(name)
        case .op("("):
            index += 1
            let inner = try parseComma()
            guard isOp(")") else {
                throw ArithmeticError(message: "missing `)'", token: rest(current.offset))
            }
            index += 1
            return inner
        default:
            let offset = index > 0 ? tokens[index - 1].offset : token.offset
            throw ArithmeticError(message: "syntax error: operand expected", token: token.kind == .end ? rest(offset) : rest(token.offset))
        }
    }
}

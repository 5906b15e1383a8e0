/// client-go's jsonpath Parser: text and `{…}` actions with fields, arrays, filters, unions,
/// recursive descent, range/end, quoted text and numbers.
struct JSONPathParser {
    private let input: [Character]
    private var pos = 0
    private var start = 0
    /// Guards against pathological nesting (unions and filters parse sub-templates).
    private let depth: Int

    private init(_ text: String, depth: Int) {
        input = Array(text)
        self.depth = depth
    }

    /// Parses a whole template: literal text with `{…}` actions.
    static func parse(_ template: String) throws(JSONPathError) -> [JSONPathNode] {
        var parser = JSONPathParser(template, depth: 0)
        var root: [JSONPathNode] = []
        try parser.parseText(&root)
        return root
    }

    /// Parses the inside of one action (parseAction in client-go).
    private static func parseAction(_ text: String, depth: Int) throws(JSONPathError) -> [JSONPathNode] {
        guard depth < 50 else { throw JSONPathError(message: "template nested too deeply") }
        var parser = JSONPathParser(text, depth: depth + 1)
        var list: [JSONPathNode] = []
        try parser.parseInsideAction(&list, inAction: false)
        return list
    }

    private var rest: ArraySlice<Character> { input[pos...] }
    private func hasPrefix(_ prefix: String) -> Bool { rest.starts(with: Array(prefix)) }

    private mutating func next() -> Character? {
        guard pos < input.count else {
            pos += 1
            return nil
        }
        pos += 1
        return input[pos - 1]
    }

    private mutating func backup() { pos -= 1 }
    private func peek() -> Character? { pos < input.count ? input[pos] : nil }

    private mutating func consumeText() -> String {
        let end = min(pos, input.count)
        let text = start < end ? String(input[start..<end]) : ""
        start = pos
        return text
    }

    /// Literal text and actions, one after another (a loop, so long templates cannot exhaust the stack).
    private mutating func parseText(_ root: inout [JSONPathNode]) throws(JSONPathError) {
        while true {
            while pos < input.count, !hasPrefix("{") { pos += 1 }
            if pos > start { root.append(.text(consumeText())) }
            guard pos < input.count else { return }
            pos += 1
            _ = consumeText()
            var list: [JSONPathNode] = []
            try parseInsideAction(&list, inAction: true)
            root.append(.list(list))
        }
    }

    /// Parses nodes up to the action's `}` (or the end of a sub-template).
    private mutating func parseInsideAction(_ cur: inout [JSONPathNode], inAction: Bool) throws(JSONPathError) {
        var steps = 0
        while true {
            steps += 1
            if steps > 100_000 { throw JSONPathError(message: "template too long") }
            if hasPrefix("}") {
                pos += 1
                _ = consumeText()
                return
            }
            if hasPrefix("[?(") {
                try parseFilter(&cur)
                continue
            }
            if hasPrefix("..") {
                if case .recursive = cur.last { throw JSONPathError(message: "invalid multiple recursive descent") }
                pos += 2
                _ = consumeText()
                cur.append(.recursive)
                if let r = peek(), r.isLetter || r.isNumber || r == "_" { try parseField(&cur) }
                continue
            }
            guard let r = next() else {
                if inAction { throw JSONPathError(message: "unclosed action") }
                return
            }
            switch r {
            case "\r", "\n":
                throw JSONPathError(message: "unclosed action")
            case " ", "@", "$":
                _ = consumeText()
            case "[":
                try parseArray(&cur)
            case "\"", "'":
                try parseQuote(&cur, end: r)
            case ".":
                try parseField(&cur)
            case "+", "-", _ where r.isNumber && r.isASCII:
                backup()
                try parseNumber(&cur)
            case _ where r.isLetter || r.isNumber || r == "_":
                backup()
                try parseIdentifier(&cur)
            default:
                throw JSONPathError(message: "unrecognized character in action: \(Self.goRune(r))")
            }
        }
    }

    private static func isTerminator(_ r: Character?) -> Bool {
        guard let r else { return true }
        return " .,[]$@{}".contains(r)
    }

    private mutating func parseIdentifier(_ cur: inout [JSONPathNode]) throws(JSONPathError) {
        while !Self.isTerminator(next()) {}
        backup()
        let value = consumeText()
        if value == "true" || value == "false" { cur.append(.bool(value == "true")) } else { cur.append(.identifier(value)) }
    }

    private mutating func parseField(_ cur: inout [JSONPathNode]) throws(JSONPathError) {
        _ = consumeText()
        while true {
            let r = next()
            if r == "\\" {
                _ = next()
            } else if Self.isTerminator(r) {
                backup()
                break
            }
        }
        let value = consumeText()
        cur.append(value == "*" ? .wildcard : .field(value.filter { $0 != "\\" }))
    }

    private mutating func parseNumber(_ cur: inout [JSONPathNode]) throws(JSONPathError) {
        if let r = peek(), r == "+" || r == "-" { _ = next() }
        while let r = next(), r == "." || (r.isNumber && r.isASCII) {}
        backup()
        let value = consumeText()
        if let int = Int(value.hasPrefix("+") ? String(value.dropFirst()) : value) {
            cur.append(.int(int))
        } else if let double = Double(value) {
            cur.append(.float(double))
        } else {
            throw JSONPathError(message: "cannot parse number \(value)")
        }
    }

    private mutating func parseQuote(_ cur: inout [JSONPathNode], end: Character) throws(JSONPathError) {
        while true {
            let r = next()
            if r == nil || r == "\n" { throw JSONPathError(message: "unterminated quoted string") }
            if r == end, pos >= 2, input[pos - 2] != "\\" { break }
        }
        let value = consumeText()
        guard let unquoted = GoUnquote.unquoteExtended(value) else {
            throw JSONPathError(message: "unquote string \(value) error invalid syntax")
        }
        cur.append(.text(unquoted))
    }

    private mutating func parseArray(_ cur: inout [JSONPathNode]) throws(JSONPathError) {
        while true {
            let r = next()
            if r == nil || r == "\n" { throw JSONPathError(message: "unterminated array") }
            if r == "]" { break }
        }
        var text = String(consumeText().dropFirst().dropLast())
        if text == "*" { text = ":" }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        if parts.count > 1 {
            var union: [[JSONPathNode]] = []
            for part in parts {
                let trimmed = part.trimmingCharacters(in: " ")
                union.append(try Self.parseAction("[\(trimmed)]", depth: depth))
            }
            cur.append(.union(union))
            return
        }
        if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'"), !text.dropFirst().dropLast().contains("'") {
            cur.append(contentsOf: try Self.parseAction(".\(text.dropFirst().dropLast())", depth: depth))
            return
        }
        cur.append(.array(try Self.sliceParams(text)))
    }

    /// `^(-?\d*)(:-?\d*)?(:-?\d*)?$` and client-go's reading of it.
    private static func sliceParams(_ text: String) throws(JSONPathError) -> [SliceParam] {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        func valid(_ s: String) -> Bool {
            let digits = s.hasPrefix("-") ? s.dropFirst() : Substring(s)
            return digits.allSatisfy { $0.isASCII && $0.isNumber }
        }
        guard pieces.count <= 3, pieces.allSatisfy(valid) else {
            throw JSONPathError(message: "invalid array index \(text)")
        }
        var params: [SliceParam] = []
        for i in 0..<3 {
            if i < pieces.count, i == 0 ? !pieces[0].isEmpty : true {
                let piece = pieces[i]
                if i > 0 && piece.isEmpty {
                    params.append(SliceParam(value: 0, known: false))
                } else {
                    guard let value = Int(piece) else { throw JSONPathError(message: "array index \(piece) is not a number") }
                    params.append(SliceParam(value: value, known: true))
                }
            } else if i == 1 {
                params.append(SliceParam(value: params[0].value + 1, known: true, derived: true))
            } else {
                params.append(SliceParam(value: 0, known: false))
            }
        }
        return params
    }

    private mutating func parseFilter(_ cur: inout [JSONPathNode]) throws(JSONPathError) {
        pos += 3
        _ = consumeText()
        var begin = false
        var end = false
        var pair: Character = "\""
        loop: while true {
            let r = next()
            switch r {
            case nil, "\n":
                throw JSONPathError(message: "unterminated filter")
            case "\"", "'":
                if !begin {
                    begin = true
                    pair = r ?? "\""
                    continue
                }
                if pos >= 2, input[pos - 2] != "\\", r == pair { end = true }
            case ")":
                if begin == end { break loop }
            default:
                break
            }
        }
        if next() != "]" { throw JSONPathError(message: "unclosed array expect ]") }
        let text = String(consumeText().dropLast(2))
        if let (left, op, right) = Self.splitComparison(text) {
            cur.append(.filter(left: try Self.parseAction(left, depth: depth), right: try Self.parseAction(right, depth: depth), op: op))
        } else {
            cur.append(.filter(left: try Self.parseAction(text, depth: depth), right: [], op: "exists"))
        }
    }

    /// `^([^!<>=]+)([!<>=]+)(.+?)$`.
    private static func splitComparison(_ text: String) -> (String, String, String)? {
        let operators: Set<Character> = ["!", "<", ">", "="]
        guard let opStart = text.firstIndex(where: { operators.contains($0) }), opStart != text.startIndex else { return nil }
        let opEnd = text[opStart...].firstIndex(where: { !operators.contains($0) }) ?? text.endIndex
        guard opEnd != text.endIndex else { return nil }
        return (String(text[..<opStart]), String(text[opStart..<opEnd]), String(text[opEnd...]))
    }

    /// Go's %#U: `U+002C ','`.
    static func goRune(_ r: Character) -> String {
        guard let scalar = r.unicodeScalars.first else { return "" }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + " '\(r)'"
    }
}

extension StringProtocol {
    /// The text without `characters` at either end.
    func trimmingCharacters(in characters: String) -> String {
        let set = Set(characters)
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

import ShellSyntax
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Shell {
    /// `[[ … ]]`: like `test`, but operands are not split or globbed, `==` matches patterns,
    /// `=~` matches extended regular expressions, and `&&`/`||` short-circuit.
    func runConditional(_ words: [Word], io: IOContext) throws(ControlFlow) -> Int32 {
        if state.options.xtrace {
            io.stderr.line(xtracePrefix + "[[ " + words.map { Self.source(of: $0) }.joined(separator: " ") + " ]]")
        }
        var evaluator = ConditionalEvaluator(words: words, shell: self, io: io)
        return try evaluator.orExpression(evaluate: true) ? 0 : 1
    }
}

/// Evaluates the words of `[[ … ]]`; `evaluate: false` skips a short-circuited operand.
struct ConditionalEvaluator {
    let words: [Word]
    let shell: Shell
    let io: IOContext
    var position = 0

    init(words: [Word], shell: Shell, io: IOContext) {
        self.words = words
        self.shell = shell
        self.io = io
    }

    private func op(_ index: Int) -> String? {
        guard index < words.count else { return nil }
        return words[index].literalText
    }

    private func isBinary(_ index: Int) -> Bool {
        guard let text = op(index) else { return false }
        return Shell.binaryTestOperators.contains(text) || text == "=~"
    }

    mutating func orExpression(evaluate: Bool) throws(ControlFlow) -> Bool {
        var value = try andExpression(evaluate: evaluate)
        while op(position) == "||" {
            position += 1
            let right = try andExpression(evaluate: evaluate && !value)
            value = value || right
        }
        return value
    }

    private mutating func andExpression(evaluate: Bool) throws(ControlFlow) -> Bool {
        var value = try notExpression(evaluate: evaluate)
        while op(position) == "&&" {
            position += 1
            let right = try notExpression(evaluate: evaluate && value)
            value = value && right
        }
        return value
    }

    private mutating func notExpression(evaluate: Bool) throws(ControlFlow) -> Bool {
        if op(position) == "!" {
            position += 1
            return !(try notExpression(evaluate: evaluate))
        }
        return try primary(evaluate: evaluate)
    }

    private mutating func primary(evaluate: Bool) throws(ControlFlow) -> Bool {
        guard position < words.count else { return false }
        if op(position) == "(" {
            position += 1
            let value = try orExpression(evaluate: evaluate)
            if op(position) == ")" { position += 1 }
            return value
        }
        let first = words[position]
        if let text = first.literalText, Shell.unaryTestOperators.contains(text), position + 1 < words.count, !isBinary(position + 1) {
            let operandWord = words[position + 1]
            position += 2
            guard evaluate else { return false }
            return shell.unaryTest(text, try shell.expandToString(operandWord, io: io))
        }
        if isBinary(position + 1), position + 2 < words.count, let binary = op(position + 1) {
            let rightWord = words[position + 2]
            position += 3
            guard evaluate else { return false }
            let left = try shell.expandToString(first, io: io)
            switch binary {
            case "==", "=", "!=":
                let matched = try shell.expandToPattern(rightWord, io: io).matches(left)
                return binary == "!=" ? !matched : matched
            case "=~":
                return try regexMatch(left, rightWord)
            case "-eq", "-ne", "-lt", "-le", "-gt", "-ge":
                let l = try shell.evaluateArithmetic(left, io: io)
                let r = try shell.evaluateArithmetic(try shell.expandToString(rightWord, io: io), io: io)
                return (try? shell.binaryTest(binary, String(l), String(r), integers: Shell.testInteger)) ?? false
            default:
                let right = try shell.expandToString(rightWord, io: io)
                return (try? shell.binaryTest(binary, left, right, integers: Shell.testInteger)) ?? false
            }
        }
        position += 1
        guard evaluate else { return false }
        return !(try shell.expandToString(first, io: io)).isEmpty
    }

    /// `=~`: quoted parts of the pattern match literally; sets `BASH_REMATCH`.
    private func regexMatch(_ text: String, _ word: Word) throws(ControlFlow) -> Bool {
        var units: [ExpansionUnit] = []
        try shell.expandParts(word.parts, quoted: false, into: &units, io: io)
        var pattern = ""
        for unit in units {
            guard case .char(let c, let quoted, _) = unit else { continue }
            if quoted, "\\^$.[]|()?*+{}".contains(c) { pattern.append("\\") }
            pattern.append(c)
        }
        var regex = regex_t()
        guard regcomp(&regex, pattern, REG_EXTENDED) == 0 else { return false }
        defer { regfree(&regex) }
        var matches = [regmatch_t](repeating: regmatch_t(), count: 10)
        let bytes = Array(text.utf8)
        guard regexec(&regex, text, matches.count, &matches, 0) == 0 else {
            shell.state.variables["BASH_REMATCH"] = nil
            return false
        }
        var groups: [String] = []
        for match in matches where match.rm_so >= 0 {
            let start = Int(match.rm_so), end = Int(match.rm_eo)
            guard start <= end, end <= bytes.count else { break }
            groups.append(String(decoding: bytes[start..<end], as: UTF8.self))
        }
        var variable = Variable(groups.first ?? "")
        variable.array = groups
        shell.state.variables["BASH_REMATCH"] = variable
        return true
    }
}

import ShellSyntax

extension Shell {
    /// Evaluates `$(( text ))`, `(( text ))`, `let` and substring offsets. Parameter and command
    /// substitutions inside are expanded first, as bash does; errors abandon the command line.
    func evaluateArithmetic(_ text: String, io: IOContext) throws(ControlFlow) -> Int64 {
        var expression = text
        if text.contains("$") || text.contains("`") {
            let quoted = "\"" + text.filter { $0 != "\"" } + "\""
            if let script = try? Parser.parse(": " + quoted),
               case .simple(let command)? = script.body.items.first?.first.commands.first,
               command.words.count == 2 {
                expression = try expandToString(command.words[1], io: io)
            }
        }
        expression = String(expression.drop { $0 == " " || $0 == "\t" || $0 == "\n" })
        do throws(ArithmeticError) {
            return try evaluateExpression(expression, depth: 0)
        } catch {
            shellError("\(expression): \(error.message) (error token is \"\(error.token)\")", io: io)
            throw .abortLine(1)
        }
    }

    private func evaluateExpression(_ expression: String, depth: Int) throws(ArithmeticError) -> Int64 {
        guard depth < 100 else { throw ArithmeticError(message: "expression recursion level exceeded", token: expression) }
        var parser = ArithmeticParser(expression)
        guard let node = try parser.parse() else { return 0 }
        return try evaluate(node, depth: depth)
    }

    private func variableNumber(_ name: String, depth: Int) throws(ArithmeticError) -> Int64 {
        guard let value = parameterValue(name), !value.isEmpty else { return 0 }
        if let number = Int64(value) { return number }
        return try evaluateExpression(value.trimmingSpaces, depth: depth + 1)
    }

    private func setArithmeticVariable(_ name: String, _ value: Int64) throws(ArithmeticError) {
        if state.variables[name]?.readonly == true {
            throw ArithmeticError(message: "\(name): readonly variable", token: name)
        }
        setVariable(name, String(value))
    }

    private func evaluate(_ node: ArithmeticNode, depth: Int) throws(ArithmeticError) -> Int64 {
        switch node {
        case .number(let value):
            return value
        case .variable(let name):
            return try variableNumber(name, depth: depth)
        case .unary(let op, let operand):
            let value = try evaluate(operand, depth: depth)
            switch op {
            case "!": return value == 0 ? 1 : 0
            case "~": return ~value
            case "-": return 0 &- value
            default: return value
            }
        case .increment(let name, let delta, let prefix):
            let old = try variableNumber(name, depth: depth)
            try setArithmeticVariable(name, old &+ delta)
            return prefix ? old &+ delta : old
        case .binary(let op, let left, let right, let errorToken):
            return try Self.apply(op, try evaluate(left, depth: depth), try evaluate(right, depth: depth), errorToken: errorToken)
        case .logical(let and, let left, let right):
            let l = try evaluate(left, depth: depth)
            if and { return l == 0 ? 0 : (try evaluate(right, depth: depth) != 0 ? 1 : 0) }
            return l != 0 ? 1 : (try evaluate(right, depth: depth) != 0 ? 1 : 0)
        case .conditional(let condition, let yes, let no):
            return try evaluate(condition, depth: depth) != 0 ? evaluate(yes, depth: depth) : evaluate(no, depth: depth)
        case .assign(let op, let name, let valueNode, let errorToken):
            var value = try evaluate(valueNode, depth: depth)
            if op != "=" {
                value = try Self.apply(String(op.dropLast()), try variableNumber(name, depth: depth), value, errorToken: errorToken)
            }
            try setArithmeticVariable(name, value)
            return value
        case .comma(let left, let right):
            _ = try evaluate(left, depth: depth)
            return try evaluate(right, depth: depth)
        }
    }

    private static func apply(_ op: String, _ l: Int64, _ r: Int64, errorToken: String) throws(ArithmeticError) -> Int64 {
        switch op {
        case "+": return l &+ r
        case "-": return l &- r
        case "*": return l &* r
        case "/", "%":
            guard r != 0 else { throw ArithmeticError(message: "division by 0", token: errorToken) }
            if l == .min && r == -1 { return op == "/" ? l : 0 }
            return op == "/" ? l / r : l % r
        case "**":
            guard r >= 0 else { throw ArithmeticError(message: "exponent less than 0", token: errorToken) }
            var result: Int64 = 1
            var base = l, exponent = r
            while exponent > 0 {
                if exponent & 1 == 1 { result = result &* base }
                base = base &* base
                exponent >>= 1
            }
            return result
        case "<<": return l << (r & 63)
        case ">>": return l >> (r & 63)
        case "<": return l < r ? 1 : 0
        case ">": return l > r ? 1 : 0
        case "<=": return l <= r ? 1 : 0
        case ">=": return l >= r ? 1 : 0
        case "==": return l == r ? 1 : 0
        case "!=": return l != r ? 1 : 0
        case "&": return l & r
        case "^": return l ^ r
        case "|": return l | r
        default: return 0
        }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}

extension Shell {
    /// `declare -x NAME="value"`-style quoting for `export -p`, `declare -p`.
    static func declareQuote(_ value: String) -> String {
        var out = "\""
        for c in value {
            if "\"\\$`".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out + "\""
    }

    /// Splits `NAME=value` / `NAME+=value` / `NAME` operands of export, readonly, local, declare.
    private func nameAndValue(_ operand: String) -> (name: String, value: String?, append: Bool) {
        guard let equals = operand.firstIndex(of: "=") else { return (operand, nil, false) }
        var name = String(operand[..<equals])
        let value = String(operand[operand.index(after: equals)...])
        let append = name.hasSuffix("+")
        if append { name.removeLast() }
        return (name, value, append)
    }

    private func declareLine(_ name: String, _ variable: Variable, flags: String) -> String {
        if let array = variable.array {
            let items = array.enumerated().map { "[\($0.offset)]=" + Self.declareQuote($0.element) }.joined(separator: " ")
            return "declare -a\(flags.replacingOccurrences(of: "-", with: "")) \(name)=(\(items))"
        }
        return "declare \(flags) \(name)=" + Self.declareQuote(variable.value)
    }

    private func flagsOf(_ variable: Variable) -> String {
        var flags = ""
        if variable.array != nil { flags += "a" }
        if variable.readonly { flags += "r" }
        if variable.exported { flags += "x" }
        return flags.isEmpty ? "--" : "-" + flags
    }

    /// Applies one `NAME[=value]` operand with attributes; false (after printing) when invalid.
    private func declareOperand(_ builtin: String, _ operand: String, export: Bool?, readonly: Bool, local: Bool, io: IOContext) -> Bool {
        let (name, value, append) = nameAndValue(operand)
        guard Self.isValidName(name) else {
            builtinError(builtin, "`\(operand)': not a valid identifier", io: io)
            return false
        }
        if local { makeLocal(name) }
        if let value {
            if state.variables[name]?.readonly == true {
                builtinError(builtin, "\(name): readonly variable", io: io)
                return false
            }
            setVariable(name, append ? (state.variables[name]?.value ?? "") + value : value)
        } else if local {
            // `local x` declares x in the function; the lab treats it as empty.
            state.variables[name] = Variable("")
        }
        if export != nil || readonly {
            var variable = state.variables[name] ?? Variable("")
            if let export { variable.exported = export }
            if readonly { variable.readonly = true }
            state.variables[name] = variable
        }
        return true
    }

    func export(_ args: [String], io: IOContext) -> Int32 {
        var operands = args
        var unexport = false
        while let first = operands.first, first.hasPrefix("-"), first.count > 1 {
            operands.removeFirst()
            if first == "--" { break }
            for flag in first.dropFirst() {
                switch flag {
                case "n": unexport = true
                case "p", "f": break
                default:
                    builtinError("export", "-\(flag): invalid option", io: io)
                    io.stderr.line("export: usage: export [-fn] [name[=value] ...] or export -p")
                    return 2
                }
            }
        }
        if operands.isEmpty {
            for name in state.variables.keys.sorted() {
                guard let variable = state.variables[name], variable.exported else { continue }
                io.stdout.line("declare \(flagsOf(variable)) \(name)=" + Self.declareQuote(variable.value))
            }
            return 0
        }
        var status: Int32 = 0
        for operand in operands where !declareOperand("export", operand, export: !unexport, readonly: false, local: false, io: io) {
            status = 1
        }
        return status
    }

    func readonly(_ args: [String], io: IOContext) -> Int32 {
        let operands = args.filter { !$0.hasPrefix("-") }
        if operands.isEmpty {
            for name in state.variables.keys.sorted() {
                guard let variable = state.variables[name], variable.readonly else { continue }
                io.stdout.line(declareLine(name, variable, flags: flagsOf(variable)))
            }
            return 0
        }
        var status: Int32 = 0
        for operand in operands where !declareOperand("readonly", operand, export: nil, readonly: true, local: false, io: io) {
            status = 1
        }
        return status
    }

    func local(_ args: [String], io: IOContext) -> Int32 {
        guard functionDepth > 0 else {
            builtinError("local", "can only be used in a function", io: io)
            return 1
        }
        return declare("local", args, io: io)
    }

    func declare(_ name: String, _ args: [String], io: IOContext) -> Int32 {
        var operands: [String] = []
        var export: Bool?
        var readonly = false
        var print = false
        var functions = false
        var array = false
        for arg in args {
            if operands.isEmpty, arg.hasPrefix("-") || arg.hasPrefix("+"), arg.count > 1 {
                let on = arg.hasPrefix("-")
                for flag in arg.dropFirst() {
                    switch flag {
                    case "x": export = on
                    case "r": readonly = true
                    case "p": print = true
                    case "f", "F": functions = true
                    case "a", "A": array = true
                    case "i", "l", "u", "n", "t", "g": break
                    default:
                        builtinError(name, "-\(flag): invalid option", io: io)
                        return 2
                    }
                }
                continue
            }
            operands.append(arg)
        }
        if functions {
            for function in state.functions.keys.sorted() where operands.isEmpty || operands.contains(function) {
                io.stdout.line("declare -f \(function)")
            }
            return 0
        }
        if print || operands.isEmpty {
            var status: Int32 = 0
            let names = operands.isEmpty ? state.variables.keys.sorted() : operands
            for variableName in names {
                guard let variable = state.variables[variableName] else {
                    builtinError(name, "\(variableName): not found", io: io)
                    status = 1
                    continue
                }
                if operands.isEmpty, !print {
                    io.stdout.line("\(variableName)=" + Self.quoteForSet(variable.value))
                } else {
                    io.stdout.line(declareLine(variableName, variable, flags: flagsOf(variable)))
                }
            }
            return status
        }
        let isLocal = name == "local" || functionDepth > 0
        var status: Int32 = 0
        for operand in operands {
            if !declareOperand(name, operand, export: export, readonly: readonly, local: isLocal, io: io) { status = 1 }
            if array, !operand.contains("="), state.variables[operand]?.array == nil {
                var variable = state.variables[operand] ?? Variable("")
                variable.array = []
                state.variables[operand] = variable
            }
        }
        return status
    }

    func unset(_ args: [String], io: IOContext) -> Int32 {
        var functionsOnly = false
        var variablesOnly = false
        var status: Int32 = 0
        for arg in args {
            if arg == "-f" { functionsOnly = true; continue }
            if arg == "-v" { variablesOnly = true; continue }
            if arg == "-n" { continue }
            if functionsOnly {
                state.functions[arg] = nil
                continue
            }
            if let (base, subscriptText) = Self.splitSubscript(arg), let index = Int(subscriptText) {
                if var variable = state.variables[base], var array = variable.array, array.indices.contains(index) {
                    array.remove(at: index)
                    variable.array = array
                    state.variables[base] = variable
                }
                continue
            }
            guard Self.isValidName(arg) else {
                builtinError("unset", "`\(arg)': not a valid identifier", io: io)
                status = 1
                continue
            }
            if state.variables[arg]?.readonly == true {
                builtinError("unset", "\(arg): cannot unset: readonly variable", io: io)
                status = 1
                continue
            }
            if state.variables[arg] != nil {
                state.variables[arg] = nil
            } else if !variablesOnly {
                state.functions[arg] = nil
            }
        }
        return status
    }

    func shift(_ args: [String], io: IOContext) -> Int32 {
        var count = 1
        if let first = args.first {
            guard let value = Int(first), value >= 0 else {
                builtinError("shift", "\(first): numeric argument required", io: io)
                return 1
            }
            count = value
        }
        guard count <= state.positional.count else { return 1 }
        state.positional.removeFirst(count)
        return 0
    }

    func letBuiltin(_ args: [String], io: IOContext) throws(ControlFlow) -> Int32 {
        guard !args.isEmpty else {
            builtinError("let", "expression expected", io: io)
            return 1
        }
        var last: Int64 = 0
        for arg in args { last = try evaluateArithmetic(arg, io: io) }
        return last == 0 ? 1 : 0
    }

    /// `set`'s listing quotes values that need it, the way bash does.
    static func quoteForSet(_ value: String) -> String {
        if value.isEmpty { return "''" }
        let special = " \t\n!\"#$&'()*;<>?[\\]^`{|}~"
        guard value.contains(where: { special.contains($0) }) else { return value }
        if value.contains(where: { $0 == "\n" || $0 == "\t" }) { return shellQuote(value) }
        return "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

import CommandKit
import NodeFS
import ShellSyntax

extension Shell {
    func runSimple(_ original: SimpleCommand, io: IOContext) throws(ControlFlow) -> Int32 {
        currentLine = original.position.line
        try budget.step()
        var command = original
        if flavor == .interactive || aliasesEverywhere, let expanded = try expandAlias(command, io: io) {
            switch expanded {
            case .command(let replaced): command = replaced
            case .status(let status): return status
            }
        }
        let arguments = try expandWords(command.words, io: io)
        guard let name = arguments.first else {
            // Assignments alone set shell variables; redirections alone create files.
            state.lastStatus = 0
            try performAssignments(command.assignments, io: io)
            let substitutionStatus = state.lastStatus
            let status = try withRedirections(command.redirections, io: io) { _ throws(ControlFlow) in 0 }
            return status != 0 ? status : substitutionStatus
        }
        return try withRedirections(command.redirections, io: io) { io throws(ControlFlow) in
            var prefix: [(String, String)] = []
            for assignment in command.assignments {
                var value = try expandToString(assignment.value, io: io)
                if assignment.append { value = (parameterValue(assignment.name) ?? "") + value }
                prefix.append((assignment.name, value))
            }
            if state.options.xtrace {
                let words = prefix.map { "\($0.0)=\(Self.xtraceQuote($0.1))" } + arguments.map(Self.xtraceQuote)
                io.stderr.line(xtracePrefix + words.joined(separator: " "))
            }
            return try dispatch(name: name, arguments: arguments, prefix: prefix, io: io)
        }
    }

    var aliasesEverywhere: Bool { state.variables["BASH_ALIASES_EVERYWHERE"] != nil }

    var xtracePrefix: String { state.variables["PS4"]?.value ?? "+ " }

    /// Functions first, then builtins, then programs on `$PATH` (bash's order).
    func dispatch(name: String, arguments: [String], prefix: [(String, String)], io: IOContext) throws(ControlFlow) -> Int32 {
        if let body = state.functions[name] {
            return try withTemporaryVariables(prefix, exported: true) { () throws(ControlFlow) in
                try callFunction(name, body: body, arguments: arguments, io: io)
            }
        }
        if Self.builtinNames.contains(name) {
            if Self.specialBuiltins.contains(name) {
                for (variable, value) in prefix { try assign(variable, value, io: io) }
                return try runBuiltin(name, arguments, io: io)
            }
            return try withTemporaryVariables(prefix, exported: false) { () throws(ControlFlow) in
                try runBuiltin(name, arguments, io: io)
            }
        }
        var environment = self.environment
        for (variable, value) in prefix { environment[variable] = value }
        return try runProgram(arguments, environment: environment, io: io, reportErrors: true)
    }

    /// Sets `NAME=value` prefixes for the duration of a builtin or function.
    func withTemporaryVariables(_ prefix: [(String, String)], exported: Bool,
                                _ body: () throws(ControlFlow) -> Int32) throws(ControlFlow) -> Int32 {
        if prefix.isEmpty { return try body() }
        var saved: [(String, Variable?)] = []
        for (name, value) in prefix {
            saved.append((name, state.variables[name]))
            var variable = state.variables[name] ?? Variable("")
            variable.value = value
            variable.array = nil
            if exported { variable.exported = true }
            state.variables[name] = variable
        }
        defer { for (name, variable) in saved.reversed() { state.variables[name] = variable } }
        return try body()
    }

    func callFunction(_ name: String, body: ShellCommand, arguments: [String], io: IOContext) throws(ControlFlow) -> Int32 {
        let limit = Int(state.variables["FUNCNEST"]?.value ?? "") ?? Budget.maxDepth
        guard functionDepth < min(limit > 0 ? limit : Budget.maxDepth, Budget.maxDepth), budget.depth < Budget.maxDepth else {
            shellError("\(name): maximum function nesting level exceeded (\(min(limit > 0 ? limit : Budget.maxDepth, Budget.maxDepth)))", io: io)
            throw .abortLine(1)
        }
        let savedPositional = state.positional
        state.positional = Array(arguments.dropFirst())
        state.localFrames.append([:])
        functionDepth += 1
        budget.depth += 1
        defer {
            budget.depth -= 1
            functionDepth -= 1
            popLocalFrame()
            state.positional = savedPositional
        }
        do {
            return try runCommand(body, io: io)
        } catch .returnFromFunction(let status) {
            return status
        }
    }
}

import ShellSyntax

extension Shell {
    /// Sets a variable without checks (keeps its attributes).
    func setVariable(_ name: String, _ value: String) {
        if let (base, subscriptText) = Self.splitSubscript(name), let index = Int(subscriptText), index >= 0, index < 100_000 {
            var variable = state.variables[base] ?? Variable("")
            var array = variable.array ?? (state.variables[base].map { [$0.value] } ?? [])
            while array.count <= index { array.append("") }
            array[index] = value
            variable.array = array
            variable.value = array.first ?? ""
            state.variables[base] = variable
            return
        }
        if var variable = state.variables[name] {
            variable.value = value
            variable.array = nil
            if state.options.allexport { variable.exported = true }
            state.variables[name] = variable
        } else {
            state.variables[name] = Variable(value, exported: state.options.allexport)
        }
    }

    /// An assignment as the user wrote it: refused for readonly variables, with bash's message.
    func assign(_ name: String, _ value: String, io: IOContext) throws(ControlFlow) {
        if state.variables[name]?.readonly == true {
            shellError("\(name): readonly variable", io: io)
            throw .abortLine(1)
        }
        setVariable(name, value)
    }

    /// Performs `NAME=value` / `NAME+=value` assignments, with xtrace.
    func performAssignments(_ assignments: [Assignment], io: IOContext) throws(ControlFlow) {
        for assignment in assignments {
            var value = try expandToString(assignment.value, io: io)
            if assignment.append { value = (parameterValue(assignment.name) ?? "") + value }
            if state.options.xtrace { io.stderr.line(xtracePrefix + assignment.name + "=" + Self.xtraceQuote(value)) }
            try assign(assignment.name, value, io: io)
        }
    }

    /// `local NAME`: remembers the outer value so the function's return restores it.
    func makeLocal(_ name: String) {
        guard !state.localFrames.isEmpty else { return }
        let last = state.localFrames.count - 1
        if state.localFrames[last].keys.contains(name) { return }
        state.localFrames[last][name] = .some(state.variables[name])
    }

    /// Undoes a function's `local` declarations.
    func popLocalFrame() {
        guard let frame = state.localFrames.popLast() else { return }
        for (name, saved) in frame {
            state.variables[name] = saved
        }
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || first.isLetter, first.isASCII else { return false }
        return name.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "_") && $0.isASCII }
    }
}

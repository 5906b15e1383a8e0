import ShellSyntax

extension Shell {
    func runCompound(_ compound: CompoundCommand, io: IOContext) throws(ControlFlow) -> Int32 {
        switch compound {
        case .braceGroup(let list):
            return try runList(list, io: io)
        case .subshell(let list):
            return try runSubshell(io: io) { shell, io throws(ControlFlow) in try shell.runList(list, io: io) }
        case .ifClause(let clause):
            return try runIf(clause, io: io)
        case .whileLoop(let condition, let body, let until):
            return try runWhile(condition: condition, body: body, until: until, io: io)
        case .forLoop(let variable, let words, let body):
            return try runFor(variable: variable, words: words, body: body, io: io)
        case .caseClause(let subject, let items):
            return try runCase(subject: subject, items: items, io: io)
        case .conditional(let words):
            return try runConditional(words, io: io)
        case .arithmetic(let text):
            if state.options.xtrace { io.stderr.line(xtracePrefix + "(( \(text) ))") }
            let value = try evaluateArithmetic(text, io: io)
            return value == 0 ? 1 : 0
        }
    }

    /// Runs a condition list where `set -e` does not apply.
    func runCondition(_ list: CommandList, io: IOContext) throws(ControlFlow) -> Int32 {
        conditionDepth += 1
        defer { conditionDepth -= 1 }
        return try runList(list, io: io)
    }

    private func runIf(_ clause: IfClause, io: IOContext) throws(ControlFlow) -> Int32 {
        for branch in clause.branches where try runCondition(branch.condition, io: io) == 0 {
            return try runList(branch.body, io: io)
        }
        if let elseBody = clause.elseBody { return try runList(elseBody, io: io) }
        return 0
    }

    /// What a loop does after its body threw `break`/`continue`: nil to go on, or a status to stop with.
    private enum LoopExit { case next, stop }

    private func loopControl(_ error: ControlFlow) throws(ControlFlow) -> LoopExit {
        switch error {
        case .breakLoop(let count):
            if count > 1 { throw .breakLoop(count - 1) }
            return .stop
        case .continueLoop(let count):
            if count > 1 { throw .continueLoop(count - 1) }
            return .next
        default:
            throw error
        }
    }

    private func runWhile(condition: CommandList, body: CommandList, until: Bool, io: IOContext) throws(ControlFlow) -> Int32 {
        var status: Int32 = 0
        loopDepth += 1
        defer { loopDepth -= 1 }
        while true {
            try budget.step()
            let test = try runCondition(condition, io: io)
            if (test == 0) == until { break }
            do {
                status = try runList(body, io: io)
            } catch {
                if try loopControl(error) == .stop { status = 0; break }
                status = 0
            }
        }
        return status
    }

    private func runFor(variable: String, words: [Word]?, body: CommandList, io: IOContext) throws(ControlFlow) -> Int32 {
        let values = try words.map { words throws(ControlFlow) in try expandWords(words, io: io) } ?? state.positional
        var status: Int32 = 0
        loopDepth += 1
        defer { loopDepth -= 1 }
        for value in values {
            try budget.step()
            try assign(variable, value, io: io)
            do {
                status = try runList(body, io: io)
            } catch {
                if try loopControl(error) == .stop { break }
            }
        }
        return status
    }

    private func runCase(subject: Word, items: [CaseItem], io: IOContext) throws(ControlFlow) -> Int32 {
        let text = try expandToString(subject, io: io)
        var status: Int32 = 0
        var index = 0
        var fallingThrough = false
        while index < items.count {
            let item = items[index]
            var matched = fallingThrough
            if !matched {
                for pattern in item.patterns where try expandToPattern(pattern, io: io).matches(text) {
                    matched = true
                    break
                }
            }
            index += 1
            guard matched else { continue }
            status = try runList(item.body, io: io)
            switch item.terminator {
            case .break: return status
            case .fallThrough: fallingThrough = true
            case .testNext: fallingThrough = false
            }
        }
        return status
    }
}

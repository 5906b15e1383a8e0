import NodeFS
import ShellSyntax

extension Shell {
    func exit(_ args: [String], io: IOContext) throws(ControlFlow) -> Int32 {
        guard let first = args.first else { throw .exit(state.lastStatus) }
        guard let value = Int64(first.trimmingSpaces) else {
            builtinError("exit", "\(first): numeric argument required", io: io)
            throw .exit(2)
        }
        guard args.count == 1 else {
            if flavor == .interactive { io.stderr.line("exit") }
            builtinError("exit", "too many arguments", io: io)
            throw .abortLine(1)
        }
        throw .exit(Int32(truncatingIfNeeded: value & 0xFF))
    }

    func returnBuiltin(_ args: [String], io: IOContext) throws(ControlFlow) -> Int32 {
        guard functionDepth > 0 || sourceDepth > 0 else {
            builtinError("return", "can only `return' from a function or sourced script", io: io)
            return 2
        }
        guard let first = args.first else { throw .returnFromFunction(state.lastStatus) }
        guard let value = Int64(first.trimmingSpaces) else {
            builtinError("return", "\(first): numeric argument required", io: io)
            throw .returnFromFunction(2)
        }
        throw .returnFromFunction(Int32(truncatingIfNeeded: value & 0xFF))
    }

    func loopBuiltin(_ name: String, _ args: [String], io: IOContext) throws(ControlFlow) -> Int32 {
        var count = 1
        if let first = args.first {
            guard let value = Int(first) else {
                builtinError(name, "\(first): numeric argument required", io: io)
                return 1
            }
            guard value >= 1 else {
                builtinError(name, "\(first): loop count out of range", io: io)
                return 1
            }
            count = value
        }
        guard loopDepth > 0 else {
            builtinError(name, "only meaningful in a `for', `while', or `until' loop", io: io)
            return 0
        }
        count = min(count, loopDepth)
        throw name == "break" ? .breakLoop(count) : .continueLoop(count)
    }

    /// Parses and runs text in this shell (eval, source, aliases that are not simple commands).
    func runText(_ text: String, io: IOContext, context: String?) throws(ControlFlow) -> Int32 {
        guard budget.depth < Budget.maxDepth else {
            shellError("\(context ?? "eval"): maximum nesting level exceeded", io: io)
            throw .abortLine(1)
        }
        budget.depth += 1
        defer { budget.depth -= 1 }
        let script: Script
        do {
            script = try Parser.parse(text)
        } catch {
            let prefix = context.map { "\(errorPrefix)\($0): line \(error.line): " } ?? errorPrefix
            for message in (context == nil ? error.messages : error.scriptMessages) { io.stderr.line(prefix + message) }
            return 2
        }
        state.lastStatus = 0
        let savedAliases = lineAliases
        lineAliases = state.aliases
        defer { lineAliases = savedAliases }
        return try runList(script.body, io: io)
    }

    func eval(_ args: [String], io: IOContext) throws(ControlFlow) -> Int32 {
        let text = args.joined(separator: " ")
        guard !text.isEmpty else { return 0 }
        return try runText(text, io: io, context: "eval")
    }

    func source(_ name: String, _ args: [String], io: IOContext) throws(ControlFlow) -> Int32 {
        guard let file = args.first else {
            builtinError(name, "filename argument required", io: io)
            io.stderr.line("\(name): usage: \(name) filename [arguments]")
            return 2
        }
        var path = Path.join(state.workingDirectory, file)
        if !file.contains("/") {
            for directory in (state.variables["PATH"]?.value ?? "").split(separator: ":") {
                let candidate = Path.join(String(directory), file)
                if let info = try? fileSystem.info(candidate), info.isRegular {
                    path = candidate
                    break
                }
            }
        }
        let text: String
        do throws(FSError) {
            if try fileSystem.info(path).isDirectory { throw FSError.isADirectory }
            text = String(decoding: try fileSystem.readFile(path), as: UTF8.self)
        } catch .isADirectory {
            shellError("\(file): is a directory", io: io)
            return 1
        } catch {
            shellError("\(file): \(error.message)", io: io)
            return 1
        }
        guard budget.depth < Budget.maxDepth else {
            shellError("\(file): maximum source nesting level exceeded", io: io)
            throw .abortLine(1)
        }
        let savedPositional = state.positional
        if args.count > 1 { state.positional = Array(args.dropFirst()) }
        sourceDepth += 1
        budget.depth += 1
        defer {
            budget.depth -= 1
            sourceDepth -= 1
            if args.count > 1 { state.positional = savedPositional }
        }
        let savedLine = currentLine
        defer { currentLine = savedLine }
        let reader = ScriptReader(text)
        var status: Int32 = 0
        while true {
            let list: CommandList?
            do {
                list = try reader.next()
            } catch {
                for message in error.scriptMessages { io.stderr.line("\(file): line \(error.line): " + message) }
                return 2
            }
            guard let list else { break }
            do {
                status = try runList(list, io: io)
            } catch .returnFromFunction(let value) {
                return value
            }
        }
        return status
    }

    func exec(_ args: [String], io: IOContext) throws(ControlFlow) -> Int32 {
        guard !args.isEmpty else { return 0 }
        throw .exit(try runProgram(args, environment: environment, io: io, reportErrors: true))
    }

    func commandBuiltin(_ args: [String], io: IOContext) throws(ControlFlow) -> Int32 {
        var operands = args
        var describe: Character?
        while let first = operands.first, first.hasPrefix("-"), first.count > 1 {
            operands.removeFirst()
            if first == "--" { break }
            for flag in first.dropFirst() {
                switch flag {
                case "v", "V": describe = flag
                case "p": break
                default:
                    builtinError("command", "-\(flag): invalid option", io: io)
                    io.stderr.line("command: usage: command [-pVv] command [arg ...]")
                    return 2
                }
            }
        }
        guard let name = operands.first else { return 0 }
        if let describe {
            var status: Int32 = 0
            for operand in operands {
                if describe == "V" {
                    if !describeType(operand, io: io, terse: false, reportMissing: true) { status = 1 }
                    continue
                }
                if let alias = state.aliases[operand] {
                    io.stdout.line("alias \(operand)=" + Self.aliasQuote(alias))
                } else if Self.keywords.contains(operand) || state.functions[operand] != nil || Self.builtinNames.contains(operand) {
                    io.stdout.line(operand)
                } else if operand.contains("/") {
                    if let info = try? fileSystem.info(Path.join(state.workingDirectory, operand)), !info.isDirectory, info.mode & 0o111 != 0 {
                        io.stdout.line(operand)
                    } else {
                        status = 1
                    }
                } else if let path = locate(operand) {
                    io.stdout.line(path)
                } else {
                    status = 1
                }
            }
            return status
        }
        if Self.builtinNames.contains(name) { return try runBuiltin(name, operands, io: io) }
        return try runProgram(operands, environment: environment, io: io, reportErrors: true)
    }
}

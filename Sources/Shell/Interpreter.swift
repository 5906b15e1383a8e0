import CommandKit
import ShellSyntax

extension Shell {
    /// Parses and runs `source` one top-level line at a time, as bash reads a script.
    func runSource(_ source: String, io: IOContext, catchingReturn: Bool = false) -> Int32 {
        var lines = ScriptLines(source)
        while true {
            let line = lines.next()
            printWarnings(line.warnings, io: io)
            let list: CommandList?
            switch line.outcome {
            case .success(let parsed):
                list = parsed
            case .failure(let error):
                reportSyntaxError(error, io: io)
                state.lastStatus = 2
                if flavor != .interactive { exitRequested = 2 }
                return 2
            }
            guard let list else { break }
            lineAliases = state.aliases
            do {
                try runList(list, io: io)
            } catch {
                switch error {
                case .exit(let status):
                    exitRequested = status
                    state.lastStatus = status
                    return status
                case .abortLine(let status):
                    // bash abandons the rest of the line and reads the next one.
                    state.lastStatus = status
                case .returnFromFunction(let status):
                    state.lastStatus = status
                    if catchingReturn { return status }
                case .breakLoop, .continueLoop:
                    break
                case .budgetExceeded:
                    if !isNested, let message = budget.message {
                        io.stderr.line("bash: ckalab: \(message)")
                    }
                    state.lastStatus = 1
                    if isNested { exitRequested = 1 }
                    return 1
                }
            }
        }
        return state.lastStatus
    }

    private func printWarnings(_ warnings: [SyntaxWarning], io: IOContext) {
        for warning in warnings {
            currentLine = warning.line
            io.stderr.line(errorPrefix + "warning: " + warning.message)
        }
    }

    func reportSyntaxError(_ error: SyntaxError, io: IOContext) {
        switch flavor {
        case .interactive:
            for message in error.messages { io.stderr.line("bash: " + message) }
        case .commandString(let name):
            for message in error.scriptMessages { io.stderr.line("\(name): -c: line \(error.line): " + message) }
        case .file(let name):
            for message in error.scriptMessages { io.stderr.line("\(name): line \(error.line): " + message) }
        }
    }

    /// `bash: ` or `NAME: line N: `, before every error the shell itself prints.
    var errorPrefix: String {
        switch flavor {
        case .interactive: "bash: "
        case .commandString(let name): "\(name): line \(currentLine): "
        case .file(let name): "\(name): line \(currentLine): "
        }
    }

    /// Prints one of the shell's own errors.
    func shellError(_ message: String, io: IOContext) {
        io.stderr.line(errorPrefix + message)
    }

    // MARK: - Lists

    @discardableResult
    func runList(_ list: CommandList, io: IOContext) throws(ControlFlow) -> Int32 {
        var status: Int32 = state.lastStatus
        for item in list.items {
            status = try runAndOr(item, io: io)
        }
        return status
    }

    func runAndOr(_ item: AndOrList, io: IOContext) throws(ControlFlow) -> Int32 {
        if item.background {
            // No job control: the list runs to completion now, and `$!` names a made-up job.
            _ = try runAndOrForeground(item, io: io)
            state.lastBackgroundPID = nextPID()
            state.lastStatus = 0
            return 0
        }
        return try runAndOrForeground(item, io: io)
    }

    private func runAndOrForeground(_ item: AndOrList, io: IOContext) throws(ControlFlow) -> Int32 {
        let pipelines = [item.first] + item.rest.map(\.pipeline)
        var status = try runPipelineChecked(item.first, io: io, isLast: item.rest.isEmpty)
        for (index, link) in item.rest.enumerated() {
            let runs = link.op == .and ? status == 0 : status != 0
            guard runs else { continue }
            status = try runPipelineChecked(link.pipeline, io: io, isLast: index == pipelines.count - 2)
        }
        return status
    }

    /// Runs a pipeline and applies `set -e` when its failure is not tested by `&&`, `||` or `!`.
    private func runPipelineChecked(_ pipeline: Pipeline, io: IOContext, isLast: Bool) throws(ControlFlow) -> Int32 {
        if !isLast { conditionDepth += 1 }
        defer { if !isLast { conditionDepth -= 1 } }
        let status = try runPipeline(pipeline, io: io)
        if status != 0, isLast, !pipeline.negated, conditionDepth == 0, state.options.errexit {
            throw .exit(status)
        }
        return status
    }

    func nextPID() -> Int {
        let pid = (state.lastBackgroundPID ?? 4200) + 7
        return pid
    }

    // MARK: - Pipelines

    func runPipeline(_ pipeline: Pipeline, io: IOContext) throws(ControlFlow) -> Int32 {
        currentLine = pipeline.position.line
        if pipeline.negated { conditionDepth += 1 }
        defer { if pipeline.negated { conditionDepth -= 1 } }
        var statuses: [Int32] = []
        if pipeline.commands.count == 1, let command = pipeline.commands.first {
            statuses = [try runCommand(command, io: io)]
        } else {
            var input = io.stdin
            for (index, command) in pipeline.commands.enumerated() {
                var stageIO = io
                stageIO.fds[0] = .input(input)
                let isLast = index == pipeline.commands.count - 1
                var buffer: CaptureBuffer?
                if !isLast {
                    let capture = CaptureBuffer()
                    buffer = capture
                    stageIO.fds[1] = .output(capture.sink, terminal: false)
                }
                var stage = command
                if pipeline.pipesStderr.indices.contains(index), pipeline.pipesStderr[index] {
                    stage = Self.addingStderrToStdout(command, position: pipeline.position)
                }
                let status = try runSubshell(io: stageIO) { shell, io throws(ControlFlow) in
                    try shell.runCommand(stage, io: io)
                }
                statuses.append(status)
                input = InputStream(buffer?.bytes ?? [])
            }
        }
        if pipeline.timed {
            io.stderr.write("\nreal\t0m0.000s\nuser\t0m0.000s\nsys\t0m0.000s\n")
        }
        var status = statuses.last ?? 0
        if state.options.pipefail, let failed = statuses.last(where: { $0 != 0 }) { status = failed }
        if pipeline.negated { status = status == 0 ? 1 : 0 }
        state.pipeStatus = statuses
        state.lastStatus = status
        return status
    }

    /// `a |& b` is `a 2>&1 | b`, the `2>&1` coming after a's own redirections.
    static func addingStderrToStdout(_ command: ShellCommand, position: SourcePosition) -> ShellCommand {
        let duplicate = Redirection(fd: 2, op: .duplicateOutput, target: Word([.literal("1")], position: position), position: position)
        switch command {
        case .simple(var simple):
            simple.redirections.append(duplicate)
            return .simple(simple)
        case .compound(let compound, let redirections):
            return .compound(compound, redirections: redirections + [duplicate])
        case .function:
            return command
        }
    }

    /// Runs `body` with a copy of the shell's state that is thrown away afterwards, as bash
    /// forks for `( … )`, pipeline stages and `$( … )`.
    func runSubshell(io: IOContext, _ body: (Shell, IOContext) throws(ControlFlow) -> Int32) throws(ControlFlow) -> Int32 {
        let saved = state
        let savedExit = exitRequested
        let savedDepths = (loopDepth, functionDepth, conditionDepth, sourceDepth)
        defer {
            let status = state.lastStatus
            state = saved
            state.lastStatus = status
            exitRequested = savedExit
            (loopDepth, functionDepth, conditionDepth, sourceDepth) = savedDepths
        }
        loopDepth = 0
        functionDepth = 0
        sourceDepth = 0
        do {
            let status = try body(self, io)
            state.lastStatus = status
            return status
        } catch {
            switch error {
            case .exit(let status), .abortLine(let status), .returnFromFunction(let status):
                state.lastStatus = status
                return status
            case .breakLoop, .continueLoop:
                return state.lastStatus
            case .budgetExceeded:
                throw error
            }
        }
    }

    // MARK: - Commands

    func runCommand(_ command: ShellCommand, io: IOContext) throws(ControlFlow) -> Int32 {
        let status: Int32
        switch command {
        case .simple(let simple):
            status = try runSimple(simple, io: io)
        case .compound(let compound, let redirections):
            status = try withRedirections(redirections, io: io) { io throws(ControlFlow) in
                try runCompound(compound, io: io)
            }
        case .function(let definition):
            state.functions[definition.name] = definition.body
            status = 0
        }
        state.lastStatus = status
        return status
    }
}

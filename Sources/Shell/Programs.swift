import CommandKit
import NodeFS

extension Shell {
    /// Registers `bash` and `sh`; the interpreter recognises them and runs a child shell.
    /// `sh` and `bash` as programs on `$PATH` (a shell's registry gets them at start; one shared
    /// by many shells can have them already, so no shell copies it).
    public static func registerShellPrograms(_ commands: inout CommandRegistry) {
        for name in ["bash", "sh"] where commands[name] == nil {
            commands.register(Command(name, path: "/usr/bin/\(name)") { _ in 127 })
        }
    }

    static let shellProgramPaths: Set<String> = ["/usr/bin/bash", "/usr/bin/sh", "/bin/bash", "/bin/sh"]

    func searchPath(_ environment: [String: String]) -> String {
        environment["PATH"] ?? state.variables["PATH"]?.value ?? ""
    }

    /// Where `name` resolves on `$PATH`, as `type` and `which` report it.
    func locate(_ name: String) -> String? {
        commands.lookup(name, path: state.variables["PATH"]?.value ?? "")?.path
    }

    /// Runs a program: a registered command found on `$PATH`, a file named by a path (a script
    /// runs in a child shell), or `bash`/`sh` themselves.
    func runProgram(_ arguments: [String], environment: [String: String], io: IOContext, reportErrors: Bool) throws(ControlFlow) -> Int32 {
        guard let name = arguments.first else { return 0 }
        if name.utf8.contains(UInt8(ascii: "/")) {
            return try runPath(arguments, environment: environment, io: io, reportErrors: reportErrors)
        }
        guard let command = commands.lookup(name, path: searchPath(environment)) else {
            if reportErrors { shellError("\(name): command not found", io: io) }
            return 127
        }
        if Self.shellProgramPaths.contains(command.path), command.name == "bash" || command.name == "sh" {
            return try runShellProgram(arguments, environment: environment, io: io)
        }
        return invoke(command, arguments, environment: environment, io: io)
    }

    func invoke(_ command: Command, _ arguments: [String], environment: [String: String], io: IOContext) -> Int32 {
        var invocation = makeInvocation(arguments, environment: environment, io: io)
        return command.run(&invocation)
    }

    func makeInvocation(_ arguments: [String], environment: [String: String], io: IOContext) -> Invocation {
        Invocation(
            arguments: arguments, stdin: io.stdin.takeRest(), stdout: io.stdout, stderr: io.stderr,
            environment: environment, workingDirectory: state.workingDirectory,
            fileSystem: fileSystem, clock: clock, host: host,
            stdoutIsTerminal: io.stdoutIsTerminal, terminalWidth: terminalWidth,
            runCommand: { [unowned self] invocation in self.runFromCommand(invocation) },
            locateCommand: { [unowned self] name in self.locate(name) })
    }

    /// `Invocation.runCommand`: xargs, env, sudo, find -exec run a program by name.
    private func runFromCommand(_ invocation: Invocation) -> Int32 {
        let io = IOContext(stdin: InputStream(invocation.stdin), stdout: invocation.stdout, stderr: invocation.stderr,
                           terminal: invocation.stdoutIsTerminal)
        let savedDirectory = state.workingDirectory
        state.workingDirectory = invocation.workingDirectory
        defer { state.workingDirectory = savedDirectory }
        do {
            return try runProgram(invocation.arguments, environment: invocation.environment, io: io, reportErrors: false)
        } catch {
            return 1
        }
    }

    private func runPath(_ arguments: [String], environment: [String: String], io: IOContext, reportErrors: Bool) throws(ControlFlow) -> Int32 {
        let word = arguments[0]
        let path = Path.join(state.workingDirectory, word)
        let info: FileInfo
        do throws(FSError) {
            info = try fileSystem.info(path)
        } catch {
            if reportErrors { shellError("\(word): \(error.message)", io: io) }
            return error == .noSuchFile ? 127 : 126
        }
        if info.isDirectory {
            if reportErrors { shellError("\(word): Is a directory", io: io) }
            return 126
        }
        guard info.mode & 0o111 != 0 else {
            if reportErrors { shellError("\(word): Permission denied", io: io) }
            return 126
        }
        let canonical = (try? fileSystem.canonicalPath(path)) ?? path
        if Self.shellProgramPaths.contains(canonical) || Self.shellProgramPaths.contains(path) {
            return try runShellProgram(arguments, environment: environment, io: io)
        }
        if let command = commands.lookup(canonical, path: "") ?? commands.lookup(path, path: "") {
            return invoke(command, arguments, environment: environment, io: io)
        }
        let bytes = (try? fileSystem.readFile(path)) ?? []
        if bytes.starts(with: [0x7F, 0x45, 0x4C, 0x46]) {
            if reportErrors { shellError("\(word): cannot execute binary file: Exec format error", io: io) }
            return 126
        }
        return try runScript(String(decoding: bytes, as: UTF8.self), name: word, arguments: Array(arguments.dropFirst()),
                             environment: environment, io: io)
    }

    /// A fresh non-interactive bash sharing this shell's node, budget and streams.
    func makeChildShell(name: String, environment: [String: String]) -> Shell {
        let child = Shell(fileSystem: fileSystem, clock: clock, host: host, commands: commands,
                          environment: environment, workingDirectory: state.workingDirectory, mode: .script(name: name))
        child.budget = budget
        child.isNested = true
        child.terminalWidth = terminalWidth
        child.history = []
        child.state.umask = state.umask
        if let old = state.variables["OLDPWD"], old.exported { child.state.variables["OLDPWD"] = old }
        return child
    }

    func runScript(_ source: String, name: String, arguments: [String], environment: [String: String],
                   io: IOContext, commandString: Bool = false, flags: [String] = []) throws(ControlFlow) -> Int32 {
        guard budget.depth < Budget.maxDepth else {
            shellError("\(name): maximum nesting level of shells exceeded", io: io)
            return 1
        }
        budget.depth += 1
        defer { budget.depth -= 1 }
        let child = makeChildShell(name: commandString ? "bash" : name, environment: environment)
        if commandString {
            child.scriptName = name
            child.flavor = .commandString(name: name)
        }
        for flag in flags { _ = child.applyShortOptions(flag) }
        child.state.positional = arguments
        child.stdoutIsTerminal = io.stdoutIsTerminal
        let status = child.runSource(source, io: io)
        if budget.message != nil, budget.steps > Budget.maxSteps { throw .budgetExceeded }
        return child.exitRequested ?? status
    }

    /// `bash -c 'cmd' [name args…]`, `bash FILE args…`, `bash` reading stdin.
    func runShellProgram(_ arguments: [String], environment: [String: String], io: IOContext) throws(ControlFlow) -> Int32 {
        let program = Path.basename(arguments.first ?? "bash")
        var index = 1
        var commandString: String?
        var options: [String] = []
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "-c" {
                index += 1
                guard index < arguments.count else {
                    io.stderr.line("\(program): -c: option requires an argument")
                    return 2
                }
                commandString = arguments[index]
                index += 1
                continue
            }
            if argument == "--" { index += 1; break }
            if argument.hasPrefix("-") || argument.hasPrefix("+"), argument.count > 1 {
                options.append(argument)
                index += 1
                continue
            }
            break
        }
        let rest = Array(arguments[min(index, arguments.count)...])
        let flags = options.filter { !$0.hasPrefix("--") }
        if let commandString {
            let name = rest.first ?? program
            return try runScript(commandString, name: name, arguments: Array(rest.dropFirst()),
                                 environment: environment, io: io, commandString: true, flags: flags)
        }
        guard let file = rest.first else {
            let source = String(decoding: io.stdin.takeRest(), as: UTF8.self)
            return try runScript(source, name: program, arguments: [], environment: environment, io: io, commandString: true, flags: flags)
        }
        let path = Path.join(state.workingDirectory, file)
        let source: String
        do throws(FSError) {
            if try fileSystem.info(path).isDirectory { throw FSError.isADirectory }
            source = String(decoding: try fileSystem.readFile(path), as: UTF8.self)
        } catch .isADirectory {
            io.stderr.line("\(program): \(file): Is a directory")
            return 126
        } catch {
            io.stderr.line("\(program): \(file): \(error.message)")
            return 127
        }
        return try runScript(source, name: file, arguments: Array(rest.dropFirst()), environment: environment, io: io, flags: flags)
    }
}

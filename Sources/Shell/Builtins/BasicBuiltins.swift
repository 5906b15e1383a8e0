import NodeFS

extension Shell {
    func echo(_ args: [String], io: IOContext) -> Int32 {
        var newline = true
        var escapes = false
        var index = 0
        while index < args.count, args[index].hasPrefix("-"), args[index].count > 1,
              args[index].dropFirst().allSatisfy({ "neE".contains($0) }) {
            for flag in args[index].dropFirst() {
                switch flag {
                case "n": newline = false
                case "e": escapes = true
                default: escapes = false
                }
            }
            index += 1
        }
        let output = args[index...].joined(separator: " ")
        if escapes {
            let (bytes, stop) = Self.interpretEscapes(output, echoStyle: true)
            io.stdout.write(bytes)
            if newline && !stop { io.stdout.write("\n") }
            return 0
        }
        io.stdout.write(output + (newline ? "\n" : ""))
        return 0
    }

    func pwd(_ args: [String], io: IOContext) -> Int32 {
        if args.first == "-P" {
            io.stdout.line((try? fileSystem.canonicalPath(state.workingDirectory)) ?? state.workingDirectory)
        } else {
            io.stdout.line(state.workingDirectory)
        }
        return 0
    }

    func cd(_ args: [String], io: IOContext) -> Int32 {
        var operands = args
        while let first = operands.first, first == "-L" || first == "-P" || first == "--" { operands.removeFirst() }
        guard operands.count <= 1 else {
            builtinError("cd", "too many arguments", io: io)
            return 1
        }
        var target: String
        var printNew = false
        if let operand = operands.first {
            if operand == "-" {
                guard let old = state.variables["OLDPWD"]?.value else {
                    builtinError("cd", "OLDPWD not set", io: io)
                    return 1
                }
                target = old
                printNew = true
            } else {
                target = operand
            }
        } else {
            guard let home = state.variables["HOME"]?.value else {
                builtinError("cd", "HOME not set", io: io)
                return 1
            }
            target = home
        }
        if target.isEmpty { return 0 }
        let path = Path.normalize(Path.join(state.workingDirectory, target))
        do throws(FSError) {
            // The kernel walks the path as written (so `missing/..` fails), then bash keeps the logical form.
            let info = try fileSystem.info(Path.join(state.workingDirectory, target))
            guard info.isDirectory else { throw FSError.notADirectory }
        } catch {
            builtinError("cd", "\(target): \(error.message)", io: io)
            return 1
        }
        setVariable("OLDPWD", state.workingDirectory)
        state.variables["OLDPWD"]?.exported = true
        state.workingDirectory = path
        setVariable("PWD", path)
        if printNew { io.stdout.line(path) }
        return 0
    }
}

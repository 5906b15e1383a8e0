import CommandKit

/// `env [-i] [-u NAME]... [NAME=VALUE]... [COMMAND [ARG]...]` — prints the environment
/// (sorted by name, since the lab keeps no insertion order), or runs a command in a changed one.
let envCommand = Command("env") { inv in
    let specs = [OptionSpec("i", "ignore-environment"), OptionSpec("0", "null"),
                 OptionSpec("u", "unset", argument: .required), OptionSpec("C", "chdir", argument: .required),
                 OptionSpec("v", "debug")] + standardOptionSpecs
    guard let options = inv.parse(specs, permute: false) else { return 125 }
    if inv.handledStandardOptions(options, usage: "env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]",
                                  summary: "Set each NAME to VALUE in the environment and run COMMAND.") { return 0 }
    var environment = inv.environment
    var operands = options.operands[...]
    if options.has("ignore-environment") || operands.first == "-" {
        environment = [:]
        if operands.first == "-" { operands.removeFirst() }
    }
    for name in options.values("unset") {
        if name.isEmpty || name.contains("=") {
            inv.error("cannot unset \(Quoting.locale(name)): Invalid argument")
            return 125
        }
        environment[name] = nil
    }
    while let first = operands.first, let equals = first.firstIndex(of: "="), equals != first.startIndex {
        environment[String(first[..<equals])] = String(first[first.index(after: equals)...])
        operands.removeFirst()
    }
    guard let command = operands.first else {
        if options.has("chdir") {
            inv.error("must specify command with --chdir (-C)")
            inv.stderr.line("Try 'env --help' for more information.")
            return 125
        }
        let terminator = options.has("null") ? "\0" : "\n"
        for name in environment.keys.sorted() {
            inv.stdout.write("\(name)=\(environment[name] ?? "")" + terminator)
        }
        return 0
    }
    if options.has("null") {
        inv.error("cannot specify --null (-0) with command")
        inv.stderr.line("Try 'env --help' for more information.")
        return 125
    }
    var child = inv.with(arguments: Array(operands))
    child.environment = environment
    if let directory = options.value("chdir") {
        let target = inv.path(directory)
        guard inv.fileSystem.isDirectory(target) else {
            inv.error("cannot change directory to \(Quoting.locale(directory)): No such file or directory")
            return 125
        }
        child.workingDirectory = target
    }
    if !command.contains("/"), inv.locateCommand(command) == nil {
        inv.error("\(Quoting.locale(command)): No such file or directory")
        return 127
    }
    return inv.runCommand(child)
}

/// `printenv [VARIABLE]...` — values of the named variables, or the whole environment.
let printenvCommand = Command("printenv") { inv in
    guard let options = inv.parse([OptionSpec("0", "null")] + standardOptionSpecs) else { return 2 }
    if inv.handledStandardOptions(options, usage: "printenv [OPTION]... [VARIABLE]...",
                                  summary: "Print the values of the specified environment VARIABLE(s).") { return 0 }
    let terminator = options.has("null") ? "\0" : "\n"
    if options.operands.isEmpty {
        for name in inv.environment.keys.sorted() {
            inv.stdout.write("\(name)=\(inv.environment[name] ?? "")" + terminator)
        }
        return 0
    }
    var status: Int32 = 0
    for name in options.operands {
        if !name.contains("="), let value = inv.environment[name] {
            inv.stdout.write(value + terminator)
        } else {
            status = 1
        }
    }
    return status
}

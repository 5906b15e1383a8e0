import CommandKit

/// `true`: does nothing, successfully.
let trueCommand = Command("true") { _ in 0 }

/// `false`: does nothing, unsuccessfully.
let falseCommand = Command("false") { _ in 1 }

/// `whoami`: the effective user's name.
let whoamiCommand = Command("whoami") { inv in
    guard let options = inv.parse(standardOptionSpecs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "whoami [OPTION]...",
                                  summary: "Print the user name associated with the current effective user ID.") { return 0 }
    if let extra = options.operands.first {
        inv.usageFailure("extra operand \(Quoting.locale(extra))")
        return 1
    }
    inv.stdout.line(Accounts(fileSystem: inv.fileSystem).userName(inv.host.uid))
    return 0
}

/// `hostname`: the node's name (`-f`, `-s` print the same; `-i` its address is not known here).
let hostnameCommand = Command("hostname", path: "/usr/bin/hostname") { inv in
    let specs = [OptionSpec("f", "fqdn"), OptionSpec("s", "short"), OptionSpec("A", "all-fqdns"),
                 OptionSpec("i", "ip-address"), OptionSpec("I", "all-ip-addresses")]
    guard let options = inv.parse(specs) else { return 1 }
    if let name = options.operands.first {
        _ = name
        inv.stderr.line("hostname: you must be root to change the host name")
        return 1
    }
    if options.has("ip-address") || options.has("all-ip-addresses") {
        let hosts = (try? inv.fileSystem.readText("/etc/hosts")) ?? ""
        for line in hosts.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.count >= 2, fields[1] == inv.host.hostname {
                inv.stdout.line(String(fields[0]) + (options.has("all-ip-addresses") ? " " : ""))
                return 0
            }
        }
    }
    inv.stdout.line(inv.host.hostname + (options.has("all-fqdns") ? " " : ""))
    return 0
}

/// `nproc`: the node's processors (a kubeadm lab VM has two).
let nprocCommand = Command("nproc") { inv in
    guard let options = inv.parse([OptionSpec(nil, "all"), OptionSpec(nil, "ignore", argument: .required)] + standardOptionSpecs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "nproc [OPTION]...", summary: "Print the number of processing units available to the current process.") { return 0 }
    if let extra = options.operands.first {
        inv.usageFailure("extra operand \(Quoting.locale(extra))")
        return 1
    }
    let ignore = Int(options.value("ignore") ?? "0") ?? 0
    inv.stdout.line(String(max(1, 2 - ignore)))
    return 0
}

/// `clear`: the terminal's clear sequence, only when there is a terminal.
let clearCommand = Command("clear") { inv in
    if inv.stdoutIsTerminal {
        inv.stdout.write("\u{1B}[H\u{1B}[2J\u{1B}[3J")
    }
    return 0
}

/// `less` and `more`: with no terminal to page on, they copy their input through, as they do
/// when stdout is a pipe.
let lessCommand = Command("less") { inv in pager(&inv) }
let moreCommand = Command("more") { inv in pager(&inv) }

private func pager(_ inv: inout Invocation) -> Int32 {
    let operands = inv.operands.filter { !$0.hasPrefix("-") || $0 == "-" }
    if operands.isEmpty {
        if inv.stdin.isEmpty && inv.stdoutIsTerminal {
            inv.stderr.line("Missing filename (\"less --help\" for help)")
            return 1
        }
        inv.stdout.write(inv.stdin)
        return 0
    }
    var status: Int32 = 0
    for operand in operands {
        do {
            inv.stdout.write(try inv.fileSystem.readFile(inv.resolvedPath(operand)))
        } catch .isADirectory {
            inv.stderr.line("\(operand) is a directory")
            status = 1
        } catch {
            inv.stderr.line("\(operand): \(error.message)")
            status = 1
        }
    }
    return status
}

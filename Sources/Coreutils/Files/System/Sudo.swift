import CommandKit
import NodeFS

/// `sudo [-i|-s|-u USER|-E] COMMAND...` — the learner is root already: runs the command as is.
let sudoCommand = Command("sudo") { inv in
    var operands = inv.operands[...]
    var login = false
    while let first = operands.first, first.hasPrefix("-"), first != "-" {
        operands.removeFirst()
        if first == "--" { break }
        switch first {
        case "-i", "-s", "--login", "--shell": login = true
        case "-u", "-g", "-p", "-C", "-D", "-h", "-r", "-t", "-U", "-T":
            if first == "-h" && operands.isEmpty {
                inv.stdout.line("sudo - execute a command as another user")
                return 0
            }
            if operands.isEmpty {
                inv.stderr.line("sudo: option requires an argument -- '\(first.dropFirst())'")
                sudoUsage(inv.stderr)
                return 1
            }
            operands.removeFirst()
        case "-V", "--version":
            inv.stdout.line("Sudo version 1.9.15p5")
            return 0
        case "-E", "-H", "-n", "-S", "-b", "-P", "-k", "-K", "-v", "-A", "--preserve-env", "--non-interactive":
            if first == "-k" || first == "-K" || first == "-v", operands.isEmpty { return 0 }
        default:
            if first.hasPrefix("-u") || first.hasPrefix("--user=") { continue }
            inv.stderr.line("sudo: invalid option -- '\(first.dropFirst().prefix(1))'")
            sudoUsage(inv.stderr)
            return 1
        }
    }
    guard let command = operands.first else {
        if login { return 0 }
        sudoUsage(inv.stderr)
        return 1
    }
    // `sudo su`, `sudo -i`, `sudo bash`: already a root shell, nothing to open.
    if ["su", "bash", "sh", "-i"].contains(command) && operands.count == 1 { return 0 }
    if !command.contains("/"), inv.locateCommand(command) == nil {
        inv.stderr.line("sudo: \(command): command not found")
        return 1
    }
    return inv.runCommand(inv.with(arguments: Array(operands)))
}

private func sudoUsage(_ sink: OutputSink) {
    sink.line("usage: sudo -h | -K | -k | -V")
    sink.line("usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]")
    sink.line("usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command [arg ...]]")
    sink.line("usage: sudo [-ABbEHkNnPS] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s] [command [arg ...]]")
    sink.line("usage: sudo -e [-ABkNnS] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] file ...")
}

/// `which [-a] NAME...` — Debian's `which` script: the first (or every) executable on `$PATH`.
let whichCommand = Command("which") { inv in
    var all = false
    var operands = inv.operands[...]
    while let first = operands.first, first.hasPrefix("-"), first.count > 1 {
        operands.removeFirst()
        if first == "--" { break }
        if first.dropFirst().allSatisfy({ $0 == "a" }) {
            all = true
        } else {
            inv.stdout.line("Usage: /usr/bin/which [-as] args")
            return 2
        }
    }
    guard !operands.isEmpty else { return 1 }
    var status: Int32 = 0
    for name in operands {
        var found = false
        if name.contains("/") {
            if isExecutable(inv, inv.path(name)) {
                inv.stdout.line(name)
                found = true
            }
        } else {
            for directory in (inv.environment["PATH"] ?? "").split(separator: ":", omittingEmptySubsequences: false) {
                let base = directory.isEmpty ? "." : String(directory)
                let candidate = base + "/" + name
                if isExecutable(inv, inv.path(candidate)) {
                    inv.stdout.line(candidate)
                    found = true
                    if !all { break }
                }
            }
            if !found, inv.environment["PATH"] == nil, let located = inv.locateCommand(name) {
                inv.stdout.line(located)
                found = true
            }
        }
        if !found { status = 1 }
    }
    return status
}

private func isExecutable(_ inv: Invocation, _ path: String) -> Bool {
    guard let info = try? inv.fileSystem.info(path) else { return false }
    return info.isRegular && info.mode & 0o111 != 0
}

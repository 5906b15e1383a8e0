import CommandKit

/// `journalctl [-u UNIT] [-n N] [--no-pager] [-f] [-x] [-e]` over a node's journal.
enum Journalctl {
    static func format(_ entry: JournalEntry, node: String) -> String {
        "\(SystemTime.journal(entry.time)) \(node) \(entry.ident)[\(entry.pid)]: \(entry.text)"
    }

    static func run(_ invocation: inout Invocation, _ world: World) -> Int32 {
        var unit: String?
        var lines: Int?
        var arguments = Array(invocation.operands)
        var index = 0
        func value(_ option: String) -> String? {
            let argument = arguments[index]
            if argument.hasPrefix(option + "="), option.hasPrefix("--") { return String(argument.dropFirst(option.count + 1)) }
            if argument.count > option.count, !option.hasPrefix("--") { return String(argument.dropFirst(option.count)) }
            index += 1
            return index < arguments.count ? arguments[index] : nil
        }
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "-u" || argument.hasPrefix("--unit") || (argument.hasPrefix("-u") && !argument.hasPrefix("--")) {
                guard let name = value(argument.hasPrefix("--") ? "--unit" : "-u") else {
                    invocation.stderr.write("journalctl: option requires an argument -- 'u'\n")
                    return 1
                }
                unit = name.hasSuffix(".service") ? String(name.dropLast(8)) : name
            } else if argument == "-n" || argument.hasPrefix("--lines") || (argument.hasPrefix("-n") && !argument.hasPrefix("--")) {
                lines = value(argument.hasPrefix("--") ? "--lines" : "-n").flatMap { Int($0) } ?? 10
            } else if argument.hasPrefix("-"), argument.dropFirst().allSatisfy({ "xefrlqa-".contains($0) }) || argument == "--no-pager"
                        || argument == "--follow" || argument == "--pager-end" {
                // Pager, catalog and follow options change nothing here.
            } else if argument.hasPrefix("-") {
                invocation.stderr.write("journalctl: unrecognized option '\(argument)'\n")
                return 1
            }
            index += 1
        }
        arguments = []
        let node = invocation.host.hostname
        var entries = world.agents.journals[node] ?? []
        if let unit {
            // systemd's lines about the unit carry the unit's name; the unit's process logs as itself.
            entries = entries.filter { $0.ident == unit || $0.text.contains("\(unit).service") }
        }
        if let lines { entries = Array(entries.suffix(max(0, lines))) }
        if entries.isEmpty {
            invocation.stdout.write("-- No entries --\n")
            return 0
        }
        var text = ""
        for entry in entries { text += format(entry, node: node) + "\n" }
        invocation.stdout.write(text)
        return 0
    }
}

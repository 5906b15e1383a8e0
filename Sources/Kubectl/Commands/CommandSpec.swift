/// One command of kubectl's cobra tree: its name, aliases, local flags and subcommands.
public struct CommandSpec: Sendable {
    public let name: String
    public let aliases: [String]
    public let flags: [FlagSpec]
    /// In the order kubectl adds them (cobra's suggestions follow this order).
    public let subcommands: [CommandSpec]

    public init(_ name: String, aliases: [String], flags: [FlagSpec], subcommands: [CommandSpec]) {
        self.name = name
        self.aliases = aliases
        self.flags = flags
        self.subcommands = subcommands
    }

    /// The subcommand called `word` by name or alias (cobra's findNext).
    public func subcommand(_ word: String) -> CommandSpec? {
        subcommands.first { $0.name == word || $0.aliases.contains(word) }
    }

    /// Commands that only group others: run without a known subcommand, kubectl shows help or refuses.
    public var isGroup: Bool { !subcommands.isEmpty && !CommandTable.runnableGroups.contains(name) }
}

/// kubectl v1.32's command tree and global flags (data in CommandTableData.swift).
public enum CommandTable {
    /// Group commands that also run on their own (`kubectl create -f`, `kubectl apply -f`).
    static let runnableGroups: Set<String> = ["kubectl", "create", "apply"]

    /// The flags a command at `path` accepts: its own, the global ones, and cobra's `-h/--help`.
    static func flags(for command: CommandSpec) -> [FlagSpec] {
        command.flags + globalFlags + [FlagSpec("help", "h", .bool, "false")]
    }
}

extension CommandTable {
    /// The command at a path of canonical names.
    public static func command(at path: [String]) -> CommandSpec? {
        var command = root
        for name in path {
            guard let child = command.subcommands.first(where: { $0.name == name }) else { return nil }
            command = child
        }
        return command
    }
}

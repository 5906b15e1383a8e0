/// A program a shell can run: a name, where it lives on `$PATH`, and its body.
public struct Command: Sendable {
    public let name: String
    /// Absolute path, e.g. `/usr/bin/grep`, as `which` prints it.
    public let path: String
    public let run: @Sendable (inout Invocation) -> Int32

    public init(_ name: String, path: String? = nil, run: @escaping @Sendable (inout Invocation) -> Int32) {
        self.name = name
        self.path = path ?? "/usr/bin/\(name)"
        self.run = run
    }
}

/// Commands by name. Registries merge, so each package of commands (coreutils,
/// kubectl, systemctl, …) registers its own and the world combines them.
public struct CommandRegistry: Sendable {
    private var commands: [String: Command] = [:]

    public init(_ commands: [Command] = []) {
        for command in commands { register(command) }
    }

    public mutating func register(_ command: Command) {
        commands[command.name] = command
    }

    public mutating func merge(_ other: CommandRegistry) {
        commands.merge(other.commands) { _, new in new }
    }

    public subscript(name: String) -> Command? { commands[name] }

    public var names: [String] { commands.keys.sorted() }

    /// Finds a command the way `execvp` would: by name on `$PATH`, or by its exact path.
    public func lookup(_ word: String, path searchPath: String) -> Command? {
        if word.contains("/") {
            return commands.values.first { $0.path == word || $0.path == normalizedPath(word) }
        }
        guard let command = commands[word] else { return nil }
        // Bytes: every command a container or script runs is looked up here.
        let directory = command.path.utf8.dropLast(command.name.utf8.count + 1)
        let found = searchPath.utf8.split(separator: UInt8(ascii: ":")).contains { $0.elementsEqual(directory) }
        return found ? command : nil
    }

    private func normalizedPath(_ word: String) -> String {
        "/" + word.split(separator: "/").joined(separator: "/")
    }
}

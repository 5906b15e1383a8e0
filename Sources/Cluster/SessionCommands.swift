import CommandKit
import NodeFS

/// Commands that belong to the terminal rather than to a node: `ssh` and the editors.
enum SessionCommands {
    static let editors = ["vi", "vim", "nano", "vim.tiny", "editor"]

    static func registry(_ link: SessionLink) -> CommandRegistry {
        var registry = CommandRegistry()
        registry.register(Command("ssh") { invocation in ssh(&invocation, link) })
        for name in editors {
            registry.register(Command(name) { invocation in edit(&invocation, link) })
        }
        return registry
    }

    // MARK: - ssh

    /// ssh options that take a value (OpenSSH 9's `ssh -h` list).
    private static let optionsWithValue: Set<Character> = ["B", "b", "c", "D", "E", "e", "F", "I", "i", "J", "L", "l", "m", "O", "o", "P", "p", "Q", "R", "S", "W", "w"]

    static func ssh(_ invocation: inout Invocation, _ link: SessionLink) -> Int32 {
        guard let session = link.session else { return 255 }
        var arguments = Array(invocation.operands)
        var destination: String?
        while !arguments.isEmpty {
            let argument = arguments.removeFirst()
            if destination == nil, argument.hasPrefix("-"), argument.count > 1 {
                let letters = Array(argument.dropFirst())
                for (offset, letter) in letters.enumerated() where optionsWithValue.contains(letter) {
                    if offset == letters.count - 1, !arguments.isEmpty { arguments.removeFirst() }
                    break
                }
                continue
            }
            destination = argument
            break
        }
        guard let destination else {
            invocation.stderr.write(usage)
            return 255
        }
        let hostName = destination.split(separator: "@").last.map(String.init) ?? destination
        guard let node = session.world.node(named: hostName)
            ?? session.world.nodes.first(where: { $0.address == hostName }) else {
            invocation.stderr.line("ssh: Could not resolve hostname \(hostName): Name or service not known")
            return 255
        }
        if arguments.isEmpty {
            session.login(to: node)
            return 0
        }
        return session.runRemote(arguments.joined(separator: " "), on: node, stdin: invocation.stdin,
                                 stdout: invocation.stdout, stderr: invocation.stderr)
    }

    private static let usage = """
        usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]
                   [-c cipher_spec] [-D [bind_address:]port] [-E log_file]
                   [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]
                   [-J destination] [-L address] [-l login_name] [-m mac_spec]
                   [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]
                   [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]
                   destination [command [argument ...]]

        """

    // MARK: - Editors

    static func edit(_ invocation: inout Invocation, _ link: SessionLink) -> Int32 {
        guard let session = link.session else { return 1 }
        let files = invocation.operands.filter { !$0.hasPrefix("-") && !$0.hasPrefix("+") }
        guard let bridge = session.editor else {
            invocation.error("no terminal to open an editor in; write the file with a heredoc (cat > FILE <<'EOF' … EOF) or change it with sed -i")
            return 1
        }
        guard let operand = files.first else {
            invocation.error("ckalab opens an editor only on a named file, e.g. \(invocation.name) /etc/kubernetes/manifests/etcd.yaml")
            return 1
        }
        let path = invocation.path(operand)
        let fileSystem = invocation.fileSystem
        var original: [UInt8] = []
        do {
            original = try fileSystem.readFile(path)
        } catch .noSuchFile {
            original = []
        } catch {
            invocation.error(operand, error)
            return 1
        }
        switch bridge.edit(name: Path.basename(path), contents: original) {
        case .unchanged:
            return 0
        case .saved(let contents):
            do {
                try fileSystem.writeFile(path, contents, append: false, mode: 0o644)
            } catch {
                invocation.error(operand, error)
                return 1
            }
            session.recordEditorSave(path: path, contents: contents)
            return 0
        case .failed(let message):
            invocation.error(message)
            return 1
        }
    }
}

/// What the executable provides to edit a file in the learner's real `$EDITOR`.
public protocol EditorBridge: AnyObject {
    func edit(name: String, contents: [UInt8]) -> EditOutcome
}

public enum EditOutcome: Equatable, Sendable {
    case unchanged
    case saved([UInt8])
    case failed(String)
}

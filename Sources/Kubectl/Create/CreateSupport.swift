import KubeModel

/// What every `kubectl create <generator>` shares: the NAME, dry-run, namespace, printing.
extension VerbRequest {
    /// cobra's required-flag check, run before the command (no usage hint).
    func require(_ names: String...) throws(KubectlFailure) {
        let missing = names.filter { !flags.changed($0) }
        guard !missing.isEmpty else { return }
        throw .error("required flag(s) \(missing.map { "\"\($0)\"" }.joined(separator: ", ")) not set")
    }

    /// cmdutil.NameFromCommandArgs: exactly one word before `--`.
    func singleName() throws(KubectlFailure) -> String {
        let count = commandLine.argumentsBeforeDash ?? arguments.count
        guard count == 1, let name = arguments.first else {
            throw usage("exactly one NAME is required, got \(count)")
        }
        return name
    }

    /// The words after NAME (the container command after `--`).
    var commandAfterName: [String] { Array(arguments.dropFirst()) }

    /// The namespace to write into the object: set only when `-n` was given.
    var enforcedNamespace: String? {
        flags.changed("namespace") ? flags.string("namespace") : nil
    }

    /// `--dry-run`: none, client or server (cmdutil.GetDryRunStrategy).
    func dryRun() throws(KubectlFailure) -> DryRun {
        switch flags.string("dry-run") {
        case "", "none": return .none
        case "client": return .client
        case "server": return .server
        case "unchanged":
            invocation.stderr.write("W0105 09:00:00.000000   12345 helpers.go:702] --dry-run is deprecated and can be replaced with --dry-run=client.\n")
            return .client
        case let other:
            throw .error("Invalid dry-run value (\(other)). Must be \"none\", \"server\", or \"client\".")
        }
    }
}

/// How far a create goes.
public enum DryRun: Sendable { case none, client, server }

/// Builders for the metadata every generated object opens with.
enum Generated {
    /// `metadata` in ObjectMeta field order: name, namespace, creationTimestamp, labels.
    static func metadata(name: String, namespace: String?, labels: JSONObject? = nil, annotations: JSONObject? = nil) -> JSONValue {
        var meta: JSONObject = ["name": .string(name)]
        if let namespace, !namespace.isEmpty { meta["namespace"] = .string(namespace) }
        meta["creationTimestamp"] = .null
        if let labels, !labels.isEmpty { meta["labels"] = .object(labels) }
        if let annotations, !annotations.isEmpty { meta["annotations"] = .object(annotations) }
        return .object(meta)
    }

    /// The top of an object: kind, apiVersion, metadata (Go's TypeMeta then ObjectMeta).
    static func object(kind: String, apiVersion: String, metadata: JSONValue) -> JSONObject {
        ["kind": .string(kind), "apiVersion": .string(apiVersion), "metadata": metadata]
    }

    /// A map with keys sorted, as Go marshals map[string]string.
    static func sortedMap(_ pairs: [(String, JSONValue)]) -> JSONObject {
        var object: JSONObject = [:]
        for (key, value) in pairs.sorted(by: { GoJSON.utf8Less($0.0, $1.0) }) { object[key] = value }
        return object
    }

    /// A container in Go field order: name, image, command, args, ports, env, resources.
    static func container(name: String, image: String, command: [String] = [], args: [String] = [],
                          ports: [JSONValue] = [], env: [JSONValue] = []) -> JSONValue {
        var container: JSONObject = ["name": .string(name), "image": .string(image)]
        if !command.isEmpty { container["command"] = .array(command.map(JSONValue.string)) }
        if !args.isEmpty { container["args"] = .array(args.map(JSONValue.string)) }
        if !ports.isEmpty { container["ports"] = .array(ports) }
        if !env.isEmpty { container["env"] = .array(env) }
        container["resources"] = .emptyObject
        return .object(container)
    }
}

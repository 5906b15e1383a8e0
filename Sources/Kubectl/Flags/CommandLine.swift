/// A kubectl command line after cobra found the command and pflag parsed its flags.
public struct CommandLine: Sendable {
    /// Canonical names below the root, e.g. `["create", "deployment"]` for `kubectl create deploy`.
    public let path: [String]
    /// Positional arguments in order (words after `--` included).
    public let arguments: [String]
    /// How many positionals came before `--` (cobra's ArgsLenAtDash); nil without `--`.
    public let argumentsBeforeDash: Int?
    public let flags: FlagValues

    /// `kubectl create deployment`, as cobra's CommandPath prints it.
    public var commandPath: String { (["kubectl"] + path).joined(separator: " ") }
}

/// A failure kubectl reports before running anything: the whole stderr text and the status.
public struct KubectlFailure: Error, Equatable, Sendable {
    /// Exactly what kubectl writes to stderr, newline included.
    public let stderr: String
    public let status: Int32

    public init(stderr: String, status: Int32 = 1) {
        self.stderr = stderr
        self.status = status
    }

    /// `error: <message>` as kubectl's CheckErr prints it.
    public static func error(_ message: String) -> KubectlFailure {
        let text = message.hasPrefix("error: ") ? message : "error: " + message
        return KubectlFailure(stderr: text.hasSuffix("\n") ? text : text + "\n")
    }

    /// A usage error (cmdutil.UsageErrorf): the message and where to find help.
    public static func usage(_ message: String, commandPath: String) -> KubectlFailure {
        .error("\(message)\nSee '\(commandPath) -h' for help and examples")
    }
}

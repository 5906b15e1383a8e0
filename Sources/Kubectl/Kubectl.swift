import CommandKit
import KubeModel

/// The `kubectl` command: parses the line as kubectl v1.32 does and runs the verb.
public enum Kubectl {
    /// A `kubectl` command for a registry; `context` gives the cluster the invocation talks to
    /// (nil when no API server is reachable).
    public static func command(context: @escaping @Sendable (Invocation) -> (any KubectlContext)?) -> Command {
        Command("kubectl", path: "/usr/bin/kubectl") { invocation in
            run(&invocation, context: context(invocation))
        }
    }

    /// Runs one kubectl command line (`invocation.arguments[0]` is `kubectl`).
    public static func run(_ invocation: inout Invocation, context: (any KubectlContext)?) -> Int32 {
        let commandLine: CommandLine
        switch CommandLineParser.parse(Array(invocation.arguments.dropFirst())) {
        case .success(let parsed): commandLine = parsed
        case .failure(let failure):
            invocation.stderr.write(HelpCommand.flagError(failure).stderr)
            return failure.status
        }
        if let status = HelpCommand.answer(commandLine, &invocation) { return status }
        var request = VerbRequest(invocation: invocation, commandLine: commandLine, context: context)
        let status: Int32
        do throws(KubectlFailure) {
            try Verbs.run(&request)
            status = 0
        } catch {
            invocation.stderr.write(error.stderr)
            status = error.status
        }
        invocation = request.invocation
        return status
    }
}

/// One verb's run: the invocation, the parsed line and the cluster.
public struct VerbRequest {
    public var invocation: Invocation
    public let commandLine: CommandLine
    public let context: (any KubectlContext)?

    public var flags: FlagValues { commandLine.flags }
    public var arguments: [String] { commandLine.arguments }

    /// `-n` if given, else the kubeconfig's namespace.
    public var namespace: String {
        let flag = flags.string("namespace")
        return flag.isEmpty ? (context?.defaultNamespace ?? "default") : flag
    }

    /// A usage error for this command (`See 'kubectl create deployment -h' for help and examples`).
    public func usage(_ message: String) -> KubectlFailure {
        .usage(message, commandPath: commandLine.commandPath)
    }
}

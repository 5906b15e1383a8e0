import CommandKit

/// `kubeadm` on the nodes: `version`, `token create|list`, `join` (on a spare machine) and `reset`,
/// with kubeadm v1.32's texts (cmd/kubeadm/app/cmd). Errors end as kubeadm's CheckErr ends them.
enum KubeadmCommand {
    static let stackTraceHint = "To see the stack trace of this error execute with --v=5 or higher"
    static let release = "v1.32.4"

    /// Flags that take a value (`--token x` as well as `--token=x`).
    static let valueFlags: Set<String> = [
        "token", "discovery-token", "discovery-token-ca-cert-hash", "tls-bootstrap-token", "node-name", "ignore-preflight-errors",
        "ttl", "description", "usages", "groups", "kubeconfig", "config", "cri-socket", "output", "o", "v", "discovery-file",
        "apiserver-advertise-address", "apiserver-bind-port", "certificate-key", "patches", "skip-phases", "cert-dir",
        "rootfs", "cleanup-tmp-dir",
    ]

    /// The words and flags of one command line.
    struct Line {
        var words: [String] = []
        var flags: [String: [String]] = [:]

        init(_ arguments: ArraySlice<String>) {
            var rest = Array(arguments)
            var index = 0
            while index < rest.count {
                let argument = rest[index]
                index += 1
                guard argument.hasPrefix("-"), argument.count > 1 else { words.append(argument); continue }
                let body = String(argument.drop { $0 == "-" })
                if let equals = body.firstIndex(of: "=") {
                    flags[String(body[..<equals]), default: []].append(String(body[body.index(after: equals)...]))
                } else if KubeadmCommand.valueFlags.contains(body), index < rest.count {
                    flags[body, default: []].append(rest[index])
                    index += 1
                } else {
                    flags[body, default: []].append("true")
                }
            }
            rest = []
        }

        func value(_ name: String) -> String? { flags[name]?.last }
        func has(_ name: String) -> Bool { flags[name] != nil && flags[name]?.last != "false" }
    }

    static func run(_ invocation: inout Invocation, _ world: World) -> Int32 {
        let line = Line(invocation.operands)
        guard let verb = line.words.first else {
            invocation.stderr.write("kubeadm: the kubeadm command needs a subcommand (version, token, join, reset)\n")
            return 1
        }
        switch verb {
        case "version": return version(line, &invocation)
        case "token": return token(line, &invocation, world)
        case "join": return join(line, &invocation, world)
        case "reset": return reset(line, &invocation, world)
        case "init", "upgrade", "certs", "config", "kubeconfig", "alpha", "completion":
            invocation.stderr.write("kubeadm \(verb): not available in this lab\n")
            return 1
        default:
            return fail("unknown command \"\(verb)\" for \"kubeadm\"", &invocation)
        }
    }

    /// kubeadm's error exit: the message, the stack-trace hint, status 1.
    static func fail(_ message: String, _ invocation: inout Invocation) -> Int32 {
        invocation.stderr.write(message + "\n" + stackTraceHint + "\n")
        return 1
    }

    /// `kubeadm version`: `%#v` of version.Info (1.32 has no emulation fields yet), or `-o short`.
    static func version(_ line: Line, _ invocation: inout Invocation) -> Int32 {
        switch line.value("output") ?? line.value("o") ?? "" {
        case "":
            invocation.stdout.write("kubeadm version: &version.Info{Major:\"1\", Minor:\"32\", GitVersion:\"\(release)\", "
                + "GitCommit:\"0000000000000000000000000000000000000000\", GitTreeState:\"clean\", "
                + "BuildDate:\"2025-04-22T15:57:56Z\", GoVersion:\"go1.23.6\", Compiler:\"gc\", Platform:\"linux/amd64\"}\n")
        case "short":
            invocation.stdout.write(release + "\n")
        case let other:
            return fail("invalid output format: \(other)", &invocation)
        }
        return 0
    }
}

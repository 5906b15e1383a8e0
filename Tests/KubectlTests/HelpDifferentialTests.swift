import CommandKit
import Foundation
import HostProcess
import Kubectl
import NodeFS
import SimKit
import Testing

/// `--help`, `-h`, `kubectl help …`, bare groups and `kubectl options`, byte for byte against kubectl v1.32.
@Suite struct HelpDifferentialTests {
    static let lines: [[String]] = [
        [], ["--help"], ["-h"], ["help"], ["-n", "foo"], ["--help=false"], ["-h=false"], ["--help=x"],
        ["help", "nosuch"], ["help", "nosuch", "more", "a`b"], ["help", "nosuch", "--", "x"], ["nosuch", "--help"], ["nosuch", "-h"],
        ["--help", "nosuch"], ["-h", "nosuch"], ["-h", "get", "pods"], ["--help", "get"], ["-n", "x", "--help", "nosuch"],
        ["--help", "-n", "x", "nosuch"], ["--help", "--foo"], ["get", "--foo", "--help"], ["get", "--help", "--foo"],
        ["help", "get"], ["help", "-n", "x", "get"], ["help", "--foo"], ["help", "get", "-o"], ["help", "-h"], ["help", "help"],
        ["help", "--", "get"], ["help", "create", "deploy"], ["help", "create", "nosuch"], ["help", "set", "image", "extra"],
        ["get", "--help"], ["get", "pods", "--help"], ["get", "pods", "-n", "kube-system", "-h"], ["create", "deploy", "--help"],
        ["create", "deployment", "-h"], ["create", "deploy", "--help", "x"], ["create", "nosuch", "--help"],
        ["create", "deploy", "x", "--image=nginx", "--help"], ["run", "--help"], ["run", "nginx", "--image=nginx", "-h"],
        ["expose", "-h"], ["set", "image", "--help"], ["set", "--help"], ["set", "foo", "--help"],
        ["set"], ["rollout"], ["certificate"], ["certificate", "foo"], ["top"], ["auth"], ["config"], ["plugin"],
        ["create", "secret"], ["create", "service"], ["create", "secret", "tls", "--help"],
        ["alpha"], ["alpha", "foo"], ["alpha", "--help"], ["help", "alpha"],
        ["options"], ["options", "foo"], ["options", "--help"], ["help", "options"], ["options", "--foo"],
        ["rollout", "undo", "--help"], ["rollout", "status", "-h"], ["rollout", "history", "--help"], ["rollout", "restart", "-h"],
        ["create", "secret", "generic", "--help"], ["create", "svc", "nodeport", "-h"], ["create", "cm", "--help"],
        ["config", "view", "--help"], ["config", "use-context", "-h"], ["auth", "can-i", "--help"], ["top", "pod", "--help"],
        ["apply", "view-last-applied", "-h"], ["apply", "--help"], ["drain", "--help"], ["taint", "-h"], ["label", "--help"],
        ["completion", "bash", "--help"], ["logs", "--help"], ["exec", "--help"], ["explain", "--help"], ["version", "-h"],
        ["cluster-info", "dump", "--help"], ["scale", "--help"], ["edit", "-h"], ["patch", "--help"], ["wait", "--help"],
        ["api-resources", "-h"], ["delete", "--help"], ["describe", "-h"], ["certificate", "approve", "--help"],
        ["debug", "--help"], ["port-forward", "-h"], ["events", "--help"],
        ["get", "-h=true"], ["help", "nosuch", "-n", "x"], ["help", ""], ["", "--help"], ["help", "-"], ["help", "--", "-x"],
        ["help", "get", "--", "--foo"], ["--namespace=x", "help", "run"], ["-v=3", "--help"], ["config", "--help"],
        ["set", "env", "-h", "--foo"], ["top", "foo", "--help"], ["rollout", "foo", "-h"], ["completion", "--help"],
        ["create", "secret", "--help"], ["auth", "foo"], ["help", "auth", "can-i"], ["create", "secret", "-h", "generic"],
        ["help", "create", "svc", "np"], ["help", "rollout", "nosuch", "x"], ["create", "--help", "-f", "x.yaml"],
    ]

    @Test(arguments: lines)
    func sameAsKubectl(_ line: [String]) throws {
        guard HelpHarness.oracleAvailable else { return }
        let home = try HelpHarness.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        #expect(HelpHarness.lab(line, home: home) == HelpHarness.real(line, home: home), "kubectl \(line.joined(separator: " "))")
    }
}

/// Runs a line through the real kubectl and the lab's with the same $HOME (`kubectl options` prints it).
enum HelpHarness {
    static var oracleAvailable: Bool { KubectlHarness.oracleAvailable }

    static func temporaryHome() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kubectl-help-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func real(_ arguments: [String], home: String) -> KubectlRun {
        let run = HostCommand.run(KubectlHarness.oraclePath, arguments,
                                  environment: ["KUBECONFIG": "/dev/null", "HOME": home, "PATH": "/usr/bin:/bin"], directory: home)
        return KubectlRun(stdout: run.stdoutText, stderr: run.stderrText, status: run.status)
    }

    static func lab(_ arguments: [String], home: String = "/root") -> KubectlRun {
        let clock = SimClock()
        let out = OutputBuffer(), err = OutputBuffer()
        var invocation = Invocation(arguments: ["kubectl"] + arguments, stdout: out.sink, stderr: err.sink,
                                    environment: ["HOME": home], workingDirectory: "/", fileSystem: Disk(clock: clock), clock: clock)
        let status = Kubectl.run(&invocation, context: nil)
        return KubectlRun(stdout: out.text, stderr: err.text, status: status)
    }
}

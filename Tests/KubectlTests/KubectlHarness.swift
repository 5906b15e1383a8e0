import CommandKit
import Foundation
import HostProcess
import Kubectl
import KubeModel
import NodeFS
import SimKit

/// What a kubectl run printed.
struct KubectlRun: Equatable, CustomStringConvertible {
    var stdout: String
    var stderr: String
    var status: Int32

    var description: String { "status \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Runs command lines through the real kubectl v1.32 (offline) and through the lab's.
enum KubectlHarness {
    static let oraclePath = "/usr/lib/google-cloud-sdk/bin/kubectl.1.32"
    static var oracleAvailable: Bool { FileManager.default.isExecutableFile(atPath: oraclePath) }

    /// The real kubectl, with no kubeconfig so it never reaches a network.
    static func real(_ arguments: [String], files: [String: String] = [:]) -> KubectlRun {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubectl-diff-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (path, content) in files {
            let url = directory.appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? content.write(to: url, atomically: true, encoding: .utf8)
        }
        let run = HostCommand.run(oraclePath, arguments, environment: ["KUBECONFIG": "/dev/null", "HOME": directory.path, "PATH": "/usr/bin:/bin"],
                                  directory: directory.path)
        return KubectlRun(stdout: run.stdoutText, stderr: run.stderrText, status: run.status)
    }

    /// The lab's kubectl over an in-memory filesystem holding `files` (relative to /root).
    static func lab(_ arguments: [String], files: [String: String] = [:], context: (any KubectlContext)? = nil) -> KubectlRun {
        let clock = SimClock()
        let disk = Disk(clock: clock)
        try? disk.createDirectories("/root")
        for (path, content) in files {
            let absolute = Path.join("/root", path)
            try? disk.createDirectories(Path.dirname(absolute))
            try? disk.writeFile(absolute, content)
        }
        let out = OutputBuffer(), err = OutputBuffer()
        var invocation = Invocation(arguments: ["kubectl"] + arguments, stdout: out.sink, stderr: err.sink,
                                    workingDirectory: "/root", fileSystem: disk, clock: clock)
        let status = Kubectl.run(&invocation, context: context)
        return KubectlRun(stdout: out.text, stderr: err.text, status: status)
    }
}

import Foundation
import HostProcess

/// The real kubectl v1.32, run offline: the oracle for the codec's differential tests.
enum KubectlOracle {
    static let path = "/usr/lib/google-cloud-sdk/bin/kubectl.1.32"

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: path) }

    struct Run {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// Runs kubectl with `args` in a scratch directory holding `files`.
    static func run(_ args: [String], files: [String: [UInt8]] = [:]) -> Run {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("codec-oracle-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, bytes) in files {
            FileManager.default.createFile(atPath: dir.appendingPathComponent(name).path, contents: Data(bytes))
        }
        var env = ProcessInfo.processInfo.environment
        env["KUBECONFIG"] = dir.appendingPathComponent("no-kubeconfig").path
        let run = HostCommand.run(path, args, environment: env, directory: dir.path)
        return Run(stdout: run.stdoutText, stderr: run.stderrText, status: run.status)
    }

    /// `kubectl annotate --local -f FILE a=b -o FORMAT`: reads any manifest offline and prints it.
    static func annotate(_ manifest: [UInt8], name: String = "m.yaml", format: String) -> Run {
        run(["annotate", "--local", "-f", name, "a=b", "-o", format], files: [name: manifest])
    }
}

/// The first line where two texts differ, for readable failures.
func firstDifference(_ a: String, _ b: String) -> String {
    let al = a.split(separator: "\n", omittingEmptySubsequences: false)
    let bl = b.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(al.count, bl.count) {
        let x = i < al.count ? String(al[i]) : "<none>"
        let y = i < bl.count ? String(bl[i]) : "<none>"
        if x != y { return "line \(i + 1):\n  ours:   \(x.debugDescription)\n  kubectl: \(y.debugDescription)" }
    }
    return "identical"
}

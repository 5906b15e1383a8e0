import Foundation
import HostProcess
import Testing

/// An exercise in a real terminal: type the solution, `lab check` gives full marks, quit,
/// and `ckalab` alone resumes it.
@Suite(.serialized) struct LabREPLTests {
    private var root: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }

    @Test(.enabled(if: TmuxDriver.isAvailable)) func exerciseSolvedCheckedQuitAndResumed() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ckalab-lab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        guard let binary = ckalabBinary() else { throw TmuxError.failed(["ckalab binary not built"]) }
        let solution = try String(contentsOfFile: root + "/solutions/ds-config-file.sh", encoding: .utf8)
        let command = "env CKALAB_HOME='\(home.path)' CKALAB_ROOT='\(root)' LANG=C.UTF-8 '\(binary)'"

        let repl = try TmuxDriver(command: command + " exercise ds-config-file")
        try repl.waitFor { $0.contains("Exercise ds-config-file: A DaemonSet that writes a file on every node") && $0.contains("root@controlplane:~#") }
        for line in solution.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            try repl.type(String(line))
            try repl.press("Enter")
        }
        try repl.waitFor(90) { $0.contains("daemon set \"config\" successfully rolled out") }
        try repl.type("lab check")
        try repl.press("Enter")
        try repl.waitFor(90) { $0.contains("Points so far: 10/10") }
        #expect(try repl.screen().contains("✓ runs-on-every-node (3/3)"))
        try repl.type("lab quit")
        try repl.press("Enter")
        try repl.waitFor { _ in (try? repl.paneIsDead()) == true }

        // `ckalab` alone resumes the exercise, the cluster as it was left.
        let again = try TmuxDriver(command: command)
        try again.waitFor(90) { $0.contains("Resuming ds-config-file: 5 commands replayed") }
        try again.type("cat /config/conf")
        try again.press("Enter")
        try again.waitFor { $0.contains("\nHello, Kubernetes!\n") }
        try again.type("exit")
        try again.press("Enter")
        try again.waitFor { _ in (try? again.paneIsDead()) == true }
    }
}

import Cluster
import CommandKit
import LabTestSupport
import NodeFS
import Testing

/// One row of the differential table: a script typed into bash and into the lab.
struct ShellCase: CustomStringConvertible, Sendable {
    let script: String
    /// Why the lab still differs from bash (the row then only checks that nothing crashes).
    let gap: String?

    init(_ script: String, gap: String? = nil) {
        self.script = script
        self.gap = gap
    }

    var description: String { script.count > 60 ? String(script.prefix(57)) + "..." : script }
}

/// Runs a script in a fresh lab in `/tmp/difftest`, which is created on the node directly so the
/// table does not depend on `mkdir` existing yet.
func runInScratch(_ script: String) -> Seen {
    let world = World()
    if let node = world.node(named: world.description.startNode) ?? world.nodes.first {
        try? node.disk.createDirectories(differentialDirectory)
    }
    let out = OutputBuffer()
    let err = OutputBuffer()
    let session = TerminalSession(world: world, stdout: out.sink, stderr: err.sink, isTerminal: false)
    session.runScript(" cd \(differentialDirectory)")
    out.clear()
    err.clear()
    let status = session.runScript(script)
    // The harness drops the `exit` bash prints when the script exits; do the same here.
    var stderr = err.text
    if stderr.hasSuffix("exit\n"), stderr == "exit\n" || stderr.hasSuffix("\nexit\n") { stderr.removeLast(5) }
    return Seen(stdout: out.text, stderr: stderr, status: status)
}

/// Asserts that the lab prints what bash prints, or records the known gap.
func checkAgainstBash(_ row: ShellCase) {
    let real = runRealBash(row.script)
    let expected = Seen(stdout: real.stdout, stderr: real.stderr, status: real.status)
    let actual = runInScratch(row.script)
    if let gap = row.gap {
        withKnownIssue(Comment(rawValue: gap), isIntermittent: true) {
            #expect(actual == expected, "\(row.script)")
        }
    } else {
        #expect(actual == expected, "\(row.script)")
    }
}

/// What a user saw: stdout, stderr and the final status.
struct Seen: Equatable, CustomStringConvertible {
    var stdout: String
    var stderr: String
    var status: Int32

    var description: String { "status \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

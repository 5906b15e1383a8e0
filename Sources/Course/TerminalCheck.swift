import Cluster
import CommandKit

/// A command (or snippet) typed at a fresh terminal on the world: its output and status decide.
enum TerminalCheck {
    static func evaluate(run: String, output: TextMatch?, status: Int32?, in world: World) -> CheckOutcome {
        let out = CappedBuffer()
        let session = TerminalSession(world: world, stdout: out.sink, stderr: OutputSink { _ in }, isTerminal: false)
        let actual = session.runScript(run)
        let text = out.text
        var problems: [CheckDetail] = []
        if let status, actual != status {
            problems.append(.say(.exitStatusExpected, ["status": .verbatim(String(actual)), "expected": .verbatim(String(status))]))
        }
        if let output, !output.accepts(text) {
            problems.append(.say(.outputExpected, ["text": .verbatim(Quoted.text(text)), "expectation": output.expected]))
        }
        let command = CheckDetail.verbatim(Quoted.text(run, limit: 60))
        if problems.isEmpty { return .pass(.say(.commandExitStatus, ["command": command, "status": .verbatim(String(actual))])) }
        return .fail(.say(.commandFound, ["command": command, "problems": .problems(problems)]))
    }
}

/// Collects output up to a bound (a check's command could print without end).
final class CappedBuffer {
    static let limit = 1 << 20
    private(set) var bytes: [UInt8] = []

    var sink: OutputSink {
        OutputSink { [self] chunk in
            let room = Self.limit - bytes.count
            if room > 0 { bytes.append(contentsOf: chunk.prefix(room)) }
        }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

import Cluster
import CommandKit
import Foundation
import Testing

/// The README's tour is a transcript: typed into a fresh lab, it prints exactly that.
struct ReadmeTourTests {
    @Test func theTourPrintsWhatTheReadmeShows() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let tour = try #require(text.components(separatedBy: "## A short tour").last?
            .components(separatedBy: "```text\n").dropFirst().first?.components(separatedBy: "```").first)
        var lines = tour.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "$ bash lab.sh")
        lines.removeFirst()
        let typed = lines.compactMap { line -> String? in
            guard let range = line.range(of: "# ", options: []), line.hasPrefix("root@") else { return nil }
            return String(line[range.upperBound...])
        }
        let transcript = OutputBuffer()
        let session = TerminalSession(world: World(), stdout: transcript.sink, stderr: transcript.sink, isTerminal: false)
        _ = session.runScript(typed.joined(separator: "\n") + "\n", echo: true)
        // The README shortens a long message with "…": that line matches by its prefix.
        let actual = transcript.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(actual.count == lines.count)
        for (seen, shown) in zip(actual, lines) {
            if shown.hasSuffix("…") {
                #expect(seen.hasPrefix(shown.dropLast()), "\(seen)")
            } else {
                #expect(seen == shown)
            }
        }
    }
}

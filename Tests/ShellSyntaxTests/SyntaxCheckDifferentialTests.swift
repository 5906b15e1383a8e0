import Foundation
import HostProcess
import Testing
@testable import ShellSyntax

/// `bash -n -c script`: bash's parse-only verdict, as the first stderr line without its prefix ("ok" when none).
func realBashSyntaxVerdict(_ script: String) -> String? {
    let data = HostCommand.run("/bin/bash", ["-n", "-c", script]).stderr
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        .filter { !$0.contains("warning: here-document") }
    guard let first = lines.first else { return "ok" }
    guard let range = first.range(of: #"^.*bash: (-c: )?line [0-9]+: "#, options: .regularExpression) else { return String(first) }
    return String(first[range.upperBound...])
}

func ourSyntaxVerdict(_ script: String) -> String {
    do {
        _ = try Parser.parse(script)
        return "ok"
    } catch {
        return error.message
    }
}

@Suite struct SyntaxCheckDifferentialTests {
    /// Known differences, each with its reason.
    static func knownGap(_ script: String, bash: String?, ours: String) -> String? {
        if script.contains("select") { return "select is not supported" }
        if script.contains(">(") || script.contains("<(") { return "process substitution is not supported" }
        if ours.contains("$'") { return "bash names a $'…' token by its decoded text" }
        if script.contains("`") { return "bash parses backquoted commands only when it runs them" }
        if script.contains(/[^ \n;|&(){}<>]\[/) { return "bash reads `name[` as an array subscript up to `]`" }
        if script.contains(/![ ]*\n/) { return "bash accepts a lone `!` as a pipeline" }
        return nil
    }

    /// Random scripts built from shell fragments: our parser must accept and reject what bash does, in its words.
    @Test func randomScriptsAgreeWithBashDashN() {
        let fragments = ["echo", " ", "a", "b", "|", "||", "&&", "&", ";", ";;", "\n", "(", ")", "{", "}", "if", "then",
                         "else", "fi", "for", "in", "do", "done", "while", "case", "esac", "'x'", "\"y\"", "$z", "${z}",
                         "$(", "`", ">", "<", "2>&1", "<<E\nq\nE\n", "!", "[[", "]]", "x=1", "f()", "#c", "\\", "$((1))",
                         "$'q'", "${z:-", "\"", "'", "<<<", ">>", "function", "elif", "until", "[[ a == b ]]", "((1))",
                         "$(echo", "}", "<<-E\n\tE\n", "$(( ", "2>", "f() { :; }", ";&", "select", "time"]
        var seed: UInt64 = 42
        var mismatches: [String] = []
        for _ in 0..<1_500 {
            var script = ""
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let count = Int(seed >> 60) + 1
            for _ in 0..<count {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                script += fragments[Int(seed >> 33) % fragments.count]
                if seed & 1 == 0 { script += " " }
            }
            let bash = realBashSyntaxVerdict(script)
            let ours = ourSyntaxVerdict(script)
            if bash != ours, Self.knownGap(script, bash: bash, ours: ours) == nil { mismatches.append("\(script.debugDescription): bash=\(bash ?? "-") ours=\(ours)") }
        }
        #expect(mismatches.isEmpty, Comment(rawValue: "\(mismatches.count) mismatches:\n" + mismatches.joined(separator: "\n")))
    }
}

import Foundation
import HostProcess
import Testing
@testable import ShellSyntax

@Suite struct IncompleteTests {
    static let incomplete: [String] = [
        "echo 'a", "echo \"a", "echo $(a", "echo `a", "echo ${a", "echo $((1",
        "cat <<EOF", "cat <<EOF\nline", "cat <<EOF\n", "a |", "a &&", "a ||", "echo a\\", "echo a \\", "echo a\\\nb\\",
        "if true", "if true; then", "if true; then a; else", "for x in a", "for x in a; do",
        "while true; do a", "until a", "case x in", "case x in a) b;;", "{ a", "{ a;", "( a", "(",
        "f()", "function f", "[[ a &&", "for x in a b\ndo", "echo \"$(echo", "a &&\n", "(( 1 +", "function f {",
        "if true\nthen\necho", "case x in\na) echo;;\n", "echo `echo \"", "echo $(cat <<E\n", "x=$(", "x='", "echo a |\n", "echo $(echo 'x",
    ]
    static let complete: [String] = [
        "", "echo a", "echo a | | b", "fi", "a )", "echo a;", "echo 'a'", "cat <<EOF\nx\nEOF",
        "cat <<EOF\nx\nEOF\n", "if a; then b; fi", "for x; do a; done", "case x in esac", "{ a; }", "(a)",
        "echo a &", "echo \\\\", "echo 'a\nb'", "if true\nthen\necho\nfi", "cat <<-EOF\n\tEOF",
        "[[ a ]]", "[[ a", "(( 1 ))", "a=1", "echo a # 'comment", "for x in a b\ndo\n echo\ndone", "echo $(cat <<E\nx\nE\n)", "echo a\\\n", "echo >", "echo a;;", "f() echo",
    ]

    @Test(arguments: incomplete) func needsMore(_ source: String) {
        #expect(Parser.isIncomplete(source), "\(source.debugDescription)")
    }

    @Test(arguments: complete) func isComplete(_ source: String) {
        #expect(!Parser.isIncomplete(source), "\(source.debugDescription)")
    }
}

/// Whether interactive bash, having read the lines of `source`, prompts with PS2 for more.
/// bash prints one prompt before each line it reads; the one after the last line tells.
func realBashWantsMore(_ source: String) -> Bool? {
    let data = HostCommand.run("/bin/bash", ["--norc", "--noprofile", "-i"],
                               environment: ["PS1": "<P1>", "PS2": "<P2>", "PATH": "/usr/bin:/bin", "TERM": "dumb"],
                               stdin: Array((source + "\n").utf8)).stderr
    let prompts = String(decoding: data, as: UTF8.self).matches(of: /<P[12]>/).map { String($0.output) }
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).count
    guard lines < prompts.count else { return nil }
    return prompts[lines] == "<P2>"
}

extension IncompleteTests {
    @Test(arguments: incomplete + complete) func agreesWithBash(_ source: String) {
        #expect(realBashWantsMore(source) == Parser.isIncomplete(source), "\(source.debugDescription)")
    }
}

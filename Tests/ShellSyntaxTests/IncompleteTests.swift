import Testing
@testable import ShellSyntax

@Suite struct IncompleteTests {
    static let incomplete: [String] = [
        "echo 'a", "echo \"a", "echo $(a", "echo `a", "echo ${a", "echo $((1",
        "cat <<EOF", "cat <<EOF\nline", "cat <<EOF\n", "a |", "a &&", "a ||", "echo a\\", "echo a\\\n",
        "if true", "if true; then", "if true; then a; else", "for x in a", "for x in a; do",
        "while true; do a", "until a", "case x in", "case x in a) b;;", "{ a", "{ a;", "( a", "(",
        "f()", "function f", "echo a |\n", "[[ a", "echo $(echo 'x",
    ]
    static let complete: [String] = [
        "", "echo a", "echo a | | b", "fi", "a )", "echo a;", "echo 'a'", "cat <<EOF\nx\nEOF",
        "cat <<EOF\nx\nEOF\n", "if a; then b; fi", "for x; do a; done", "case x in esac", "{ a; }", "(a)",
        "echo a &", "echo \\\\", "echo >", "echo a;;", "f() echo",
    ]

    @Test(arguments: incomplete) func needsMore(_ source: String) {
        #expect(Parser.isIncomplete(source), "\(source.debugDescription)")
    }

    @Test(arguments: complete) func isComplete(_ source: String) {
        #expect(!Parser.isIncomplete(source), "\(source.debugDescription)")
    }
}

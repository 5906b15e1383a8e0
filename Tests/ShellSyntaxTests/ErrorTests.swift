import Foundation
import HostProcess
import Testing
@testable import ShellSyntax

/// What real bash prints for `script` run with `bash -c`: stderr lines with the `bash: -c: line N: ` prefix removed.
func realBashErrors(_ script: String) -> [String]? {
    let data = HostCommand.run("/bin/bash", ["-c", script]).stderr
    let text = String(decoding: data, as: UTF8.self)
    return text.split(separator: "\n").map { line in
        guard let range = line.range(of: #"^.*bash: -c: line [0-9]+: "#, options: .regularExpression) else { return String(line) }
        return String(line[range.upperBound...])
    }
}

/// The line number in bash's first stderr line.
func realBashErrorLine(_ script: String) -> Int? {
    let data = HostCommand.run("/bin/bash", ["-c", script]).stderr
    let text = String(decoding: data, as: UTF8.self)
    guard let match = text.firstMatch(of: /line ([0-9]+):/) else { return nil }
    return Int(match.1)
}

@Suite struct ErrorTests {
    static let table: [(String, String)] = [
        ("echo a | | b", "syntax error near unexpected token `|'"),
        ("fi", "syntax error near unexpected token `fi'"),
        ("echo >", "syntax error near unexpected token `newline'"),
        ("echo > ;", "syntax error near unexpected token `;'"),
        ("cat <<", "syntax error near unexpected token `newline'"),
        ("if true; then", "syntax error: unexpected end of file"),
        ("if true; then\n", "syntax error: unexpected end of file"),
        ("echo 'a", "unexpected EOF while looking for matching `''"),
        ("echo \"a\nb", "unexpected EOF while looking for matching `\"'"),
        ("echo $(a", "unexpected EOF while looking for matching `)'"),
        ("echo $(a\nb", "unexpected EOF while looking for matching `)'"),
        ("echo `a", "unexpected EOF while looking for matching ``'"),
        ("echo ${a", "unexpected EOF while looking for matching `}'"),
        ("echo $((1+", "unexpected EOF while looking for matching `)'"),
        ("a )", "syntax error near unexpected token `)'"),
        ("(", "syntax error: unexpected end of file"),
        ("( )", "syntax error near unexpected token `)'"),
        ("echo a; ;", "syntax error near unexpected token `;'"),
        ("echo a;;", "syntax error near unexpected token `;;'"),
        ("echo &&", "syntax error: unexpected end of file"),
        ("a |", "syntax error: unexpected end of file"),
        ("a && && b", "syntax error near unexpected token `&&'"),
        ("| a", "syntax error near unexpected token `|'"),
        ("; a", "syntax error near unexpected token `;'"),
        ("& a", "syntax error near unexpected token `&'"),
        ("{ a; ", "syntax error: unexpected end of file"),
        ("}", "syntax error near unexpected token `}'"),
        ("if then fi", "syntax error near unexpected token `then'"),
        ("if a; then fi", "syntax error near unexpected token `fi'"),
        ("if a; then b; else fi", "syntax error near unexpected token `fi'"),
        ("then", "syntax error near unexpected token `then'"),
        ("done", "syntax error near unexpected token `done'"),
        ("while a; done", "syntax error near unexpected token `done'"),
        ("for x in a b; echo; done", "syntax error near unexpected token `echo'"),
        ("for x in a b", "syntax error: unexpected end of file"),
        ("case x in", "syntax error: unexpected end of file"),
        ("case x in a) echo", "syntax error: unexpected end of file"),
        ("f() ", "syntax error: unexpected end of file"),
        ("f() echo", "syntax error near unexpected token `echo'"),
        ("echo (", "syntax error near unexpected token `newline'"),
        ("echo a (b)", "syntax error near unexpected token `('"),
        ("echo a\nfi fi\necho b", "syntax error near unexpected token `fi'"),
        ("echo $(echo a | | b)", "syntax error near unexpected token `|'"),
        ("{ echo a }", "syntax error: unexpected end of file"),
        ("echo a &; b", "syntax error near unexpected token `;'"),
        ("esac", "syntax error near unexpected token `esac'"),
        ("a && || b", "syntax error near unexpected token `||'"),
        ("! | a", "syntax error near unexpected token `|'"),
        ("echo 2>", "syntax error near unexpected token `newline'"),
        ("echo >&", "syntax error near unexpected token `newline'"),
        ("echo > > f", "syntax error near unexpected token `>'"),
        ("( ! )", "syntax error near unexpected token `)'"),
        ("! && a", "syntax error near unexpected token `&&'"),
        ("echo >2>&1", "syntax error near unexpected token `2'"),
        ("case", "syntax error near unexpected token `newline'"),
        ("case x in a", "syntax error near unexpected token `newline'"),
        ("for", "syntax error near unexpected token `newline'"),
        ("in a", "syntax error near unexpected token `in'"),
        ("]]", "syntax error near unexpected token `]]'"),
        ("x=1 f()", "syntax error near unexpected token `('"),
        ("(( 1 + $(echo", "unexpected EOF while looking for matching `)'"),
        ("[[ a", "unexpected token `newline', conditional binary operator expected"),
        ("[[ a\n]]", "unexpected token `newline', conditional binary operator expected"),
        ("[[ a &&", "unexpected token `EOF' in conditional command"),
        ("[[", "unexpected token `EOF' in conditional command"),
        ("[[ a ]", "conditional binary operator expected"),
        ("[[ a b ]]", "conditional binary operator expected"),
        ("[[ a; ]]", "unexpected token `;', conditional binary operator expected"),
        ("[[ -f ]]", "unexpected argument `]]' to conditional unary operator"),
        ("[[ -f ; ]]", "unexpected argument `;' to conditional unary operator"),
        ("[[ -f a b ]]", "syntax error in conditional expression"),
        ("[[ ( ]]", "expected `)'"),
        ("[[ a == b c ]]", "syntax error in conditional expression"),
        ("[[ a = ]]", "unexpected argument `]]' to conditional binary operator"),
        ("[[ a < ]]", "unexpected argument `]]' to conditional binary operator"),
        ("[[ a ) ]]", "syntax error in conditional expression: unexpected token `)'"),
        ("[[ && a ]]", "unexpected token `&&' in conditional command"),
        ("[[ -zz a ]]", "conditional binary operator expected"),
        ("[[ a ]] b", "syntax error near unexpected token `b'"),
    ]

    @Test(arguments: table) func messageIsBashs(_ source: String, _ expected: String) {
        var message: String?
        var line: Int?
        do {
            _ = try Parser.parse(source)
        } catch {
            message = error.message
            line = error.line
        }
        #expect(message == expected, "\(source.debugDescription)")
        #expect(realBashErrors(source)?.first == expected, "real bash disagrees with the table for \(source.debugDescription)")
        #expect(line == realBashErrorLine(source), "line for \(source.debugDescription)")
    }

    @Test func quotesTheOffendingLine() throws {
        for source in ["echo a | | b", "echo a\necho b | | c\nd", "a )"] {
            do {
                _ = try Parser.parse(source)
                Issue.record("no error for \(source)")
            } catch {
                #expect(error.scriptMessages == realBashErrors(source), "\(source.debugDescription)")
            }
        }
    }
}

import Testing
@testable import ShellSyntax

private func dump(_ source: String) -> String {
    do {
        return Dump.script(try Parser.parse(source))
    } catch {
        return "error: \(error.message)"
    }
}

@Suite struct ParseTests {
    static let table: [(String, String)] = [
        ("echo hello world", "(echo hello world)"),
        ("  echo   a  ", "(echo a)"),
        ("", ""),
        ("# comment only", ""),
        ("echo a # comment", "(echo a)"),
        ("echo a#b", "(echo a#b)"),
        ("echo 'a b' \"c $d\" e\\ f", "(echo 'a b' \"c +${d}\" e+\\ +f)"),
        ("echo \"a\\$b\\\\c\\d\"", "(echo \"a$b\\c\\d\")"),
        ("echo $'a\\tb\\n' $\"x\"", "(echo 'a\tb\n' \"x\")"),
        ("echo $HOME ${HOME} $? $# $@ $* $$ $! $0 $1 ${10} $-", "(echo ${HOME} ${HOME} ${?} ${#} ${@} ${*} ${$} ${!} ${0} ${1} ${10} ${-})"),
        ("echo $12", "(echo ${1}+2)"),
        ("echo $ a$", "(echo $ a$)"),
        ("echo ${#x} ${x:-a b} ${x-d} ${x:=v} ${x?e} ${x:+alt}", "(echo ${#x} ${x:-a b} ${x-d} ${x:=v} ${x?e} ${x:+alt})"),
        ("echo ${x#*/} ${x##*/} ${x%.*} ${x%%.*}", "(echo ${x#*/} ${x##*/} ${x%.*} ${x%%.*})"),
        ("echo ${x/a/b} ${x//a/b} ${x/a} ${x:1} ${x:1:2} ${x: -1}", "(echo ${x/a/b} ${x//a/b} ${x/a/} ${x:1} ${x:1:2} ${x: -1})"),
        ("echo ${x^} ${x^^} ${x,} ${x,,}", "(echo ${x^} ${x^^} ${x,} ${x,,})"),
        ("echo ${x/#a/X} ${x/%c/Y} ${!v} ${!1}", "(echo ${x/#a/X} ${x/%c/Y} ${!v} ${!1})"),
        ("echo ${x:-{a}}", "(echo ${x:-{a}+})"),
        ("echo ${x:-'a b'} \"${x:-'q'}\" ${x#'a'}", "(echo ${x:-'a b'} \"${x:-'q'}\" ${x#'a'})"),
        ("cat <<EOF\na\\\nEOF\nEOF", "(cat <<EOF[aEOF\n])"),
        ("cat <<'EOF'\na\\\nEOF", "(cat <<'EOF'[q:a\\\n])"),
        ("echo ${} ${x:} ${x!}", "(echo bad<${}> bad<${x:}> bad<${x!}>)"),
        ("echo \"${x:-$y}\"", "(echo \"${x:-${y}}\")"),
        ("echo $(ls -l | wc -l)", "(echo $((ls -l) | (wc -l)))"),
        ("echo $(echo \"a)\" ')' $(echo b))", "(echo $((echo \"a)\" ')' $((echo b)))))"),
        ("echo `echo a` \"`echo b`\"", "(echo $((echo a)) \"$((echo b))\")"),
        ("echo $((1 + (2 * 3)))", "(echo $((1 + (2 * 3))))"),
        ("echo ~ ~/x ~root/y ~\"x\" a~", "(echo ~~ ~~+/x ~root~+/y ~+\"x\" a~)"),
        ("A=1 B=~/x:~/y cmd", "(A=1 B=~~+/x:+~~+/y cmd)"),
        ("A+=x", "(A+=x)"),
        ("A= cmd", "(A= cmd)"),
        ("echo a=~/x", "(echo a=+~~+/x)"),
        ("cmd A=1", "(cmd A=1)"),
        ("1A=x", "(1A=x)"),
        ("a | b |& c", "(a) | (b) |& (c)"),
        ("! a | b", "! (a) | (b)"),
        ("a && b || c", "(a) && (b) || (c)"),
        ("a; b & c", "(a); (b) &; (c)"),
        ("a\nb\n\nc", "(a); (b); (c)"),
        ("a &&\n b", "(a) && (b)"),
        ("a |\n\n b", "(a) | (b)"),
        ("echo a \\\n b", "(echo a b)"),
        ("echo >f <g 2>&1 >>h 2>e &>all &>>all2 <>rw >|c <&0 >&2 3<<<here", "(echo >f <g 2>&1 >>h 2>e &>all &>>all2 <>rw >|c <&0 >&2 3<<<here)"),
        ("echo a>f b", "(echo a b >f)"),
        ("echo 2 >f 2>g x2>h", "(echo 2 x2 >f 2>g >h)"),
        ("cat <<EOF\nhello $USER\nEOF", "(cat <<EOF[hello +${USER}+\n])"),
        ("cat <<'EOF'\nhello $USER\nEOF\necho done", "(cat <<'EOF'[q:hello $USER\n]); (echo done)"),
        ("cat <<\"E F\"\n$x\nE F", "(cat <<\"E F\"[q:$x\n])"),
        ("cat <<-EOF\n\tindented\n\tEOF", "(cat <<-EOF[indented\n])"),
        ("cat <<A; cat <<B\na\nA\nb\nB\necho x", "(cat <<A[a\n]); (cat <<B[b\n]); (echo x)"),
        ("cat <<A | grep x\nline\nA", "(cat <<A[line\n]) | (grep x)"),
        ("cat <<EOF\n\\$x \\a `echo b`\nEOF", "(cat <<EOF[$x \\a +$((echo b))+\n])"),
        ("cat <<EOF\nEOF", "(cat <<EOF[])"),
        ("if a; then b; fi", "if (a) then (b) fi"),
        ("if a\nthen\n  b\nelif c; then d\nelse e\nfi", "if (a) then (b) elif (c) then (d) else (e) fi"),
        ("if a; then b; fi > out", "if (a) then (b) fi >out"),
        ("while a; do b; done", "while (a) do (b) done"),
        ("until a; do b; done", "until (a) do (b) done"),
        ("for x in a b; do echo $x; done", "for x in a b do (echo ${x}) done"),
        ("for x; do echo; done", "for x do (echo) done"),
        ("for x do echo; done", "for x do (echo) done"),
        ("for x in a b\ndo\n echo\ndone", "for x in a b do (echo) done"),
        ("for x\nin a\ndo echo; done", "for x in a do (echo) done"),
        ("for x in; do echo; done", "for x in  do (echo) done"),
        ("case $x in a|b) echo ab;; (c) echo c;& *) ;;& esac", "case ${x} a|b) (echo ab) ;; c) (echo c) ;& *)  ;;& esac"),
        ("case x in\n  a)\n    echo a\n    ;;\n  *) echo other\nesac", "case x a) (echo a) ;; *) (echo other) ;; esac"),
        ("case x in esac", "case x  esac"),
        ("{ a; b; }", "{(a); (b)}"),
        ("{ a; } > f", "{(a)} >f"),
        ("(a; b)", "sub((a); (b))"),
        ("( (a) )", "sub(sub((a)))"),
        ("((a)) || b", "((a)) || (b)"),
        ("(( x = 1 + 2 ))", "(( x = 1 + 2 ))"),
        ("((a) )", "sub(sub((a)))"),
        ("f() { echo; }", "fn f {(echo)}"),
        ("f ( ) { echo; }", "fn f {(echo)}"),
        ("f()\n{\n echo\n}", "fn f {(echo)}"),
        ("function f { echo; }", "fn f {(echo)}"),
        ("function f() ( echo )", "fn f sub((echo))"),
        ("[[ -f $x && $y == a* ]]", "[[ -f ${x} && ${y} == a* ]]"),
        ("[[ $x =~ ^(a|b)$ ]] && echo", "[[ ${x} =~ ^(a|b)$ ]] && (echo)"),
        ("[[ a < b ]]", "[[ a < b ]]"),
        ("[[ ! ( a ) ]]", "[[ ! ( a ) ]]"),
        ("[[ (a) ]]", "[[ ( a ) ]]"),
        ("[[ a &&\n b ]]", "[[ a && b ]]"),
        ("[[ ]]", "[[  ]]"),
        ("[[ ! ]]", "[[ ! ]]"),
        ("echo if then fi", "(echo if then fi)"),
        ("echo }", "(echo })"),
        ("'if' true", "('if' true)"),
        ("echo {a,b} [x] *", "(echo {a,b} [x] *)"),
        ("echo a;", "(echo a)"),
        ("echo a &", "(echo a) &"),
        ("!", "! ()"),
        ("time ls | wc", "(ls) | (wc)"),
        ("echo 2>&12>&1", "(echo 2>&12 >&1)"),
        ("echo $(( $(echo 1) + ')' ))", "(echo $(( $(echo 1) + ')' )))"),
    ]

    @Test(arguments: table) func parses(_ source: String, _ expected: String) {
        #expect(dump(source) == expected, "\(source.debugDescription)")
    }

    @Test func positions() throws {
        let script = try Parser.parse("echo a\n  ls  -l >f")
        let second = script.body.items[1].first
        #expect(second.position == SourcePosition(line: 2, column: 3))
        guard case .simple(let command) = second.commands[0] else {
            Issue.record("not simple")
            return
        }
        #expect(command.position == SourcePosition(line: 2, column: 3))
        #expect(command.words[1].position == SourcePosition(line: 2, column: 7))
        #expect(command.redirections[0].position == SourcePosition(line: 2, column: 10))
    }

    @Test func readerGivesOneLineAtATime() throws {
        let reader = ScriptReader("echo 1; echo 2\n\ncat <<E | wc\nbody\nE\nif a\nthen b\nfi\necho a | | b\necho never")
        #expect(try reader.next().map(Dump.list) == "(echo 1); (echo 2)")
        #expect(try reader.next().map(Dump.list) == "(cat <<E[body\n]) | (wc)")
        #expect(try reader.next().map(Dump.list) == "if (a) then (b) fi")
        #expect(throws: SyntaxError.self) { try reader.next() }
        #expect(try reader.next() == nil)
    }

    @Test func unterminatedHereDocumentWarns() throws {
        for (source, line, startLine) in [("cat <<EOF\nx", 2, 1), ("cat <<EOF\nx\n", 2, 1), ("cat <<EOF", 1, 1),
                                          ("echo 1\ncat <<EOF; echo 2\nx", 3, 2)] {
            let (script, warnings) = try Parser.parseWithWarnings(source)
            #expect(warnings == [SyntaxWarning(line: line, message: "here-document at line \(startLine) delimited by end-of-file (wanted `EOF')")])
            #expect(!script.body.items.isEmpty)
        }
    }

    @Test func parsePrefixKeepsLinesBeforeTheError() {
        let (script, error) = Parser.parsePrefix("echo a\necho b; echo c\nfi fi\necho d")
        #expect(Dump.script(script) == "(echo a); (echo b); (echo c)")
        #expect(error?.message == "syntax error near unexpected token `fi'")
        #expect(error?.line == 3)
        #expect(error?.sourceLine == "fi fi")
    }
}

import Testing
@testable import ShellSyntax

/// Nothing may crash, hang or recurse without bound, whatever the input.
@Suite struct RobustnessTests {
    private func outcome(_ source: String) -> String {
        do {
            _ = try Parser.parse(source)
            return "ok"
        } catch {
            return error.message
        }
    }

    @Test(arguments: ["$(", "(", "{ ", "\"$(", "${x:-", "if a; then ", "$((", "while a; do ", "case a in x) ", "[[ ", "f() { "])
    func deepNestingStopsWithAnError(_ opener: String) {
        let source = String(repeating: opener, count: 10_000)
        let message = outcome(source)
        #expect(message != "ok")
        _ = Parser.isIncomplete(source)
    }

    @Test func deepButAllowedNestingParses() {
        let depth = 50
        let source = String(repeating: "$(echo ", count: depth) + "x" + String(repeating: ")", count: depth)
        #expect(outcome(source) == "ok")
        let subshells = String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth)
        #expect(outcome(subshells) == "ok")
    }

    @Test func tooDeepIsReported() {
        let source = String(repeating: "( ", count: 1_000) + "a" + String(repeating: " )", count: 1_000)
        #expect(outcome(source) == "syntax error: nesting too deep")
        #expect(!Parser.isIncomplete(source))
    }

    @Test func backtrackingStaysBounded() {
        for unit in ["(( $( ", "(( ( ", "$(( $( ", "(( `", "(( \"$( "] {
            let source = String(repeating: unit, count: 150)
            #expect(outcome(source) != "ok")
            _ = Parser.isIncomplete(source)
        }
    }

    @Test func hugeInputsAreLinear() {
        let word = String(repeating: "a", count: 1_000_000)
        #expect(outcome("echo " + word) == "ok")
        #expect(outcome("echo '" + word) == "unexpected EOF while looking for matching `''")
        let many = String(repeating: "echo a | b && c; ", count: 20_000)
        #expect(outcome(many) == "ok")
        let heredoc = "cat <<EOF\n" + String(repeating: "line $x\n", count: 50_000) + "EOF\n"
        #expect(outcome(heredoc) == "ok")
        let manyHeredocs = String(repeating: "cat <<E\nx\nE\n", count: 5_000)
        #expect(outcome(manyHeredocs) == "ok")
    }

    @Test func oddBytes() {
        for source in ["\0", "echo \0a", "\u{FFFD}\u{FFFD}", "echo \r\n", String(decoding: [0xFF, 0xFE, 0x80, 0x0A], as: UTF8.self),
                       "\\", "$", "${", "$'", "$\"", "`", "<<", "<<<", "&>", "2>&", ";;&", "((", "))", "]]", "[[", "!", "! !",
                       "}", "{", "$((", "$(((", "a=(", "function", "function (", "f ( )", "case", "case x", "for", "for ;"] {
            _ = outcome(source)
            _ = Parser.isIncomplete(source)
            _ = Parser.parsePrefix(source)
        }
    }

    @Test func randomGarbage() {
        let alphabet = Array("ab $(){}[]`'\"\\|&;<>#~=:!*?-0123\n\t\u{0}é".unicodeScalars)
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<3_000 {
            var source = String.UnicodeScalarView()
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(seed >> 58) + 1
            for _ in 0..<length {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                source.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            _ = outcome(String(source))
            _ = Parser.isIncomplete(String(source))
        }
    }
}

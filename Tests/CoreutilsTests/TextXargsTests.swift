import Testing

private let xargsCases: [TextCase] = [
    TextCase("xargs", stdin: "a b\nc\n"),
    TextCase("xargs echo x", stdin: "a b\nc\n"),
    TextCase("xargs -n 1", stdin: "a b c\n"),
    TextCase("xargs -n 2 echo", stdin: "a b c\n"),
    TextCase("xargs -I {} echo item {} end", stdin: "a b\n  c\n"),
    TextCase("xargs -I X echo X-X", stdin: "1\n2\n"),
    TextCase("xargs -0 echo", stdinBytes: Array("a b\u{0}c\u{0}".utf8)),
    TextCase("xargs -d , echo", stdin: "a,b,c"),
    TextCase("xargs", stdin: ""),
    TextCase("xargs -r echo hi", stdin: ""),
    TextCase("xargs", stdin: "'a b' \"c d\" e\\ f\n"),
    TextCase("xargs", stdin: "'unterminated\n"),
    TextCase("xargs nonexistent-cmd", stdin: "a\n"),
    TextCase("xargs -L 1 echo", stdin: "a b\nc d\n"),
    TextCase("xargs -t echo", stdin: "a\n"),
    TextCase("xargs -n 0", stdin: "a\n"),
    TextCase("xargs cat", stdin: "f g\n", files: ["f": "F\n", "g": "G\n"]),
    TextCase("xargs cat", stdin: "f nope\n", files: ["f": "F\n"], gap: "cat's exit status goes through xargs' 123"),
    TextCase("xargs wc -l", stdin: "f\n", files: ["f": "1\n2\n"]),
    TextCase("xargs -E stop echo", stdin: "a stop b\n"),
]

@Test(arguments: xargsCases)
func xargsMatchesGNU(_ testCase: TextCase) { expectSameAsReal(testCase) }

/// Garbage in, no crash: random bytes through every text command.
@Test func textCommandsSurviveGarbage() {
    var state: UInt64 = 0x9E3779B97F4A7C15
    func nextByte() -> UInt8 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return UInt8(truncatingIfNeeded: state >> 33)
    }
    let garbage = (0..<20_000).map { _ in nextByte() }
    let lines = [
        "grep -o a.", "grep -E '(a|b)*c'", "grep -c ''", "grep -w x", "sed s/a*/X/g", "sed -n '$='", "sed 'N;N;s/\\n//g'",
        "sort", "sort -n", "sort -k2 -t,", "sort -h -r", "sort -V", "uniq -c", "wc", "wc -m", "cut -c1-3",
        "cut -d: -f2", "tr a-z A-Z", "tr -s '\\000-\\377'", "head -c 100", "tail -n 3", "base64", "base64 -d",
        "xargs -0 echo",
    ]
    for line in lines {
        _ = runLabTool(TextCase(line, stdinBytes: garbage))
    }
    // Hostile patterns compile or fail cleanly.
    for pattern in ["\\(\\(\\(", "[[:", "a{99999}", "*", "\\", "(((((((((((a)))))))))))\\11", "[z-a]", "x{1,2}{3,4}{5,6}"] {
        _ = runLabTool(TextCase("grep -E '\(pattern)'", stdin: "aaa\n"))
        _ = runLabTool(TextCase("sed 's/\(pattern)/x/'", stdin: "aaa\n"))
    }
    // A script that loops forever stops at the step budget.
    let looping = runLabTool(TextCase("sed ':a;ba'", stdin: "x\n"))
    #expect(looping.status != 0)
}

import Testing

private let ten = (1...12).map { "line \($0)" }.joined(separator: "\n") + "\n"
private let files = ["f": ten, "g": "a\nb\n", "nonl": "x\ny", "d/": "", "u": "héllo wörld\n\tx\n"]

private let headTailCases: [TextCase] = [
    TextCase("head f", files: files),
    TextCase("head -n 3 f", files: files),
    TextCase("head -n3 f", files: files),
    TextCase("head -3 f", files: files),
    TextCase("head -n -9 f", files: files),
    TextCase("head -c 5 f", files: files),
    TextCase("head -c -3 nonl", files: files),
    TextCase("head -n 1 f g", files: files),
    TextCase("head -q -n 1 f g", files: files),
    TextCase("head -v -n 1 g", files: files),
    TextCase("head -n 1 f missing g", files: files),
    TextCase("head d", files: files),
    TextCase("head -n x f", files: files),
    TextCase("head -c 2x f", files: files),
    TextCase("head -n 1", stdin: "s1\ns2\n"),
    TextCase("head -n 1 - g", stdin: "s1\ns2\n", files: files),
    TextCase("head -n 1k f", files: files),
    TextCase("head --bogus", files: files),
    TextCase("tail f", files: files),
    TextCase("tail -n 2 f", files: files),
    TextCase("tail -2 f", files: files),
    TextCase("tail -n +11 f", files: files),
    TextCase("tail -n +0 g", files: files),
    TextCase("tail -c 3 f", files: files),
    TextCase("tail -c +3 g", files: files),
    TextCase("tail -n 1 nonl", files: files),
    TextCase("tail -n 1 f g", files: files),
    TextCase("tail -q -n 1 f g", files: files),
    TextCase("tail missing", files: files),
    TextCase("tail d", files: files),
    TextCase("tail -n x f", files: files),
    TextCase("tail -n 3", stdin: "1\n2\n3\n4\n5\n"),
    TextCase("tail -n 0 g", files: files),
]

private let wcTeeCases: [TextCase] = [
    TextCase("wc f", files: files),
    TextCase("wc -l f", files: files),
    TextCase("wc -w f g", files: files),
    TextCase("wc f g nonl", files: files),
    TextCase("wc", stdin: "a b\nc"),
    TextCase("wc -l", stdin: "a b\nc\n"),
    TextCase("wc -c", stdin: "x"),
    TextCase("wc -lc", stdin: "x\n"),
    TextCase("wc -m u", files: files),
    TextCase("wc -L u", files: files),
    TextCase("wc -mc u", files: files),
    TextCase("wc missing f", files: files),
    TextCase("wc d", files: files),
    TextCase("wc - f", stdin: "a\n", files: files),
    TextCase("wc -l nope", files: files),
    TextCase("wc -w", stdin: "  one  two\tthree\n\nfour"),
    TextCase("tee out", stdin: "hello\n", show: ["out"]),
    TextCase("tee -a g", stdin: "more\n", files: files, show: ["g"]),
    TextCase("tee g nope/x", stdin: "data\n", files: files, show: ["g"]),
    TextCase("tee d", stdin: "data\n", files: files),
    TextCase("tee", stdin: "passthrough\n"),
]

private let cutTrCases: [TextCase] = [
    TextCase("cut -d: -f1", stdin: "root:x:0\nbin:x:1\n"),
    TextCase("cut -d: -f1,3", stdin: "root:x:0\nbin:x:1\n"),
    TextCase("cut -d: -f2-", stdin: "a:b:c\nnodelim\nx:y\n"),
    TextCase("cut -d: -f-2", stdin: "a:b:c\n"),
    TextCase("cut -d: -s -f2", stdin: "a:b:c\nnodelim\n"),
    TextCase("cut -d: --complement -f2", stdin: "a:b:c\n"),
    TextCase("cut -d: -f1,3 --output-delimiter=' | '", stdin: "a:b:c\n"),
    TextCase("cut -f2", stdin: "a\tb\tc\n"),
    TextCase("cut -c1-3", stdin: "abcdef\nxy\n"),
    TextCase("cut -c2,4-", stdin: "abcdef\n"),
    TextCase("cut -b1 --output-delimiter=, -b 1,3", stdin: "abc\n"),
    TextCase("cut -c 1,3 --output-delimiter=,", stdin: "abcd\n"),
    TextCase("cut -d ' ' -f 2", stdin: "NAME READY STATUS\npod 1/1 Running\n"),
    TextCase("cut", stdin: "a\n"),
    TextCase("cut -f a", stdin: "a\n"),
    TextCase("cut -f 0", stdin: "a\n"),
    TextCase("cut -f 3-1", stdin: "a\n"),
    TextCase("cut -f 1-2-3", stdin: "a\n"),
    TextCase("cut -f -", stdin: "a\n"),
    TextCase("cut -c 0", stdin: "a\n"),
    TextCase("cut -c1 -f1", stdin: "a\n"),
    TextCase("cut -d ab -f1", stdin: "a\n"),
    TextCase("cut -c1 -s", stdin: "a\n"),
    TextCase("cut -b1 -d:", stdin: "a\n"),
    TextCase("cut -f1 missing", stdin: "a\n"),
    TextCase("cut -f1 -d ''", stdin: "a:b\n"),
    TextCase("cut -d, -f2", stdin: "x,y\nno newline,z"),
    TextCase("tr a-z A-Z", stdin: "hello World\n"),
    TextCase("tr '[:lower:]' '[:upper:]'", stdin: "hello World\n"),
    TextCase("tr '[:upper:]' '[:lower:]'", stdin: "HELLO World\n"),
    TextCase("tr -d '[:digit:]'", stdin: "a1b2c3\n"),
    TextCase("tr -d '\\n'", stdin: "a\nb\n"),
    TextCase("tr -s ' '", stdin: "a   b    c\n"),
    TextCase("tr -s ' ' '\\n'", stdin: "a   b c\n"),
    TextCase("tr -cd 'a-z\\n'", stdin: "a1-b2 c\n"),
    TextCase("tr -c 'a-z' '_'", stdin: "ab-cd\n"),
    TextCase("tr abc x", stdin: "aabbcc\n"),
    TextCase("tr -t abc xy", stdin: "abc\n"),
    TextCase("tr ':' '\\t'", stdin: "a:b\n"),
    TextCase("tr '\\101' 'b'", stdin: "AAA\n"),
    TextCase("tr 'a-c' '[x*]'", stdin: "abcd\n"),
    TextCase("tr -ds 'a' 'b'", stdin: "aabbcc\n"),
    TextCase("tr", stdin: "x\n"),
    TextCase("tr a", stdin: "x\n"),
    TextCase("tr -d a b", stdin: "x\n"),
    TextCase("tr a b c", stdin: "x\n"),
    TextCase("tr '[:foo:]' x", stdin: "x\n"),
    TextCase("tr a '[:digit:]'", stdin: "x\n"),
    TextCase("tr z-a x", stdin: "x\n"),
    TextCase("tr a ''", stdin: "x\n"),
    TextCase("tr '' a", stdin: "x\n"),
    TextCase("tr 'a\\' x", stdin: "a\\\n"),
    TextCase("tr -s", stdin: "x\n"),
    TextCase("tr a-", stdin: "x\n"),
    TextCase("tr 'a-' xy", stdin: "a-b\n"),
]

@Test(arguments: headTailCases)
func headTailMatchGNU(_ testCase: TextCase) { expectSameAsReal(testCase) }

/// GNU `tail -f` never returns; in the lab nothing can append while it runs, so it prints and
/// returns (the real one cannot be the oracle here: it would hang the test run).
@Test func tailFollowPrintsAndReturns() {
    let run = runLabTool(TextCase("tail -f g", files: files))
    #expect(run == TextRun(stdout: Array("a\nb\n".utf8), stderr: "", status: 0))
}

@Test(arguments: wcTeeCases)
func wcTeeMatchGNU(_ testCase: TextCase) { expectSameAsReal(testCase) }

@Test(arguments: cutTrCases)
func cutTrMatchGNU(_ testCase: TextCase) { expectSameAsReal(testCase) }

import Testing

private let words = "banana\napple\nCherry\napple\n10\n9\n-3\n 2\nbanana\n"
private let table = "web-1 3 1.5K\ndb-2 10 200M\nweb-2 3 20K\ncache 1 1G\napi 10 512\n"
private let passwd = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\nbob:x:1000:1000::/home/bob:/bin/sh\nalice:x:999:999::/home/alice:/bin/bash\n"

private let sortCases: [TextCase] = [
    TextCase("sort", stdin: words),
    TextCase("sort -r", stdin: words),
    TextCase("sort -n", stdin: words),
    TextCase("sort -rn", stdin: words),
    TextCase("sort -u", stdin: words),
    TextCase("sort -f", stdin: words),
    TextCase("sort -fu", stdin: "b\nB\na\nA\n"),
    TextCase("sort -k2 -n", stdin: table),
    TextCase("sort -k2,2n -k1,1", stdin: table),
    TextCase("sort -k2,2nr", stdin: table),
    TextCase("sort -k3 -h", stdin: table),
    TextCase("sort -h", stdin: "1K\n2M\n512\n1G\n3k\n-1M\n"),
    TextCase("sort -t: -k3 -n", stdin: passwd),
    TextCase("sort -t: -k3,3n", stdin: passwd),
    TextCase("sort -t: -k7", stdin: passwd),
    TextCase("sort -t : -k 1.2,1.3", stdin: passwd),
    TextCase("sort -k1.2", stdin: table),
    TextCase("sort -b -k2", stdin: "a  z\nb y\nc   x\n"),
    TextCase("sort -k2", stdin: "a  z\nb y\nc   x\n"),
    TextCase("sort -s -k2,2", stdin: "b 1\na 1\nc 0\n"),
    TextCase("sort -V", stdin: "v1.10\nv1.2\nv1.9.1\nv1.9\nfile-2\nfile-10\n"),
    TextCase("sort -n", stdin: "1.5\n1.25\n-0\n0\n-2.5\nabc\n\n"),
    TextCase("sort -g", stdin: "1e3\n2\n-1.5\n"),
    TextCase("sort -M", stdin: "Mar\nJan\nxyz\nDec\n"),
    TextCase("sort -c", stdin: "a\nc\nb\n"),
    TextCase("sort -c", stdin: "a\nb\n"),
    TextCase("sort -C", stdin: "b\na\n"),
    TextCase("sort f g", files: ["f": "z\na\n", "g": "m\n"]),
    TextCase("sort -o out f", files: ["f": "z\na\n"], show: ["out"]),
    TextCase("sort nope"),
    TextCase("sort d", files: ["d/": ""]),
    TextCase("sort -k 0", stdin: "a\n"),
    TextCase("sort -k 1.0", stdin: "a\n"),
    TextCase("sort -k x", stdin: "a\n"),
    TextCase("sort -t ab", stdin: "a\n"),
    TextCase("sort -nh", stdin: "a\n"),
    TextCase("sort -k1,1n -k1,1V", stdin: "a\n"),
    TextCase("sort --bogus", stdin: "a\n"),
    TextCase("sort", stdin: "no newline\nat end"),
    TextCase("sort", stdin: "é\ne\nz\nÉ\n"),
    TextCase("sort -d", stdin: "b-a\na+b\n_c\n"),
    TextCase("sort -z", stdinBytes: Array("b\u{0}a\u{0}".utf8)),
    TextCase("sort -r -k1,1", stdin: "a 2\na 1\nb 0\n"),
    TextCase("sort -u -k1,1", stdin: "a 2\na 1\nb 0\n"),
    TextCase("sort -nu", stdin: "1\n01\n2\n1.0\n"),
]

private let uniqCases: [TextCase] = [
    TextCase("uniq", stdin: "a\na\nb\na\n"),
    TextCase("uniq -c", stdin: "a\na\nb\na\n"),
    TextCase("uniq -d", stdin: "a\na\nb\nc\nc\n"),
    TextCase("uniq -u", stdin: "a\na\nb\nc\nc\n"),
    TextCase("uniq -D", stdin: "a\na\nb\nc\nc\n"),
    TextCase("uniq -i", stdin: "a\nA\nb\n"),
    TextCase("uniq -ic", stdin: "a\nA\nb\n"),
    TextCase("uniq -f1", stdin: "1 a\n2 a\n3 b\n"),
    TextCase("uniq -s2", stdin: "xxa\nyya\nzzb\n"),
    TextCase("uniq -w1", stdin: "ab\nac\nbd\n"),
    TextCase("uniq f out", files: ["f": "a\na\n"], show: ["out"]),
    TextCase("uniq nope"),
    TextCase("uniq a b c"),
    TextCase("uniq -c -D", stdin: "a\n"),
    TextCase("uniq -f x", stdin: "a\n"),
    TextCase("uniq", stdin: "a\na"),
]

private let base64Cases: [TextCase] = [
    TextCase("base64", stdin: "hello\n"),
    TextCase("base64", stdin: ""),
    TextCase("base64", stdin: String(repeating: "0123456789", count: 12)),
    TextCase("base64 -w 0", stdin: String(repeating: "0123456789", count: 12)),
    TextCase("base64 -w 10", stdin: "abcdefghijklmnop"),
    TextCase("base64 -d", stdin: "aGVsbG8K\n"),
    TextCase("base64 -d", stdin: "aGVsbG8="),
    TextCase("base64 -d", stdin: "YWJj\nZGVm\n"),
    TextCase("base64 -d", stdin: "!!\n"),
    TextCase("base64 -d", stdin: "aGVsbG8"),
    TextCase("base64 -d", stdin: "aGV=sbG8K"),
    TextCase("base64 -d -i", stdin: "aG!VsbG8K\n"),
    TextCase("base64 f", files: ["f": "data"]),
    TextCase("base64 nope"),
    TextCase("base64 a b"),
    TextCase("base64 -w x", stdin: "a"),
    TextCase("base64 --decode", stdin: "YWRtaW4=\n"),
]

@Test(arguments: sortCases)
func sortMatchesGNU(_ testCase: TextCase) { expectSameAsReal(testCase) }

@Test(arguments: uniqCases)
func uniqMatchesGNU(_ testCase: TextCase) { expectSameAsReal(testCase) }

@Test(arguments: base64Cases)
func base64MatchesGNU(_ testCase: TextCase) { expectSameAsReal(testCase) }

import Testing

private let diffFiles = ["x": "a\nb\nc\n", "y": "a\nB\nc\nd\n", "n": "a", "m": "a\n", "e": ""]

private let diffCases: [TextCase] = [
    TextCase("diff x y", files: diffFiles),
    TextCase("diff x x", files: diffFiles),
    TextCase("diff -s x x", files: diffFiles),
    TextCase("diff -q x y", files: diffFiles),
    TextCase("diff --brief x x", files: diffFiles),
    TextCase("diff -u --label old --label new x y", files: diffFiles),
    TextCase("diff -U 0 --label old --label new x y", files: diffFiles),
    TextCase("diff -U1 --label old --label new y x", files: diffFiles),
    TextCase("diff -c --label old --label new x y", files: diffFiles),
    TextCase("diff -C 1 --label old --label new y x", files: diffFiles),
    TextCase("diff n m", files: diffFiles),
    TextCase("diff m n", files: diffFiles),
    TextCase("diff -u --label a --label b n m", files: diffFiles),
    TextCase("diff e x", files: diffFiles),
    TextCase("diff x e", files: diffFiles),
    TextCase("diff -u --label a --label b e x", files: diffFiles),
    TextCase("diff -u --label a --label b x e", files: diffFiles),
    TextCase("diff - x", stdin: "a\nc\n", files: diffFiles),
    TextCase("diff x -", stdin: "a\nb\nc\n", files: diffFiles),
    TextCase("diff nofile x", files: diffFiles),
    TextCase("diff x", files: diffFiles),
    TextCase("diff", files: diffFiles),
    TextCase("diff x y z", files: diffFiles),
    TextCase("diff --bogus x y", files: diffFiles),
    TextCase("diff -U x x y", files: diffFiles),
    TextCase("diff -i A a", files: ["A": "Hello\nWORLD\n", "a": "hello\nworld\n"]),
    TextCase("diff -b s t", files: ["s": "a  b\nc\n", "t": "a b \nc\n"]),
    TextCase("diff -w s t", files: ["s": "a  b\nc\n", "t": "ab\nc\n"]),
    TextCase("diff b1 b2", files: ["b1": "x\u{0}y", "b2": "z"]),
    TextCase("diff d1 d2", files: ["d1/f": "1\n", "d2/f": "2\n", "d1/only": "3\n", "d1/s/": "", "d2/s/": "", "d2/g": "g\n", "d1/g": "g\n"]),
    TextCase("diff -r d1 d2", files: ["d1/f": "1\n", "d2/f": "2\n", "d1/only": "3\n", "d1/s/k": "k\n", "d2/s/k": "K\n"]),
    TextCase("diff -qr d1 d2", files: ["d1/f": "1\n", "d2/f": "2\n", "d2/new": "3\n"]),
    TextCase("diff -r -u --label a --label b d1 d2", files: ["d1/f": "1\n", "d2/f": "2\n"]),
    TextCase("diff f d2", files: ["f": "1\n", "d2/f": "2\n"]),
    TextCase("diff d2 f", files: ["f": "1\n", "d2/f": "1\n"]),
    TextCase("diff d1 d2", files: ["d1/x/": "", "d2/x": "file\n"]),
    TextCase("diff pod1.yaml pod2.yaml", files: [
        "pod1.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.25\n",
        "pod2.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n",
    ]),
]

@Test(arguments: diffCases)
func diffMatchesGNU(_ testCase: TextCase) { expectSameAsReal(testCase) }

/// Random files over a tiny alphabet: many equally short edit scripts, so only GNU's own
/// search and boundary shifting choose the same hunks.
private let randomDiffCases: [TextCase] = {
    var state: UInt64 = 0x2545F4914F6CDD1D
    func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
    func file() -> String {
        let alphabet = ["a", "b", "c", "d", "a", "a", "}", ""]
        return (0..<next(30)).map { _ in alphabet[next(alphabet.count)] + "\n" }.joined()
    }
    return (0..<80).map { index in
        let style = ["", "-u --label p --label q ", "-c --label p --label q ", "-U 1 --label p --label q "][index % 4]
        return TextCase("diff \(style)p q", files: ["p": file(), "q": file()])
    }
}()

@Test(arguments: randomDiffCases)
func diffChoosesGNUsHunks(_ testCase: TextCase) { expectSameAsReal(testCase) }

import Foundation
import KubeModel
import Testing

/// `-o yaml` and `-o json` byte for byte against the real kubectl.
@Suite(.enabled(if: KubectlOracle.isAvailable)) struct CodecPrintTests {
    /// Strings that test go-yaml v2's quoting, block scalars, escapes and folding.
    static let trickyStrings: [String] = [
        "plain", "", " ", "  lead", "trail ", "multi\nline", "trailing newline\n", "two\n\n", "\n", "\n\nx",
        "  indented\nblock\n", "a\n b", "a \nb", "tab\there", "a\tb\nc", "quote\"d", "it's", "back\\slash",
        "true", "false", "True", "yes", "no", "on", "off", "y", "n", "Y", "N", "null", "Null", "~", "NULL",
        "123", "0123", "-1", "+1", "1e3", "1.0", ".5", "1.", "0x1F", "0o17", "0b101", "1_000", "12:30:00",
        "190:20:30", "1:2", "2001-12-14", "2001-12-14T21:59:43Z", "2001-12-14 21:59:43.10", "2001-02-30",
        ".inf", "-.inf", ".nan", ".", "..", "...", "---", "--- x", "-", "- x", "-x", "?", "? x", ":", ": x",
        "a: b", "a:b", "a #b", "a#b", "#x", "@x", "`x", "%x", "&x", "*x", "!x", "|x", ">x", "'x", "\"x",
        "[x]", "{x}", "x]", "x,y", "<<", "=", "é", "日本語", "emoji 😀", "\u{85}x", "a \u{85} b", "x\u{85}\u{85} y", "x \u{85}", "x\u{2028}y",
        "\u{FEFF}bom x", "mid\u{FEFF}bom", "nbsp\u{A0}x", "ctrl\u{1}x", "bell\u{7}", "esc\u{1B}", "cr\rlf", "<html>&amp;",
        String(repeating: "word ", count: 40), String(repeating: "x", count: 200),
        "short words then a very long line " + String(repeating: "abcdefghij", count: 10) + " end",
        String(repeating: "quoted: ", count: 20), String(repeating: "\"q\" ", count: 30),
        String(repeating: "tab\t ", count: 30), "multi line\n" + String(repeating: "long ", count: 30) + "\nend",
        "trailing spaces line  \nnext", "  ", "a  b", String(repeating: "a  ", count: 40),
        "0.1", "1e400", "-0", "0", "00", "09", "0x", "+", "+.5", "1e", "1e+5", "2e-7", "Yes please", "nullx",
    ]

    static let numbers: [JSONValue] = [
        0, 1, -1, 9_223_372_036_854_775_807, .double(0.5), .double(1.5e-7), .double(1e21), .double(1e20),
        .double(123456789.5), .double(0.000001), .double(1234567.5), .double(-2.5), .double(3.0), .double(1e6),
        .double(9.2e18), .double(1.8e19), .double(5e-324), .double(1.7976931348623157e308), true, false, nil,
    ]

    static let keys: [String] = [
        "a10", "a9", "B", "a", "_x", "0", "-", "é", "Z", "a01", "a1", "1", "10", "9", "x-1", "x_1", "x.1",
        "", "true", "null", "with space", "a: b", "#k", "日本", String(repeating: "k", count: 130), "multi\nkey",
        "00", "007", "7", "a0", "a00", "a001",
    ]

    /// A manifest kubectl's `annotate --local` accepts, holding `spec`.
    static func manifest(spec: JSONValue) -> JSONValue {
        ["apiVersion": "example.com/v1", "kind": "Foo", "metadata": ["name": "x"], "spec": spec]
    }

    func assertMatchesKubectl(_ value: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let input = Array(KubeJSON.compact(value).utf8)
        let json = KubectlOracle.annotate(input, name: "m.json", format: "json")
        let yaml = KubectlOracle.annotate(input, name: "m.json", format: "yaml")
        #expect(json.status == 0, "\(json.stderr)", sourceLocation: sourceLocation)
        let parsed = try KubeJSON.parse(json.stdout)
        let ourJSON = KubeJSON.print(parsed, sortKeys: true)
        #expect(ourJSON == json.stdout, "\(firstDifference(ourJSON, json.stdout))", sourceLocation: sourceLocation)
        let ourYAML = KubeYAML.print(parsed)
        #expect(ourYAML == yaml.stdout, "\(firstDifference(ourYAML, yaml.stdout)) \(yaml.stderr)", sourceLocation: sourceLocation)
    }

    @Test func stringValues() throws {
        var spec = JSONObject()
        for (n, s) in Self.trickyStrings.enumerated() { spec["v\(n)"] = .string(s) }
        try assertMatchesKubectl(Self.manifest(spec: .object(spec)))
    }

    @Test func stringsInLists() throws {
        let items = Self.trickyStrings.map { JSONValue.string($0) }
        try assertMatchesKubectl(Self.manifest(spec: ["list": .array(items), "nested": [.array(items.prefix(5).map { $0 })]]))
    }

    @Test func numbersAndLiterals() throws {
        var spec = JSONObject()
        for (n, v) in Self.numbers.enumerated() { spec["n\(n)"] = v }
        spec["list"] = .array(Self.numbers)
        try assertMatchesKubectl(Self.manifest(spec: .object(spec)))
    }

    @Test func keyOrderAndKeyQuoting() throws {
        var spec = JSONObject()
        for k in Self.keys { spec[k] = "v" }
        try assertMatchesKubectl(Self.manifest(spec: .object(spec)))
    }

    @Test func nestedShapes() throws {
        let spec: JSONValue = [
            "empty": [:], "emptyList": [], "listOfMaps": [["a": 1, "b": ["c": "d"]], ["e": []], [:]],
            "listOfLists": [[1, 2], [], [["x"]]], "deep": ["a": ["b": ["c": ["d": .string("long " + String(repeating: "text ", count: 20))]]]],
            "block": ["k": "line1\nline2\n", "list": ["x\ny", "z"]],
        ]
        try assertMatchesKubectl(Self.manifest(spec: spec))
    }

    /// `kubectl create configmap --from-literal` for the same strings, as the brief's literal check.
    @Test func configMapLiterals() throws {
        let values = ["multi\nline", "trail\n", "  lead", "q\"uote", "日本語", "true", "0123", "1e3", ": ",
                      "- x", "#", "@", "`", "null", "~", String(repeating: "y", count: 200), "tab\tx",
                      String(repeating: "a b ", count: 50)]
        var args = ["create", "configmap", "x", "--dry-run=client"]
        for (n, v) in values.enumerated() { args.append("--from-literal=k\(n)=\(v)") }
        let json = KubectlOracle.run(args + ["-o", "json"])
        let yaml = KubectlOracle.run(args + ["-o", "yaml"])
        let parsed = try KubeJSON.parse(json.stdout)
        #expect(KubeYAML.print(parsed) == yaml.stdout, "\(firstDifference(KubeYAML.print(parsed), yaml.stdout))")
        #expect(parsed["data"]?["k0"] == "multi\nline")
    }
}

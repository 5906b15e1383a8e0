import Foundation
import KubeModel
import Testing

/// Manifest decoding against the real kubectl: `annotate --local -f FILE -o json` reads the
/// file offline and prints the object (or the parse error) exactly as `apply -f` would see it.
@Suite(.enabled(if: KubectlOracle.isAvailable)) struct CodecDecodeTests {
    static let header = "apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: x\nspec:\n"

    /// Our reading of `text` (annotated as kubectl's command does) or our error line, in
    /// kubectl's output form.
    static func ours(_ bytes: [UInt8], source: String) -> (stdout: String, stderr: String) {
        let (docs, error) = KubeYAML.decode(bytes, source: source)
        let err = error.map { "error: \($0.message)\n" } ?? ""
        guard docs.count <= 1 else { return ("\(docs.count) documents", err) }
        guard var doc = docs.first else { return ("", err) }
        doc[path: ["metadata", "annotations", "a"]] = "b"
        return (KubeJSON.print(doc, sortKeys: true), err)
    }

    func assertLikeKubectl(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        assertLikeKubectl(bytes: Array(text.utf8), label: text, sourceLocation: sourceLocation)
    }

    func assertLikeKubectl(bytes: [UInt8], label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let real = KubectlOracle.annotate(bytes, name: "e.yaml", format: "json")
        let (out, err) = Self.ours(bytes, source: "e.yaml")
        // kubectl's own later checks (missing kind…) are not the codec's business.
        if real.stderr.contains("unable to decode") || real.stderr.contains("Object 'Kind' is missing") { return }
        #expect(out == real.stdout, "\(label.debugDescription)\n\(firstDifference(out, real.stdout))", sourceLocation: sourceLocation)
        #expect(err == real.stderr, "\(label.debugDescription)", sourceLocation: sourceLocation)
    }

    static let scalars: [String] = [
        "yes", "no", "on", "off", "y", "n", "Yes", "TRUE", "True", "tRue", "~", "null", "Null", "NULL", "",
        "0x1F", "0o17", "017", "09", "1e3", "1.0", ".5", "-.inf", ".nan", "+.inf", "+1", "1_000", "0b101", "-0b101",
        "12:30:00", "2001-12-14", "2001-12-14T21:59:43Z", "2001-12-14 21:59:43.10", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "18446744073709551616", "1.5e400", "1.5", "0.1", "1e21",
        "1e20", "123456789012345678", "1.25e-7", "-0", "-0.0", "0.0000001", "!!str 12", "!!int \"12\"",
        "!!float 1", "!!binary aGVsbG8=", "!!binary aGVsbG8", "!!foo bar", "&a x", "<<", "\"\\u00e9\\t\"",
        "'it''s'", "[]", "{}", "+.5", "1.", ".", "-", "1__0", "0x_1F", "!!int x", "!!bool 1", "!!float x",
        "!!null x", "!!null", "!!timestamp 2001-12-14", "!!timestamp x", "!!int 2001-12-14", "\"\\q\"", "!x",
        "@x", "`x", "%x", "\"abc", "'abc", "[1, 2", "{b: 1", "*nope", "a: b: c", "|\n    a\n    b\n",
        ">\n    folded\n    text\n\n    para\n", "|-\n    x\n", "|+\n    x\n\n", "\"multi\n    line\"",
        "plain\n    continued", "\"\\x41\\u263A\\U0001F600\"", "[a, {b: c}, [d]]", "{a: 1, a: 2}", "? complex\n  : v",
    ]

    @Test func scalarsResolveLikeGoYAML() {
        for s in Self.scalars {
            assertLikeKubectl(Self.header + "  v: " + s + "\n")
        }
    }

    @Test func brokenFiles() {
        let files: [String] = [
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b: c\n",
            Self.header + "\ta: 1\n",
            Self.header + "  a:\t1\n",
            Self.header + "  a: 1\n  a: 2\n",
            Self.header + "  a: b\n c: d\n",
            Self.header + "  a: b\n   c: d\n",
            Self.header + "  a: |\n  b\n",
            Self.header + "  - a\n",
            Self.header + "  a: \u{1}\n",
            Self.header + "  a: \"\u{1}\"\n",
            Self.header + "  a: \u{7F}\n",
            Self.header + "  {a: 1}: 2\n",
            Self.header + "  [1]: 2\n",
            Self.header + "  {a: 1, 1: true, 2.5: null, x: [1,\"s\"]}: 2\n",
            Self.header + "  ~: [1, \"a\", 2.5, true, ~, {}]\n",
            Self.header + "  1: a\n  2.5: b\n  true: c\n  1e3: d\n  0.1: e\n  123456789.0: f\n",
            Self.header + "  <<: {m: 1, z: 0}\n  z: 2\n",
            Self.header + "  z: 2\n  <<: {m: 1, z: 0}\n",
            Self.header + "  b: &b {m: 1}\n  c:\n    <<: [*b, {m: 2, n: 3}]\n",
            Self.header + "  <<: 1\n",
            Self.header + "  <<: [1]\n",
            Self.header + "  a: &a [*a]\n",
            Self.header + "  a: &x 1\n  b: *x\n",
            "a: [\n",
            "a: 'x\n",
            "key: value\n  bad: indent\n",
            "- a\nb: c\n",
            "a:\n  - b\n  c: d\n",
            "a: b\n---\napiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n  y: : z\n",
            "--- foo\napiVersion: v1\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n...\nmore: stuff\n",
            "%YAML 1.1\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n",
            "%BAD\napiVersion: v1\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: !!binary \"@@@\"}\n",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"j\",}}",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"j\"}",
            "  {\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"j\"}, \"data\": {\"a\": 1e3, \"b\": \"\\u003c\"}}",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"j\"}} x",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"j\"}, \"x\": tru}",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"j\"}, \"x\": \"\\z\"}",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"j\"}, \"x\": -}",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"j\"}, \"x\": 1.}",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"j\"} \"x\": 1}",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels:\n    app: web\n      tier: x\n",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: nginx\n   ports: []\n",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n  image: nginx\n  - name: b\n",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"x\n",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    command: [\"sh\", \"-c\", \"echo hi\"\n",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  annotations:\n    note: this: breaks\n",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  annotations:\n    note: \"a\" b\n",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  annotations:\n    note: 'a' b\n",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  annotations:\n    note: a # c\n",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  annotations:\n    note: [a]b\n",
            "apiVersion: v1\nkind: Pod\n metadata:\n  name: x\n",
            "apiVersion: v1\n\nkind: Pod\n\n\nmetadata:\n  name: x\n  bad\n",
            "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: crlf\r\ndata:\r\n  a: |\r\n    x\r\n    y\r\n",
            "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: crlf\r\n---\r\napiVersion: v1\r\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n\tlabels: {}\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: \"tab\there\"\n  b: 'x\ty'\n  c: x\ty\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n- c\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: & x\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: *\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: !<tag:yaml.org,2002:str> 5\n",
            "%TAG !e! tag:example.com,2000:\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: !e!foo 5}\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  " + String(repeating: "k", count: 1100) + ": v\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n--- |\n  text\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: |\n    ---\n    x\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: >\n    folded\n    more\n\n    para\n  b: |2\n      indented\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: |0\n    x\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: |\n   x\n  y\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, labels: {a: b}, }\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n  , labels: {}}\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  name: y\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  \"a\": 1\n  'b': 2\n  ? c\n  : 3\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x # trailing comment\n# full comment\ndata: # c\n  a: \"#not\" # c\n",
        ]
        for file in files { assertLikeKubectl(file) }
    }

    @Test func encodingsAndBytes() {
        let body = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: \"b\"\n"
        assertLikeKubectl(bytes: [0xEF, 0xBB, 0xBF] + Array(body.utf8), label: "utf-8 bom")
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in body.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        assertLikeKubectl(bytes: utf16, label: "utf-16le")
        assertLikeKubectl(bytes: Array(body.utf8) + [0x20, 0x20, 0x62, 0x3A, 0x20, 0xFF, 0xFE, 0x0A], label: "invalid utf-8")
        assertLikeKubectl(bytes: Array("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: \"\u{1F600}\"}\n".utf8), label: "emoji")
    }

    /// What `kubectl create … -o yaml` prints reads back and prints again unchanged, and reads
    /// as the same object as its `-o json`.
    @Test func kubectlOutputRoundTrips() throws {
        let commands: [[String]] = [
            ["create", "deployment", "web", "--image=nginx", "--replicas=3", "--port=80"],
            ["create", "job", "j", "--image=busybox", "--dry-run=client", "-o", "FORMAT", "--", "sh", "-c", "echo 'hi: there'; sleep 10"],
            ["create", "configmap", "c", "--from-literal=a=multi\nline\n", "--from-literal=b=yes", "--from-literal=c= lead"],
            ["create", "secret", "generic", "s", "--from-literal=k=v"],
            ["create", "service", "clusterip", "svc", "--tcp=80:8080"],
            ["create", "cronjob", "cj", "--image=busybox", "--schedule=*/5 * * * *", "--dry-run=client", "-o", "FORMAT", "--", "date"],
            ["create", "ingress", "ing", "--rule=foo.com/bar*=svc:8080"],
        ]
        for command in commands {
            func run(_ format: String) -> KubectlOracle.Run {
                command.contains("FORMAT") ? KubectlOracle.run(command.map { $0 == "FORMAT" ? format : $0 })
                    : KubectlOracle.run(command + ["--dry-run=client", "-o", format])
            }
            let yaml = run("yaml")
            let json = run("json")
            #expect(yaml.status == 0, "\(command) \(yaml.stderr)")
            let docs = try KubeYAML.documents(in: yaml.stdout, source: "out.yaml")
            #expect(docs.count == 1)
            guard let doc = docs.first else { continue }
            #expect(KubeYAML.print(doc) == yaml.stdout, "\(command)\n\(firstDifference(KubeYAML.print(doc), yaml.stdout))")
            let fromJSON = try KubeJSON.parse(json.stdout)
            #expect(KubeJSON.print(doc) == KubeJSON.print(fromJSON), "\(command)")
            let typedOrder = KubeJSON.print(fromJSON, sortKeys: false)
            #expect(typedOrder == json.stdout, "\(command)\n\(firstDifference(typedOrder, json.stdout))")
        }
    }
}

import KubeModel
import Testing

/// How a manifest file splits into objects (unit checks; the oracle tables are in CodecDecodeTests).
@Suite struct CodecDocumentsTests {
    @Test func multipleDocumentsSkipEmptyAndNull() throws {
        let text = "---\n# only a comment\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n~\n---\n\n---\nkind: List\nitems: [{kind: Pod}]\n"
        let docs = try KubeYAML.documents(in: text, source: "m.yaml")
        #expect(docs.count == 2)
        #expect(docs.first?["metadata"]?["name"] == "a")
        #expect(docs.last?["kind"] == "List")
        #expect(docs.last?["items"]?.arrayValue?.count == 1)
    }

    @Test func laterBrokenDocumentKeepsEarlierOnesAndCountsLinesFromItsStart() {
        let text = "kind: A\n---\nkind: B\nx: : y\n"
        let result = KubeYAML.decode(text, source: "f.yaml")
        #expect(result.documents.count == 1)
        #expect(result.error?.message == "error parsing f.yaml: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context")
        #expect(result.error?.detail.hasPrefix("error converting YAML to JSON") == true)
    }

    @Test func jsonStreamsAndNumbers() throws {
        let docs = try KubeYAML.documents(in: " {\"a\": 1e3, \"b\": 1.5, \"c\": 9223372036854775808} {\"d\": null}", source: "j")
        #expect(docs.count == 2)
        #expect(KubeJSON.compact(docs[0]) == "{\"a\":1000,\"b\":1.5,\"c\":9223372036854776000}")
    }

    @Test func yamlNumbersTakeTheirJSONShape() throws {
        let docs = try KubeYAML.documents(in: "a: 1.0\nb: 1e3\nc: 0.5\nd: 017\ne: '017'\nf: 1e21\n", source: "n")
        #expect(KubeJSON.compact(docs[0], sortKeys: false) == "{\"a\":1,\"b\":1000,\"c\":0.5,\"d\":15,\"e\":\"017\",\"f\":1e+21}")
        #expect(docs[0]["a"].map { if case .int = $0 { true } else { false } } == true)
    }

    @Test func jsonParseErrorsUseGoWording() {
        #expect(throws: ManifestError(source: "", detail: "unexpected end of JSON input")) { try KubeJSON.parse("{\"a\": ") }
        #expect(throws: ManifestError(source: "", detail: "invalid character 'x' after top-level value")) { try KubeJSON.parse("{} x") }
        #expect(throws: ManifestError(source: "", detail: "invalid character '}' looking for beginning of object key string")) {
            try KubeJSON.parse("{\"a\": 1,}")
        }
    }

    @Test func printsEmptyAndScalars() {
        #expect(KubeYAML.print([:]) == "{}\n")
        #expect(KubeYAML.print(["a": [], "b": [:], "c": nil, "d": ""]) == "a: []\nb: {}\nc: null\nd: \"\"\n")
        #expect(KubeJSON.print(["a": [], "b": ["<&>"]]) == "{\n    \"a\": [],\n    \"b\": [\n        \"\\u003c\\u0026\\u003e\"\n    ]\n}\n")
    }
}

@Suite(.enabled(if: KubectlOracle.isAvailable)) struct CodecPrintErrorTests {
    @Test(arguments: ["\u{7F}", "\u{80}", "\u{9F}", "\u{FFFE}", "\u{85}", "\u{E000}", "\u{1}"])
    func controlCharactersStopYAMLOutput(_ c: String) throws {
        let value: JSONValue = ["apiVersion": "v1", "kind": "Foo", "metadata": ["name": "x"], "spec": ["k": .string("a" + c + "b")]]
        let real = KubectlOracle.annotate(Array(KubeJSON.compact(value).utf8), name: "c.json", format: "yaml")
        var annotated = value
        annotated[path: ["metadata", "annotations", "a"]] = "b"
        if let error = KubeYAML.printError(annotated) {
            #expect(real.stderr == "error: \(error)\n")
        } else {
            #expect(real.stdout == KubeYAML.print(annotated))
        }
    }
}

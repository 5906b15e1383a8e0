import KubeModel
import Testing

/// Nothing a learner can put in a file may crash, hang or blow the stack; whatever decodes
/// prints and reads back as the same value.
@Suite struct CodecRobustnessTests {
    /// A fixed-seed xorshift generator: the same inputs on every run.
    struct Xorshift {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }

    static let fragments: [String] = [
        "a: ", "- ", "\n", "  ", "\t", "{", "}", "[", "]", ",", ":", "&x ", "*x", "<<: ", "'", "\"", "|", ">-",
        "---\n", "...\n", "#c", "!!str ", "!!binary ", "? ", "yes", "0x1F", "1e3", ".nan", "~", "\\", "%YAML 1.1\n",
        "kind: List\n", "é", "😀", "\u{85}", "\u{FEFF}", "\r", "12:30", "2001-12-14", "\"\\u00e9\"", "key", "9223372036854775808",
    ]

    /// Decoded values survive printing as YAML and as JSON.
    func assertRoundTrips(_ value: JSONValue, _ label: String) {
        let yaml = KubeYAML.print(value)
        let back = KubeYAML.decode(yaml, source: "rt")
        #expect(back.error == nil, "\(label.debugDescription) → \(yaml.debugDescription): \(back.error?.message ?? "")")
        if back.error == nil, back.documents.count == 1, let doc = back.documents.first {
            #expect(KubeJSON.compact(doc) == KubeJSON.compact(value), "\(label.debugDescription) → \(yaml.debugDescription)")
        }
        let json = KubeJSON.print(value)
        #expect((try? KubeJSON.parse(json)).map { KubeJSON.compact($0) } == KubeJSON.compact(value), "\(label.debugDescription)")
    }

    @Test func randomFragmentsAndBytes() {
        var random = Xorshift(state: 0x9E37_79B9_7F4A_7C15)
        var decoded = 0
        var failed = 0
        for round in 0..<1500 {
            var bytes: [UInt8] = []
            if round % 3 == 0 {
                for _ in 0..<random.below(200) { bytes.append(UInt8(truncatingIfNeeded: random.next())) }
            } else {
                for _ in 0..<random.below(40) {
                    bytes += Array(Self.fragments[random.below(Self.fragments.count)].utf8)
                }
            }
            let result = KubeYAML.decode(bytes, source: "f")
            let label = String(decoding: bytes, as: UTF8.self)
            if result.error != nil { failed += 1 }
            for doc in result.documents where doc.objectValue != nil || doc.arrayValue != nil {
                decoded += 1
                assertRoundTrips(doc, label)
            }
        }
        // The table exercises both sides.
        #expect(decoded > 20 && failed > 200, "decoded \(decoded), failed \(failed)")
    }

    static let pieces: [String] = [
        "a", "Z", " ", "  ", "\n", "\t", ":", ": ", "#", " #", "-", "- ", "?", "'", "\"", "\\", "{", "[", ",", "&", "*",
        "!", "|", ">", "%", "@", "`", "yes", "No", "on", "null", "~", "1", "0x", "e3", ".", "5", "_", "é", "😀",
        "\u{2028}", "\u{FEFF}", "\r", "\u{1}", String(repeating: "w ", count: 50), "2001-12-14", "12:30",
    ]  // No U+0085: kubectl's own -o yaml folds it to a space (see CodecPrintTests).

    /// Random values through the printers and back: the quoting never changes a value.
    @Test func randomValuesRoundTrip() {
        var random = Xorshift(state: 0x0123_4567_89AB_CDEF)
        func string() -> String {
            (0..<random.below(6)).map { _ in Self.pieces[random.below(Self.pieces.count)] }.joined()
        }
        func value(_ depth: Int) -> JSONValue {
            switch random.below(depth > 3 ? 6 : 9) {
            case 0: return .null
            case 1: return .bool(random.below(2) == 0)
            case 2: return .int(Int(truncatingIfNeeded: random.next()) >> random.below(64))
            case 3: return .double(Double(Int(truncatingIfNeeded: random.next()) >> random.below(64)) / 1000)
            case 4, 5: return .string(string())
            case 6: return .array((0..<random.below(4)).map { _ in value(depth + 1) })
            default:
                var members = JSONObject()
                for _ in 0..<random.below(5) { members[string()] = value(depth + 1) }
                return .object(members)
            }
        }
        for _ in 0..<600 {
            var members = JSONObject()
            for _ in 0..<random.below(6) { members[string()] = value(0) }
            assertRoundTrips(.object(members), "random")
        }
    }

    @Test func deepNestingIsRefusedNotRecursed() {
        let flow = "a: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        #expect(KubeYAML.decode(flow, source: "d").error != nil)
        var block = ""
        for depth in 0..<3000 { block += String(repeating: " ", count: depth) + "k:\n" }
        #expect(KubeYAML.decode(block, source: "d").error != nil)
        let json = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
        #expect(throws: ManifestError.self) { try KubeJSON.parse(json) }
        let deepJSON = String(repeating: "{\"a\":", count: 999) + "1" + String(repeating: "}", count: 999)
        let value = try? KubeJSON.parse(deepJSON)
        #expect(value != nil)
        if let value {
            #expect(KubeJSON.print(value).count > 999)
            #expect(KubeYAML.print(value).count > 999)
        }
        // Aliases nest deeper than the text: refused past the same depth.
        var chain = "a0: &a0 " + String(repeating: "[", count: 900) + "1" + String(repeating: "]", count: 900) + "\n"
        for i in 1..<4 { chain += "a\(i): &a\(i) " + String(repeating: "[", count: 900) + "*a\(i - 1)" + String(repeating: "]", count: 900) + "\n" }
        #expect(KubeYAML.decode(chain, source: "d").error != nil)
        // Within libyaml's limit, nesting decodes.
        let ok = "a: " + String(repeating: "[", count: 900) + String(repeating: "]", count: 900)
        #expect(KubeYAML.decode(ok, source: "d").error == nil)
    }

    @Test func aliasBombsStop() {
        var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let result = KubeYAML.decode(bomb, source: "bomb.yaml")
        #expect(result.error?.message == "error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing")
        let cycle = KubeYAML.decode("a: &a [*a]\n", source: "c.yaml")
        #expect(cycle.error?.message == "error parsing c.yaml: error converting YAML to JSON: yaml: anchor 'a' value contains itself")
    }

    @Test func tenMegabytes() {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n"
        let line = String(repeating: "x", count: 90)
        var n = 0
        while text.utf8.count < 10_000_000 {
            text += "  k\(n): \(line)\n"
            n += 1
        }
        let docs = try? KubeYAML.documents(in: text, source: "big.yaml")
        #expect(docs?.first?["data"]?.objectValue?.count == n)
    }
}

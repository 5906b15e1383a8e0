/// Walks a value the way `yaml.Marshal` walks the `interface{}` that sigs.k8s.io/yaml's
/// `JSONToYAML` builds from an object's JSON: keys in go-yaml's natural order, numbers as
/// they read back from Go's JSON text, strings quoted only when go-yaml v2 would.
struct YAMLPrinter {
    var emitter = YAMLEmitter()

    mutating func document(_ value: JSONValue) {
        node(value, YAMLEmitter.Context())
        emitter.documentEnd()
    }

    mutating func node(_ value: JSONValue, _ context: YAMLEmitter.Context) {
        switch value {
        case .null: plain("null", context)
        case .bool(let b): plain(b ? "true" : "false", context)
        case .int(let i): plain(String(i), context)
        case .double(let d): plain(Self.numberText(d), context)
        case .string(let s): string(s, context)
        case .array(let items):
            guard !items.isEmpty else { return emitter.emptyCollection(open: "[", close: "]") }
            emitter.beginBlockSequence(context)
            for item in items {
                emitter.sequenceItemIndicator()
                node(item, YAMLEmitter.Context())
            }
            emitter.popIndent()
        case .object(let members):
            guard !members.isEmpty else { return emitter.emptyCollection(open: "{", close: "}") }
            emitter.beginBlockMapping()
            for key in members.keys.sorted(by: goYAMLKeyLess) {
                let scalars = Array(key.unicodeScalars)
                // check_simple_key: one line, at most 128 bytes.
                if key.utf8.count <= 128 && !scalars.contains(where: YAMLScalarAnalysis.isBreak) {
                    emitter.mappingKeyStart()
                    string(key, YAMLEmitter.Context(simpleKey: true))
                    emitter.mappingSimpleValueIndicator()
                } else {
                    emitter.complexKeyIndicator()
                    string(key, YAMLEmitter.Context(mappingValue: true))
                    emitter.complexValueIndicator()
                }
                node(members[key] ?? .null, YAMLEmitter.Context(mappingValue: true))
            }
            emitter.popIndent()
        }
    }

    private mutating func plain(_ text: String, _ context: YAMLEmitter.Context) {
        emitter.scalar(Array(text.unicodeScalars), style: .plain, context: context)
    }

    /// go-yaml's `stringv` asks for literal (has a newline), plain (reads back as a string)
    /// or double-quoted; the emitter's `select_scalar_style` then falls back as it must.
    private mutating func string(_ text: String, _ context: YAMLEmitter.Context) {
        let scalars = Self.foldingRawLineBreaks(Array(text.unicodeScalars))
        let s = String(String.UnicodeScalarView(scalars))
        let analysis = YAMLScalarAnalysis(scalars)
        var style: YAMLEmitter.ScalarStyle
        if s.unicodeScalars.contains("\n") {
            style = .literal
        } else if GoYAMLResolve.plain(s) == .string && !GoYAMLResolve.isBase60Float(s) {
            style = .plain
        } else {
            style = .doubleQuoted
        }
        if context.simpleKey && analysis.multiline { style = .doubleQuoted }
        if style == .plain {
            if !analysis.blockPlainAllowed || (scalars.isEmpty && context.simpleKey) { style = .singleQuoted }
        }
        if style == .singleQuoted && !analysis.singleQuotedAllowed { style = .doubleQuoted }
        if style == .literal && (!analysis.blockAllowed || context.simpleKey) { style = .doubleQuoted }
        emitter.scalar(scalars, style: style, context: context)
    }

    /// Go's JSON leaves U+0085 (NEL) unescaped, and go-yaml reads the JSON text as YAML, where
    /// NEL is a line break inside a double-quoted scalar: it folds with the spaces around it.
    static func foldingRawLineBreaks(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard scalars.contains(where: { $0.value == 0x85 }) else { return scalars }
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == " " {
                var j = i
                while j < scalars.count && scalars[j] == " " { j += 1 }
                if j < scalars.count && scalars[j].value == 0x85 {
                    i = j
                } else {
                    out.append(contentsOf: scalars[i..<j])
                    i = j
                }
                continue
            }
            guard c.value == 0x85 else {
                out.append(c)
                i += 1
                continue
            }
            var breaks = 0
            while i < scalars.count && (scalars[i] == " " || scalars[i].value == 0x85) {
                if scalars[i].value == 0x85 { breaks += 1 }
                i += 1
            }
            if breaks == 1 {
                out.append(" ")
            } else {
                out.append(contentsOf: Array(repeating: "\n" as Unicode.Scalar, count: breaks - 1))
            }
        }
        return out
    }

    /// A float as it comes back from Go's JSON text through go-yaml: an int when the text
    /// is whole, else `FormatFloat(f, 'g', -1, 64)`.
    static func numberText(_ d: Double) -> String {
        guard d.isFinite else { return GoFloat.yaml(d) }
        let text = GoFloat.json(d)
        switch GoYAMLResolve.plain(text) {
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        default: return GoFloat.yaml(d)
        }
    }
}

/// go-yaml v2's `keyList.Less` for string keys: letters after other characters, runs of
/// digits compared as numbers (`a9` before `a10`).
func goYAMLKeyLess(_ a: String, _ b: String) -> Bool {
    let ar = Array(a.unicodeScalars)
    let br = Array(b.unicodeScalars)
    var i = 0
    while i < ar.count && i < br.count {
        if ar[i] == br[i] {
            i += 1
            continue
        }
        let al = isGoLetter(ar[i])
        let bl = isGoLetter(br[i])
        if al && bl { return ar[i].value < br[i].value }
        if al || bl { return bl }
        var an: Int64 = 0
        var bn: Int64 = 0
        if ar[i] == "0" || br[i] == "0" {
            var j = i - 1
            while j >= 0 && isGoDigit(ar[j]) {
                if ar[j] != "0" {
                    an = 1
                    bn = 1
                    break
                }
                j -= 1
            }
        }
        var ai = i
        while ai < ar.count && isGoDigit(ar[ai]) {
            an = an &* 10 &+ Int64(ar[ai].value) &- 48
            ai += 1
        }
        var bi = i
        while bi < br.count && isGoDigit(br[bi]) {
            bn = bn &* 10 &+ Int64(br[bi].value) &- 48
            bi += 1
        }
        if an != bn { return an < bn }
        if ai != bi { return ai < bi }
        return ar[i].value < br[i].value
    }
    return ar.count < br.count
}

/// Go's `unicode.IsLetter`: general category L.
private func isGoLetter(_ c: Unicode.Scalar) -> Bool {
    switch c.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
    default: false
    }
}

/// Go's `unicode.IsDigit`: general category Nd.
private func isGoDigit(_ c: Unicode.Scalar) -> Bool {
    c.properties.generalCategory == .decimalNumber
}

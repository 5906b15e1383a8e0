/// The part of go-yaml v2's emitter (a port of libyaml's) that `yaml.Marshal` of a JSON-like
/// map uses: block mappings and sequences, `{}`/`[]` when empty, and its four scalar
/// writers with their 80-column folding. Field names follow `yaml_emitter_t`.
struct YAMLEmitter {
    enum ScalarStyle { case plain, singleQuoted, doubleQuoted, literal }

    private(set) var out = ""
    private var column = 0
    private var indent = -1
    private var indents: [Int] = []
    private var whitespace = true
    private var indention = true
    private let bestIndent = 2
    private let bestWidth = 80

    // MARK: Structure

    /// Where a node sits, as the emitter's `*_context` flags.
    struct Context {
        var mappingValue = false
        var simpleKey = false
    }

    mutating func increaseIndent(flow: Bool, indentless: Bool) {
        indents.append(indent)
        if indent < 0 {
            indent = flow ? bestIndent : 0
        } else if !indentless {
            indent += bestIndent
        }
    }

    mutating func popIndent() { indent = indents.popLast() ?? -1 }

    /// `yaml_emitter_emit_block_sequence_item` for the first item; indentless under a key.
    mutating func beginBlockSequence(_ context: Context) {
        increaseIndent(flow: false, indentless: context.mappingValue && !indention)
    }

    mutating func sequenceItemIndicator() {
        writeIndent()
        writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
    }

    mutating func beginBlockMapping() { increaseIndent(flow: false, indentless: false) }

    /// Before a simple key.
    mutating func mappingKeyStart() { writeIndent() }

    /// After a simple key.
    mutating func mappingSimpleValueIndicator() {
        writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    /// Before a key too long or multi-line for the simple form: `? key` then `: value`.
    mutating func complexKeyIndicator() {
        writeIndent()
        writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
    }

    mutating func complexValueIndicator() {
        writeIndent()
        writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
    }

    /// An empty collection in flow form: `{}` or `[]`.
    mutating func emptyCollection(open: String, close: String) {
        writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
        increaseIndent(flow: true, indentless: false)
        popIndent()
        writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    /// `yaml_emitter_emit_document_end` for an implicit end.
    mutating func documentEnd() {
        writeIndent()
    }

    // MARK: Scalars

    mutating func scalar(_ value: [Unicode.Scalar], style: ScalarStyle, context: Context) {
        increaseIndent(flow: true, indentless: false)
        switch style {
        case .plain: writePlain(value, allowBreaks: !context.simpleKey)
        case .singleQuoted: writeSingleQuoted(value, allowBreaks: !context.simpleKey)
        case .doubleQuoted: writeDoubleQuoted(value, allowBreaks: !context.simpleKey)
        case .literal: writeLiteral(value)
        }
        popIndent()
    }

    private mutating func put(_ c: Unicode.Scalar) {
        out.unicodeScalars.append(c)
        column += 1
    }

    private mutating func putBreak() {
        out += "\n"
        column = 0
        indention = true
    }

    /// `write_break`: a `\n` is written as the line break, other breaks as themselves.
    private mutating func writeBreak(_ c: Unicode.Scalar) {
        if c == "\n" {
            putBreak()
        } else {
            out.unicodeScalars.append(c)
            column = 0
            indention = true
        }
    }

    private mutating func writeIndent() {
        let target = max(indent, 0)
        if !indention || column > target || (column == target && !whitespace) {
            putBreak()
        }
        while column < target { put(" ") }
        whitespace = true
        indention = true
    }

    private mutating func writeIndicator(_ text: String, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace { put(" ") }
        for c in text.unicodeScalars { put(c) }
        whitespace = isWhitespace
        indention = indention && isIndention
    }

    private mutating func writePlain(_ value: [Unicode.Scalar], allowBreaks: Bool) {
        if !whitespace { put(" ") }
        var spaces = false
        var breaks = false
        for (i, c) in value.enumerated() {
            if c == " " {
                let nextIsSpace = i + 1 < value.count && value[i + 1] == " "
                if allowBreaks && !spaces && column > bestWidth && !nextIsSpace {
                    writeIndent()
                } else {
                    put(c)
                }
                spaces = true
            } else if YAMLScalarAnalysis.isBreak(c) {
                if !breaks && c == "\n" { putBreak() }
                writeBreak(c)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                put(c)
                indention = false
                spaces = false
                breaks = false
            }
        }
        whitespace = false
        indention = false
    }

    private mutating func writeSingleQuoted(_ value: [Unicode.Scalar], allowBreaks: Bool) {
        writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
        var spaces = false
        var breaks = false
        for (i, c) in value.enumerated() {
            if c == " " {
                let nextIsSpace = i + 1 < value.count && value[i + 1] == " "
                if allowBreaks && !spaces && column > bestWidth && i != 0 && i != value.count - 1 && !nextIsSpace {
                    writeIndent()
                } else {
                    put(c)
                }
                spaces = true
            } else if YAMLScalarAnalysis.isBreak(c) {
                if !breaks && c == "\n" { putBreak() }
                writeBreak(c)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                if c == "'" { put("'") }
                put(c)
                indention = false
                spaces = false
                breaks = false
            }
        }
        writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private mutating func writeDoubleQuoted(_ value: [Unicode.Scalar], allowBreaks: Bool) {
        writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
        var spaces = false
        // go-yaml's is_bom looks at the value's first bytes, not the current ones: after a
        // leading BOM every character is escaped.
        let startsWithBOM = value.first?.value == 0xFEFF
        for (i, c) in value.enumerated() {
            if !YAMLScalarAnalysis.isPrintable(c) || startsWithBOM || YAMLScalarAnalysis.isBreak(c)
                || c == "\"" || c == "\\"
            {
                put("\\")
                switch c.value {
                case 0x00: put("0")
                case 0x07: put("a")
                case 0x08: put("b")
                case 0x09: put("t")
                case 0x0A: put("n")
                case 0x0B: put("v")
                case 0x0C: put("f")
                case 0x0D: put("r")
                case 0x1B: put("e")
                case 0x22: put("\"")
                case 0x5C: put("\\")
                case 0x85: put("N")
                case 0xA0: put("_")
                case 0x2028: put("L")
                case 0x2029: put("P")
                default:
                    let width: Int
                    if c.value <= 0xFF {
                        put("x"); width = 2
                    } else if c.value <= 0xFFFF {
                        put("u"); width = 4
                    } else {
                        put("U"); width = 8
                    }
                    for k in stride(from: (width - 1) * 4, through: 0, by: -4) {
                        let digit = (c.value >> UInt32(k)) & 0xF
                        put(Unicode.Scalar(UInt8(digit < 10 ? 48 + digit : 55 + digit)))
                    }
                }
                spaces = false
            } else if c == " " {
                if allowBreaks && !spaces && column > bestWidth && i > 0 && i < value.count - 1 {
                    writeIndent()
                    if i + 1 < value.count && value[i + 1] == " " { put("\\") }
                } else {
                    put(c)
                }
                spaces = true
            } else {
                put(c)
                spaces = false
            }
        }
        writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private mutating func writeLiteral(_ value: [Unicode.Scalar]) {
        writeIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false)
        if let first = value.first, first == " " || YAMLScalarAnalysis.isBreak(first) {
            writeIndicator(String(bestIndent), needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        if let last = value.last {
            if !YAMLScalarAnalysis.isBreak(last) {
                writeIndicator("-", needWhitespace: false, isWhitespace: false, isIndention: false)
            } else if value.count == 1 || YAMLScalarAnalysis.isBreak(value[value.count - 2]) {
                writeIndicator("+", needWhitespace: false, isWhitespace: false, isIndention: false)
            }
        } else {
            writeIndicator("-", needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        putBreak()
        indention = true
        whitespace = true
        var breaks = true
        for c in value {
            if YAMLScalarAnalysis.isBreak(c) {
                writeBreak(c)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                put(c)
                indention = false
                breaks = false
            }
        }
    }
}

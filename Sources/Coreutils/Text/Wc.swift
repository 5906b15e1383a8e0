import CommandKit
import NodeFS

/// `wc [OPTION]... [FILE]...` — newline, word, character and byte counts, in GNU's columns.
let wcCommand = Command("wc") { inv in
    let specs = [
        OptionSpec("c", "bytes"), OptionSpec("m", "chars"), OptionSpec("l", "lines"),
        OptionSpec("w", "words"), OptionSpec("L", "max-line-length"),
        OptionSpec(nil, "files0-from", argument: .required), OptionSpec(nil, "total", argument: .required),
    ] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "wc [OPTION]... [FILE]...",
                                  summary: "Print newline, word, and byte counts for each FILE.") { return 0 }
    var columns = WcColumns(lines: options.has("lines"), words: options.has("words"), chars: options.has("chars"),
                            bytes: options.has("bytes"), maxLength: options.has("max-line-length"))
    if !(columns.lines || columns.words || columns.chars || columns.bytes || columns.maxLength) {
        columns.lines = true
        columns.words = true
        columns.bytes = true
    }
    let operands = options.operands
    var input = TextInput()
    var results: [(counts: WcCounts?, name: String?)] = []
    var status: Int32 = 0
    // GNU sizes the columns from the regular files' sizes; anything else needs 7.
    var regularTotal = 0
    var minimumWidth = 1
    for operand in operands.isEmpty ? ["-"] : operands {
        let name: String? = operands.isEmpty ? nil : operand
        if operand == "-" {
            minimumWidth = 7
        } else if let info = try? inv.fileSystem.info(inv.resolvedPath(operand)) {
            if info.isRegular { regularTotal += info.size } else { minimumWidth = 7 }
        }
        switch input.read(operand, inv) {
        case .success(let bytes):
            results.append((WcCounts(bytes), name))
        case .failure(let error):
            inv.error("\(Quoting.ifNeeded(operand)): \(error.message)")
            status = 1
            results.append((error == .isADirectory ? WcCounts([]) : nil, name))
        }
    }
    var width = max(String(regularTotal).count, minimumWidth)
    if results.count == 1 && columns.count == 1 { width = 1 }
    var total = WcCounts([])
    for (counts, name) in results {
        guard let counts else { continue }
        total.add(counts)
        inv.stdout.line(columns.format(counts, width: width, name: name))
    }
    if results.count > 1 {
        inv.stdout.line(columns.format(total, width: width, name: "total"))
    }
    return status
}

/// Which counts wc prints.
private struct WcColumns {
    var lines, words, chars, bytes, maxLength: Bool

    var count: Int { [lines, words, chars, bytes, maxLength].filter { $0 }.count }

    func format(_ counts: WcCounts, width: Int, name: String?) -> String {
        var fields: [Int] = []
        if lines { fields.append(counts.lines) }
        if words { fields.append(counts.words) }
        if chars { fields.append(counts.chars) }
        if bytes { fields.append(counts.bytes) }
        if maxLength { fields.append(counts.maxLength) }
        var text = fields.map { value in
            let digits = String(value)
            return String(repeating: " ", count: max(0, width - digits.count)) + digits
        }.joined(separator: " ")
        if let name { text += " " + name }
        return text
    }
}

/// The counts for one input.
private struct WcCounts {
    var lines = 0, words = 0, chars = 0, bytes = 0, maxLength = 0

    init(_ data: [UInt8]) {
        bytes = data.count
        var inWord = false
        var lineWidth = 0
        var iterator = data.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .emptyInput: break loop
            case .error: inWord = true
            case .scalarValue(let scalar):
                chars += 1
                switch scalar {
                case "\n":
                    lines += 1
                    maxLength = max(maxLength, lineWidth)
                    lineWidth = 0
                    inWord = false
                case "\t":
                    lineWidth += 8 - lineWidth % 8
                    inWord = false
                case " ", "\u{0B}", "\u{0C}", "\r":
                    if scalar == " " { lineWidth += 1 }
                    inWord = false
                default:
                    if !inWord { words += 1 }
                    inWord = true
                    lineWidth += scalar.value < 0x20 || scalar.value == 0x7F ? 0 : DisplayWidth.of(scalar)
                }
            }
        }
        maxLength = max(maxLength, lineWidth)
    }

    mutating func add(_ other: WcCounts) {
        lines += other.lines
        words += other.words
        chars += other.chars
        bytes += other.bytes
        maxLength = max(maxLength, other.maxLength)
    }
}

import CommandKit

/// Searches one input after another, writing grep's output; carries what must survive from
/// one file to the next (whether anything was printed, for `--` separators).
struct GrepSearch {
    let config: GrepConfig
    let matcher: GrepMatcher
    let out: OutputSink
    let err: OutputSink
    private var anythingPrinted = false

    init(config: GrepConfig, matcher: GrepMatcher, out: OutputSink, err: OutputSink) {
        self.config = config
        self.matcher = matcher
        self.out = out
        self.err = err
    }

    /// Searches `bytes`; `name` is what prefixes lines (nil: no prefix). Returns the number of
    /// selected lines.
    mutating func search(_ bytes: [UInt8], displayName: String, showName: Bool) -> Int {
        let binary = !config.binaryAsText && bytes.contains(0)
        if binary && config.skipBinary { return 0 }
        let lines = Lines(bytes).lines
        var selectedCount = 0
        var lastPrinted = -1
        var pendingAfter = 0
        var offsets: [Int] = []
        if config.byteOffset {
            var offset = 0
            for line in lines {
                offsets.append(offset)
                offset += line.count + 1
            }
        }
        let printsLines = !config.quiet && !config.count && !config.listMatching && !config.listNonMatching
        var index = 0
        while index < lines.count {
            let line = Array(lines[index])
            if let limit = config.maxCount, selectedCount >= limit {
                // After -m's last match, grep still prints its trailing context.
                guard printsLines, pendingAfter > 0 else { break }
                printLine(line, index: index, offset: offsets.count > index ? offsets[index] : 0,
                          separator: "-", name: showName ? displayName : nil)
                pendingAfter -= 1
                index += 1
                continue
            }
            let selected = matcher.matches(line) != config.invert
            if selected {
                selectedCount += 1
                if config.quiet || config.listMatching || config.listNonMatching { break }
                if printsLines {
                    if binary || (!config.binaryAsText && !isValidUTF8(line)) {
                        err.line("grep: \(displayName): binary file matches")
                        break
                    }
                    let start = max(index - config.before, lastPrinted + 1)
                    if config.hasContext, anythingPrinted, lastPrinted == -1 || start > lastPrinted + 1 {
                        out.write(config.color ? "\u{1B}[36m\u{1B}[K--\u{1B}[m\u{1B}[K\n" : "--\n")
                    }
                    if config.hasContext {
                        for contextIndex in start..<index {
                            printLine(Array(lines[contextIndex]), index: contextIndex,
                                      offset: offsets.count > contextIndex ? offsets[contextIndex] : 0,
                                      separator: "-", name: showName ? displayName : nil)
                        }
                    }
                    printLine(line, index: index, offset: offsets.count > index ? offsets[index] : 0,
                              separator: ":", name: showName ? displayName : nil)
                    lastPrinted = index
                    pendingAfter = config.hasContext ? config.after : 0
                    anythingPrinted = true
                }
            } else if printsLines && pendingAfter > 0 {
                printLine(line, index: index, offset: offsets.count > index ? offsets[index] : 0,
                          separator: "-", name: showName ? displayName : nil)
                lastPrinted = index
                pendingAfter -= 1
            }
            index += 1
        }
        if config.quiet { return selectedCount }
        if config.count {
            if showName { writeName(displayName, separator: ":") }
            out.write("\(selectedCount)\n")
        }
        if (config.listMatching && selectedCount > 0) || (config.listNonMatching && selectedCount == 0) {
            writeName(displayName, separator: nil)
            out.write(config.nullAfterName ? [0] : [0x0A])
        }
        return selectedCount
    }

    private func printLine(_ line: [UInt8], index: Int, offset: Int, separator: Character, name: String?) {
        let isMatchingLine = (separator == ":") != config.invert
        if config.onlyMatching {
            guard separator == ":", !config.invert else { return }
            var position = 0
            while position <= line.count, let span = matcher.firstMatch(in: line, from: position) {
                if span.isEmpty {
                    position = span.upperBound + 1
                    continue
                }
                writePrefix(name: name, index: index, offset: offset + span.lowerBound, separator: separator)
                writeMatch(Array(line[span]))
                out.write([0x0A])
                position = span.upperBound
            }
            return
        }
        writePrefix(name: name, index: index, offset: offset, separator: separator)
        if config.color && isMatchingLine {
            var position = 0
            var written = 0
            while position <= line.count, let span = matcher.firstMatch(in: line, from: position) {
                if span.isEmpty {
                    position = span.upperBound + 1
                    continue
                }
                out.write(Array(line[written..<span.lowerBound]))
                writeMatch(Array(line[span]))
                written = span.upperBound
                position = span.upperBound
            }
            out.write(Array(line[written...]))
        } else {
            out.write(line)
        }
        out.write([0x0A])
    }

    private func writeMatch(_ bytes: [UInt8]) {
        if config.color {
            out.write("\u{1B}[01;31m\u{1B}[K")
            out.write(bytes)
            out.write("\u{1B}[m\u{1B}[K")
        } else {
            out.write(bytes)
        }
    }

    private func writePrefix(name: String?, index: Int, offset: Int, separator: Character) {
        if let name { writeName(name, separator: separator) }
        if config.lineNumber {
            writeField(String(index + 1), color: "32", separator: separator)
        }
        if config.byteOffset {
            writeField(String(offset), color: "32", separator: separator)
        }
        if config.initialTab && (name != nil || config.lineNumber || config.byteOffset) { out.write("\t") }
    }

    private func writeName(_ name: String, separator: Character?) {
        out.write(config.color ? "\u{1B}[35m\u{1B}[K\(name)\u{1B}[m\u{1B}[K" : name)
        if config.nullAfterName {
            if separator != nil { out.write([0]) }
        } else if let separator {
            writeSeparator(separator)
        }
    }

    private func writeField(_ text: String, color: String, separator: Character) {
        out.write(config.color ? "\u{1B}[\(color)m\u{1B}[K\(text)\u{1B}[m\u{1B}[K" : text)
        writeSeparator(separator)
    }

    private func writeSeparator(_ separator: Character) {
        out.write(config.color ? "\u{1B}[36m\u{1B}[K\(separator)\u{1B}[m\u{1B}[K" : String(separator))
    }

    private func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

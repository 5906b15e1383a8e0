/// Go's text/tabwriter as kubectl uses it (liggitt/tabwriter with RememberWidths): cells end
/// at tabs, a column is as wide as its widest cell plus padding (at least `minWidth`), the
/// last cell of a line is never padded, and a line without tabs ends the block.
public final class TabWriter {
    public let minWidth: Int
    public let padding: Int
    /// Keep column widths from one flush to the next (kubectl get --watch never shrinks columns).
    public let remembersWidths: Bool

    private var lines: [[String]] = [[]]
    private var cell = ""
    private var widths: [Int] = []
    private var rememberedWidths: [Int] = []
    private var output: [UInt8] = []

    /// `kubectl get`'s table writer: minwidth 6, padding 3, RememberWidths.
    public static func forGet() -> TabWriter { TabWriter(minWidth: 6, padding: 3, remembersWidths: true) }
    /// `kubectl describe`'s: minwidth 0, padding 2.
    public static func forDescribe() -> TabWriter { TabWriter(minWidth: 0, padding: 2, remembersWidths: false) }

    public init(minWidth: Int, padding: Int, remembersWidths: Bool = false) {
        self.minWidth = minWidth
        self.padding = padding
        self.remembersWidths = remembersWidths
    }

    /// Adds text; formatting happens at flush, or when a line without cells closes a block.
    public func write(_ text: String) {
        for character in text {
            switch character {
            case "\t":
                lines[lines.count - 1].append(cell)
                cell = ""
            case "\n":
                lines[lines.count - 1].append(cell)
                cell = ""
                let cellCount = lines[lines.count - 1].count
                lines.append([])
                // A line of one cell cannot affect later lines: format what we have.
                if cellCount == 1 { flushLines() }
            default:
                cell.append(character)
            }
        }
    }

    /// Formats what is buffered and returns everything written so far, as bytes.
    public func flush() -> [UInt8] {
        if !cell.isEmpty {
            lines[lines.count - 1].append(cell)
            cell = ""
        }
        flushLines()
        defer { output.removeAll() }
        return output
    }

    /// `flush()` as text.
    public func flushText() -> String { String(decoding: flush(), as: UTF8.self) }

    /// Formats `rows` of cells in one go (the common case).
    public static func format(_ rows: [[String]], minWidth: Int = 6, padding: Int = 3) -> String {
        let writer = TabWriter(minWidth: minWidth, padding: padding)
        for row in rows { writer.write(row.joined(separator: "\t") + "\n") }
        return writer.flushText()
    }

    private func flushLines() {
        // The open line (no newline yet) is written last, without a line end.
        var all = lines
        let openLine = all.removeLast()
        let hasOpenLine = !openLine.isEmpty
        if hasOpenLine { all.append(openLine) }
        formatBlock(0, all.count, all, openLineIndex: hasOpenLine ? all.count - 1 : nil)
        lines = [[]]
        widths = []
    }

    /// Go's Writer.format: widths of the column at depth `widths.count` per block of lines.
    private func formatBlock(_ start: Int, _ end: Int, _ all: [[String]], openLineIndex: Int?) {
        var line0 = start
        let column = widths.count
        var this = start
        while this < end {
            if column >= all[this].count - 1 {
                this += 1
                continue
            }
            writeLines(line0, this, all, openLineIndex: openLineIndex)
            line0 = this
            var width = minWidth
            while this < end, column < all[this].count - 1 {
                width = max(width, all[this][column].unicodeScalars.count + padding)
                this += 1
            }
            if remembersWidths {
                if column < rememberedWidths.count {
                    width = max(width, rememberedWidths[column])
                    rememberedWidths[column] = width
                } else {
                    rememberedWidths.append(contentsOf: repeatElement(0, count: column - rememberedWidths.count))
                    rememberedWidths.append(width)
                }
            }
            widths.append(width)
            formatBlock(line0, this, all, openLineIndex: openLineIndex)
            widths.removeLast()
            line0 = this
        }
        writeLines(line0, end, all, openLineIndex: openLineIndex)
    }

    /// Go's Writer.writeLines: each cell, padded to its column's width when it has one.
    private func writeLines(_ from: Int, _ to: Int, _ all: [[String]], openLineIndex: Int?) {
        guard from < to else { return }
        for index in from..<to {
            for (j, text) in all[index].enumerated() {
                output.append(contentsOf: text.utf8)
                if j < widths.count {
                    let pad = max(0, widths[j] - text.unicodeScalars.count)
                    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: pad))
                }
            }
            if index != openLineIndex { output.append(UInt8(ascii: "\n")) }
        }
    }
}

extension LsRun {
    /// `-C` (down, then across) and `-x` (across, then down) as GNU fits them to the width.
    mutating func printColumns(_ entries: [LsEntry]) {
        let padding = alignmentPadding(entries)
        let cells: [(text: String, width: Int)] = entries.map { entry in
            let name = renderName(entry)
            let lead = needsPadding(entry, padding) ? " " : ""
            let prefixText = prefix(entry, entries)
            return (prefixText + lead + name.text, prefixText.count + lead.count + name.width)
        }
        let count = cells.count
        let byColumns = options.format == .columns
        let minimumWidth = 3
        let maxColumns = max(1, min(options.width / minimumWidth, count))
        var chosen: [Int] = [cells.map(\.width).max() ?? 0]
        var chosenColumns = 1
        if maxColumns > 1 {
            for columns in stride(from: maxColumns, to: 1, by: -1) {
                let rows = (count + columns - 1) / columns
                var widths = [Int](repeating: minimumWidth, count: columns)
                var lineLength = columns * minimumWidth
                var valid = true
                for (index, cell) in cells.enumerated() {
                    let column = byColumns ? index / rows : index % columns
                    guard column < columns else { valid = false; break }
                    let real = cell.width + (column == columns - 1 ? 0 : 2)
                    if widths[column] < real {
                        lineLength += real - widths[column]
                        widths[column] = real
                        if lineLength >= options.width { valid = false; break }
                    }
                }
                if valid {
                    chosen = widths
                    chosenColumns = columns
                    break
                }
            }
        }
        let rows = (count + chosenColumns - 1) / chosenColumns
        var out = ""
        for row in 0..<rows {
            var position = 0
            var column = 0
            var index = byColumns ? row : row * chosenColumns
            while index < count {
                let cell = cells[index]
                out += cell.text
                let columnWidth = column < chosen.count ? chosen[column] : cell.width
                column += 1
                index += byColumns ? rows : 1
                if index >= count || (!byColumns && column >= chosenColumns) { break }
                out += indent(from: position + cell.width, to: position + columnWidth)
                position += columnWidth
            }
            out += "\n"
        }
        emit(out)
    }

    /// Spaces and tabs from one column to another, as ls's `indent` does.
    func indent(from start: Int, to end: Int) -> String {
        var out = ""
        var from = start
        let tab = options.tabSize
        while from < end {
            if tab != 0 && end / tab > (from + 1) / tab {
                out += "\t"
                from += tab - from % tab
            } else {
                out += " "
                from += 1
            }
        }
        return out
    }
}

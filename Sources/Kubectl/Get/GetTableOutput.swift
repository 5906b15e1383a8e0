import KubeModel

/// kubectl's human-readable printing of server-side tables: one table per run of objects of
/// one type (a blank line between tables), decorated with NAMESPACE, `kind/` prefixes,
/// label columns and LABELS (cli-runtime printers/tableprinter.go, kubectl get.go).
struct GetTableOutput {
    let now: Int64
    let wide: Bool
    let allNamespaces: Bool
    let withKind: Bool
    let labelColumns: [String]
    let showLabels: Bool
    let noHeaders: Bool

    /// Everything printed, as bytes.
    /// The header row for `type`, for `--watch`.
    func headerRow(_ type: ResourceType) -> [String] { headers(type) }

    /// The rows of `objects` without headers, for `--watch` lines.
    func rows(of type: ResourceType, _ objects: [KubeObject]) -> [[String]] {
        rows(GetFetch.Section(type: type, objects: objects))
    }

    func render(_ sections: [GetFetch.Section]) -> [UInt8] {
        var out: [UInt8] = []
        for section in sections {
            var rows = self.rows(section)
            if rows.isEmpty { continue }
            if !noHeaders {
                if !out.isEmpty { out.append(10) }
                rows.insert(headers(section.type), at: 0)
            }
            Self.align(rows, into: &out)
        }
        return out
    }

    private func headers(_ type: ResourceType) -> [String] {
        var headers = KindPrinter.forType(type).headers(wide: wide)
        if allNamespaces, type.namespaced { headers.insert("NAMESPACE", at: 0) }
        headers += labelColumns.map { String($0.split(separator: "/", omittingEmptySubsequences: false).last ?? "").uppercased() }
        if showLabels { headers.append("LABELS") }
        return headers
    }

    private func rows(_ section: GetFetch.Section) -> [[String]] {
        let printer = KindPrinter.forType(section.type)
        let context = RowContext(now: now, wide: wide)
        let namespaceColumn = allNamespaces && section.type.namespaced
        let prefix = withKind ? section.type.kubectlName + "/" : nil
        let nameColumn = printer.columns.firstIndex { $0.name == "Name" } ?? 0
        var rows: [[String]] = []
        rows.reserveCapacity(section.objects.count + 1)
        for object in section.objects {
            var cells = printer.row(object, context)
            if let prefix, nameColumn < cells.count, printer.columns[nameColumn].priority == 0 || wide {
                let index = wide ? nameColumn : printer.columns[..<nameColumn].filter { $0.priority == 0 }.count
                if index < cells.count { cells[index] = prefix + cells[index] }
            }
            if namespaceColumn { cells.insert(object.namespace, at: 0) }
            if !labelColumns.isEmpty || showLabels {
                let labels = object.labels
                for key in labelColumns { cells.append(labels[key] ?? "") }
                if showLabels { cells.append(Cells.labels(labels)) }
            }
            rows.append(cells)
        }
        return rows
    }

    /// The tab writer's layout for a uniform table (minwidth 6, padding 3, last cell unpadded);
    /// a cell's text stops at its first newline, followed by `...`.
    static func align(_ rows: [[String]], into out: inout [UInt8]) {
        var widths: [Int] = []
        align(rows, widths: &widths, into: &out)
    }

    /// Aligns `rows` with columns at least as wide as `widths`, and widens `widths` to fit them:
    /// `get --watch` prints row by row through a tab writer that remembers widths across flushes.
    static func align(_ rows: [[String]], widths: inout [Int], into out: inout [UInt8]) {
        let rows = rows.map { row in row.map(Self.truncated) }
        for row in rows {
            for (index, cell) in row.dropLast().enumerated() {
                let width = max(6, cell.unicodeScalars.count + 3)
                if index < widths.count { widths[index] = max(widths[index], width) } else { widths.append(width) }
            }
        }
        if rows.contains(where: { $0.contains { $0.utf8.contains(9) } }) {
            // Tabs inside cells make new columns: let the real tab writer lay them out.
            out += Array(TabWriter.format(rows).utf8)
            return
        }
        for row in rows {
            for (index, cell) in row.enumerated() {
                out.append(contentsOf: cell.utf8)
                if index < row.count - 1 {
                    let pad = widths[index] - cell.unicodeScalars.count
                    if pad > 0 { out.append(contentsOf: repeatElement(32, count: pad)) }
                }
            }
            out.append(10)
        }
    }

    private static func truncated(_ cell: String) -> String {
        guard cell.utf8.contains(10), let newline = cell.firstIndex(of: "\n") else { return cell }
        return String(cell[..<newline]) + "..."
    }
}

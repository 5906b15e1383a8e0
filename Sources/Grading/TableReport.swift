/// The terminal view: one row per submission with each check's points and the score, a
/// totals line, then what each learner missed (feedback and what was found).
///
///     LEARNER  SCORE  daemonset-exists  busybox-image  …  FILE
///     alice    10/10  2                 1                 subs/alice.sh
public enum TableReport {
    public static func render(_ report: GradeReport) -> String {
        guard !report.rows.isEmpty else { return "No submissions.\n" }
        let checks = report.checkNames
        var table: [[String]] = [["LEARNER", "SCORE"] + checks + ["FILE"]]
        for row in report.rows {
            var cells = [row.learner, row.errorMessage == nil ? "\(row.score)/\(report.maximum(row))" : "error"]
            for name in checks {
                if let result = row.grade?.results.first(where: { $0.name == name }) {
                    cells.append("\(result.earned)/\(result.points)")
                } else {
                    cells.append("-")
                }
            }
            cells.append(row.file)
            table.append(cells)
        }
        var out = align(table)
        out += totals(report)
        let notes = feedback(report)
        if !notes.isEmpty { out += "\n" + notes }
        return out
    }

    /// `4 submissions: 3 graded, 1 error; mean 4.3/10, 1 full marks`.
    static func totals(_ report: GradeReport) -> String {
        let graded = report.rows.filter { $0.errorMessage == nil }
        let errors = report.rows.count - graded.count
        var line = "\(report.rows.count) submission\(report.rows.count == 1 ? "" : "s"): \(graded.count) graded, "
            + "\(errors) error\(errors == 1 ? "" : "s")"
        let maxima = Set(report.rows.map { report.maximum($0) })
        if let maximum = maxima.first, maxima.count == 1, !report.rows.isEmpty {
            // Error rows count as zero, as in the gradebook.
            let mean = Double(report.rows.reduce(0) { $0 + $1.score }) / Double(report.rows.count)
            let full = graded.filter { $0.score == maximum && maximum > 0 }.count
            line += "; mean \(format(mean))/\(maximum), \(full) full marks"
        }
        return line + "\n"
    }

    /// What each learner missed, learner by learner (nothing for full marks).
    static func feedback(_ report: GradeReport) -> String {
        var out = ""
        for row in report.rows {
            if let message = row.errorMessage {
                out += "\(row.learner) (\(row.file)): error: \(message)\n"
                continue
            }
            guard let grade = row.grade, !grade.failed.isEmpty else { continue }
            out += "\(row.learner) (\(row.file)): \(grade.earned)/\(grade.total)\n"
            for result in grade.failed {
                out += "  ✗ \(result.name) 0/\(result.points): \(result.failureText)\n"
            }
        }
        return out
    }

    /// Left-aligned columns two spaces apart; the last column is not padded.
    static func align(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

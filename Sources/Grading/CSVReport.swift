/// A gradebook import: one row per submission, one column per check (points earned).
///
///     learner,file,exercise,score,max,daemonset-exists,…,error
public enum CSVReport {
    public static func render(_ report: GradeReport) -> String {
        let checks = report.checkNames
        var lines = [(["learner", "file", "exercise", "score", "max"] + checks + ["error"]).map(field).joined(separator: ",")]
        for row in report.rows {
            var cells = [row.learner, row.file, row.exercise, String(row.score), String(report.maximum(row))]
            for name in checks {
                if let result = row.grade?.results.first(where: { $0.name == name }) {
                    cells.append(String(result.earned))
                } else {
                    cells.append(row.errorMessage != nil && report.rubrics[row.exercise]?.checks.contains { $0.name == name } == true ? "0" : "")
                }
            }
            cells.append(row.errorMessage ?? "")
            lines.append(cells.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. A cell
    /// that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`.
    static func field(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first), Int(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// JUnit XML for CI: a testsuite per submission, a testcase per check; a failed check is a
/// `<failure>` whose message is the feedback and whose text is what was found; a submission
/// that could not be graded is one testcase with an `<error>`.
public enum JUnitReport {
    public static func render(_ report: GradeReport) -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        let checks = report.rows.reduce(0) { $0 + max(1, $1.grade?.results.count ?? 1) }
        let failures = report.rows.reduce(0) { $0 + ($1.grade?.failed.count ?? 0) }
        let errors = report.rows.filter { $0.errorMessage != nil }.count
        lines.append("<testsuites name=\"ckalab grade\" tests=\"\(checks)\" failures=\"\(failures)\" errors=\"\(errors)\">")
        for row in report.rows {
            let name = escape(row.learner)
            let className = escape("\(row.exercise.isEmpty ? "submission" : row.exercise).\(row.learner)")
            let properties = "    <properties>\n"
                + "      <property name=\"file\" value=\"\(escape(row.file))\"/>\n"
                + "      <property name=\"score\" value=\"\(row.score)/\(report.maximum(row))\"/>\n"
                + "    </properties>"
            if let message = row.errorMessage {
                lines.append("  <testsuite name=\"\(name)\" tests=\"1\" failures=\"0\" errors=\"1\">")
                lines.append(properties)
                lines.append("    <testcase name=\"grade\" classname=\"\(className)\">")
                lines.append("      <error message=\"\(escape(message))\"/>")
                lines.append("    </testcase>")
                lines.append("  </testsuite>")
                continue
            }
            let results = row.grade?.results ?? []
            lines.append("  <testsuite name=\"\(name)\" tests=\"\(results.count)\" failures=\"\(results.filter { !$0.passed }.count)\" errors=\"0\">")
            lines.append(properties)
            for result in results {
                let open = "    <testcase name=\"\(escape(result.name))\" classname=\"\(className)\""
                if result.passed {
                    lines.append(open + "/>")
                } else {
                    lines.append(open + ">")
                    lines.append("      <failure message=\"\(escape(result.failureText))\">\(escape(result.outcome.detail))</failure>")
                    lines.append("    </testcase>")
                }
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// XML text and attribute escaping; characters XML 1.0 cannot hold at all become U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

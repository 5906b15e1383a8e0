import Course

/// The formats `ckalab grade --format` writes.
public enum ReportFormat: String, CaseIterable, Sendable {
    case table, csv, json, junit, gradescope

    public func render(_ report: GradeReport) -> String {
        switch self {
        case .table: return TableReport.render(report)
        case .csv: return CSVReport.render(report)
        case .json: return JSONReport.render(report)
        case .junit: return JUnitReport.render(report)
        case .gradescope: return GradescopeReport.render(report)
        }
    }
}

extension CheckResult {
    /// What a learner reads for a failed check: the feedback, then what was found.
    var failureText: String {
        outcome.detail.isEmpty ? feedback : feedback + " (" + outcome.detail + ")"
    }
}

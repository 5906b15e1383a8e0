import KubeModel

/// The whole report as JSON: every submission with its checks, then a summary.
public enum JSONReport {
    public static func render(_ report: GradeReport) -> String {
        let submissions: [JSONValue] = report.rows.map { row in
            var object: JSONObject = [
                "learner": .string(row.learner), "file": .string(row.file), "exercise": .string(row.exercise),
                "status": .string(row.errorMessage == nil ? "graded" : "error"),
                "score": .int(row.score), "max": .int(report.maximum(row)),
            ]
            if let message = row.errorMessage { object["error"] = .string(message) }
            object["checks"] = .array((row.grade?.results ?? []).map { result in
                .object([
                    "name": .string(result.name), "points": .int(result.earned), "max": .int(result.points),
                    "passed": .bool(result.passed), "feedback": .string(result.passed ? "" : result.feedback),
                    "detail": .string(result.outcome.detail),
                ])
            })
            return .object(object)
        }
        let errors = report.rows.filter { $0.errorMessage != nil }.count
        let summary: JSONObject = [
            "submissions": .int(report.rows.count), "graded": .int(report.rows.count - errors), "errors": .int(errors),
        ]
        return KubeJSON.print(.object(["submissions": .array(submissions), "summary": .object(summary)]), sortKeys: false)
    }
}

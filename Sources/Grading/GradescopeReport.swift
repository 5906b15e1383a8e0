import KubeModel

/// Gradescope's autograder `results.json` for one submission (the first row; a batch is one
/// row per student, so `--format gradescope` is meant for a single submission).
///
///     {"score": 7, "max_score": 10, "output": "…", "tests": [{"name", "score", "max_score", "output"}]}
public enum GradescopeReport {
    public static func render(_ report: GradeReport) -> String {
        guard let row = report.rows.first else {
            return KubeJSON.print(.object(["score": .int(0), "max_score": .int(0), "output": .string("no submission"), "tests": .array([])]), sortKeys: false)
        }
        return KubeJSON.print(.object(result(row, maximum: report.maximum(row))), sortKeys: false)
    }

    static func result(_ row: GradeRow, maximum: Int) -> JSONObject {
        var object: JSONObject = ["score": .int(row.score), "max_score": .int(maximum)]
        if let message = row.errorMessage {
            object["output"] = .string("\(row.file): \(message)")
        } else {
            object["output"] = .string("\(row.exercise): \(row.score)/\(maximum)")
        }
        object["tests"] = .array((row.grade?.results ?? []).map { result in
            .object([
                "name": .string(result.name), "score": .int(result.earned), "max_score": .int(result.points),
                "status": .string(result.passed ? "passed" : "failed"),
                "output": .string(result.passed ? "passed" : result.failureText),
            ])
        })
        return object
    }
}

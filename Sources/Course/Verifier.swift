/// `ckalab verify`: a solution earns full marks; an empty attempt earns zero with every check failing.
public enum Verifier {
    public struct Report: Sendable {
        public var id: String
        public var solution: Grade
        public var empty: Grade

        /// Checks that pass on an empty attempt: they cannot tell anything apart (a bug in the rubric).
        public var checksThatCannotFail: [CheckResult] { empty.results.filter(\.passed) }

        public var ok: Bool {
            solution.earned == solution.total && empty.earned == 0 && checksThatCannotFail.isEmpty
                && solution.setupProblems.isEmpty
        }

        /// `ds-config-file: solution 10/10, empty attempt 0/10 (5 checks fail)`, then what is wrong.
        public var lines: [String] {
            let failing = empty.failed.count
            var lines = ["\(id): solution \(solution.earned)/\(solution.total), empty attempt \(empty.earned)/\(empty.total) "
                + "(\(failing) check\(failing == 1 ? "" : "s") fail\(failing == 1 ? "s" : ""))"]
            for problem in solution.setupProblems { lines.append("  world setup: \(problem)") }
            for result in solution.failed { lines.append("  solution fails \(result.name): \(result.outcome.detail)") }
            for result in checksThatCannotFail { lines.append("  check \(result.name) passes on an empty attempt: \(result.outcome.detail)") }
            return lines
        }
    }

    public static func verify(_ entry: CourseLibrary.Entry) -> Report {
        Report(id: entry.exercise.id,
               solution: Grader.grade(entry.exercise, rubric: entry.rubric, script: entry.solution),
               empty: Grader.grade(entry.exercise, rubric: entry.rubric, script: ""))
    }
}

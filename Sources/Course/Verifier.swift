import Cluster

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

/// `ckalab verify` for lessons: each step's example, typed in order, achieves the step.
public enum LessonVerifier {
    /// Simulated seconds a step may take to hold after its example (pods start, kubelets sync).
    static let patience = 60.0

    /// `static-pods-basics: 3 steps, each achieved by its example`, then what is wrong.
    public static func verify(_ lesson: Lesson) -> (ok: Bool, lines: [String]) {
        let world = Grader.prepareWorld(lesson.asExercise)
        let session = TerminalSession(world: world, stdout: .discarding(), stderr: .discarding(), isTerminal: false)
        var problems: [String] = []
        for (index, step) in lesson.steps.enumerated() {
            let before = Tutor.evaluate(step.check, typed: nil, in: world)
            if before.passed, case .world = step.check {
                problems.append("  step \(index + 1) holds before its example: \(before.detail)")
            }
            session.runScript(step.example + "\n")
            var outcome = Tutor.evaluate(step.check, typed: step.example, in: world)
            if !outcome.passed, case .world = step.check {
                _ = world.wait(upTo: patience) {
                    outcome = Tutor.evaluate(step.check, typed: nil, in: world)
                    return outcome.passed
                }
            }
            if !outcome.passed { problems.append("  step \(index + 1) is not achieved by its example: \(outcome.detail)") }
        }
        let head = "\(lesson.id): \(lesson.steps.count) step\(lesson.steps.count == 1 ? "" : "s")"
        return (problems.isEmpty, [head + (problems.isEmpty ? ", each achieved by its example" : "")] + problems)
    }
}

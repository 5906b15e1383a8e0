import Course

/// One line of a grade report: a submission graded, or why it could not be.
public struct GradeRow: Sendable, Equatable {
    /// The learner named in the submission's header, else the file's name without `.sh`.
    public var learner: String
    /// The path as given (or as found in a folder).
    public var file: String
    /// The exercise graded against (empty when it could not be told).
    public var exercise: String
    public var outcome: Outcome

    public enum Outcome: Sendable, Equatable {
        case graded(Grade)
        /// Not graded: scored zero, with a one-line reason.
        case error(String)
    }

    public init(learner: String, file: String, exercise: String, outcome: Outcome) {
        self.learner = learner
        self.file = file
        self.exercise = exercise
        self.outcome = outcome
    }

    public var grade: Grade? {
        if case .graded(let grade) = outcome { return grade }
        return nil
    }

    public var errorMessage: String? {
        if case .error(let message) = outcome { return message }
        return nil
    }

    public var score: Int { grade?.earned ?? 0 }
}

/// The batch: rows in input order, with the rubric of each exercise seen (for columns and maxima).
public struct GradeReport: Sendable, Equatable {
    public var rows: [GradeRow]
    /// Rubrics by exercise id, for the exercises rows were graded against.
    public var rubrics: [String: Rubric]

    public init(rows: [GradeRow], rubrics: [String: Rubric]) {
        self.rows = rows
        self.rubrics = rubrics
    }

    /// The maximum a row could score (its rubric's total; 0 when the exercise is unknown).
    public func maximum(_ row: GradeRow) -> Int {
        rubrics[row.exercise]?.totalPoints ?? 0
    }

    /// Every check name, in rubric order, across the exercises of the report (CSV columns).
    public var checkNames: [String] {
        var names: [String] = []
        for exercise in rubrics.keys.sorted() {
            for check in rubrics[exercise]?.checks ?? [] where !names.contains(check.name) { names.append(check.name) }
        }
        return names
    }

    public var hasErrors: Bool { rows.contains { $0.errorMessage != nil } }
}

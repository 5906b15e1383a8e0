import Course

/// An exam's result: each task's points scaled to its weight, summed, against the pass mark.
public struct ExamScore: Sendable, Equatable {
    public struct TaskScore: Sendable, Equatable {
        public var task: ExamPlan.Task
        public var earned: Int
        public var total: Int
        /// The task's share of the exam earned, in percent (weight × earned / total).
        public var percent: Double { total > 0 ? Double(task.weight) * Double(earned) / Double(total) : 0 }
    }

    public var tasks: [TaskScore]

    public init(tasks: [TaskScore]) { self.tasks = tasks }

    public init(plan: ExamPlan, grades: [Grade]) {
        tasks = zip(plan.tasks, grades).map { TaskScore(task: $0, earned: $1.earned, total: $1.total) }
    }

    /// The exam's score in percent, rounded down to a whole percent (as the CKA reports it).
    public var percent: Int {
        Int((tasks.reduce(0) { $0 + $1.percent } + 1e-9).rounded(.down))
    }

    public var passed: Bool { percent >= ExamPlan.passMark }

    /// The per-task breakdown and the verdict, as printed at the end of the exam (in English).
    public var text: String { text(LabMessages(.english)) }

    /// The breakdown in a language: the table's headings stay as they are (like kubectl's
    /// columns, and so the columns line up), the verdict is translated.
    public func text(_ say: LabMessages) -> String {
        var rows = [["TASK", "WEIGHT", "EXERCISE", "POINTS", "SCORE"]]
        for task in tasks {
            rows.append(["\(task.task.number)", "\(task.task.weight)%", task.task.exercise, "\(task.earned)/\(task.total)",
                         TableReport.format(task.percent) + "%"])
        }
        return TableReport.align(rows)
            + say(.examScoreLine, ["percent": percent, "passMark": ExamPlan.passMark,
                                   "verdict": say(passed ? .examPassed : .examNotPassed)]) + "\n"
    }
}

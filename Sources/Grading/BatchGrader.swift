import Course
import Foundation

/// Grades many submissions on a pool of threads, each replay in a world of its own; the rows
/// come back in input order and do not depend on how many threads ran them.
public struct BatchGrader: Sendable {
    public var library: CourseLibrary
    /// The exercise every submission is graded against; nil: the one its header names.
    public var exercise: String?
    public var budget: ReplayBudget
    public var jobs: Int

    public init(library: CourseLibrary, exercise: String? = nil, budget: ReplayBudget = ReplayBudget(), jobs: Int = BatchGrader.defaultJobs) {
        self.library = library
        self.exercise = exercise
        self.budget = budget
        self.jobs = max(1, jobs)
    }

    /// All cores, up to 8 (each world's containers hold threads of their own while they sleep).
    public static var defaultJobs: Int { min(8, max(1, ProcessInfo.processInfo.activeProcessorCount)) }

    public func grade(_ inputs: [SubmissionInput]) -> GradeReport {
        let results = ResultSlots(count: inputs.count)
        let workers = min(jobs, max(1, inputs.count))
        let done = DispatchGroup()
        for _ in 0..<workers {
            done.enter()
            let thread = Thread { [self] in
                while let index = results.claim() {
                    results.store(gradeOne(inputs[index]), at: index)
                }
                done.leave()
            }
            // The shell recurses (nested substitutions, functions) as deep as on the main thread.
            thread.stackSize = 64 << 20
            thread.start()
        }
        done.wait()
        let rows = results.rows
        var rubrics: [String: Rubric] = [:]
        for row in rows { if let rubric = library.entries[row.exercise]?.rubric { rubrics[row.exercise] = rubric } }
        return GradeReport(rows: rows, rubrics: rubrics)
    }

    /// One submission, start to end; every failure becomes an error row.
    public func gradeOne(_ input: SubmissionInput) -> GradeRow {
        let fallbackLearner = ParsedSubmission.nameFromFile(input.file)
        let bytes: [UInt8]
        switch input.contents {
        case .failure(let failure):
            return GradeRow(learner: fallbackLearner, file: input.file, exercise: exercise ?? "", outcome: .error(failure.message))
        case .success(let read):
            bytes = read
        }
        let parsed: ParsedSubmission
        switch ParsedSubmission.parse(bytes, file: input.file) {
        case .failure(let failure):
            return GradeRow(learner: fallbackLearner, file: input.file, exercise: exercise ?? "", outcome: .error(failure.message))
        case .success(let value):
            parsed = value
        }
        func row(_ exerciseID: String, _ outcome: GradeRow.Outcome) -> GradeRow {
            GradeRow(learner: parsed.learner, file: input.file, exercise: exerciseID, outcome: outcome)
        }
        if let exercise, let named = parsed.exercise, named != exercise {
            return row(exercise, .error("a submission for \(named), not \(exercise)"))
        }
        guard let id = exercise ?? parsed.exercise else {
            return row("", .error("not a ckalab submission (no header naming the exercise); grade it with --exercise ID"))
        }
        guard let entry = library.entries[id] else {
            return row(id, .error("no exercise \"\(id)\""))
        }
        switch Replay.grade(entry.exercise, rubric: entry.rubric, script: parsed.script, budget: budget) {
        case .success(let grade): return row(id, .graded(grade))
        case .failure(let stop): return row(id, .error(stop.message))
        }
    }
}

/// The rows being filled in by the pool, and the next index to hand out.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [GradeRow?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ row: GradeRow, at index: Int) {
        lock.lock()
        slots[index] = row
        lock.unlock()
    }

    var rows: [GradeRow] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}

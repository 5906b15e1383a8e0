import Course
import Foundation
import Grading

/// Grading speed: one submission, and a class of 1,000 (solutions and empty attempts of
/// every exercise, in turn) on all cores.
extension Bench {
    static func gradeRows(runs: Int, measure: (Int, () -> Void) -> [Double], row: (String, [Double]) -> String) {
        guard let options = try? LabOptions.parse([]) else { return }
        let library = CourseLibrary.load(root: options.contentRoot())
        guard let entry = library.entries["ds-config-file"] else {
            print("grading rows skipped: no exercises/ds-config-file.yaml under \(options.contentRoot())")
            return
        }
        let solution = SubmissionInput(file: "alice.sh", text: entry.solution)
        let one = BatchGrader(library: library, exercise: "ds-config-file", jobs: 1)
        print(row("one submission graded (ds-config-file solution, replay + checks)", measure(runs) { _ = one.gradeOne(solution) }))

        let inputs = classOfSubmissions(library, count: 1_000)
        let batch = BatchGrader(library: library)
        var summary = ""
        let samples = measure(max(1, runs / 10)) {
            let report = batch.grade(inputs)
            let full = report.rows.filter { $0.grade.map { $0.earned == $0.total } ?? false }.count
            summary = "\(full) full marks, \(report.rows.filter { $0.errorMessage != nil }.count) errors"
        }
        print(row("1,000 submissions graded (\(batch.jobs) threads; \(summary))", samples))
    }

    /// `count` submissions with headers: each exercise's solution and an empty attempt, in turn.
    static func classOfSubmissions(_ library: CourseLibrary, count: Int) -> [SubmissionInput] {
        let ids = library.ids.filter { library.entries[$0] != nil }
        guard !ids.isEmpty else { return [] }
        return (0..<count).map { index in
            let id = ids[index / 2 % ids.count]
            let body = index % 2 == 0 ? library.entries[id]?.solution ?? "" : "kubectl get nodes\n"
            let text = "# ckalab submission\n# exercise: \(id)\n# learner: student-\(index)\n# ckalab: \(Ckalab.version)\n\n" + body
            return SubmissionInput(file: "student-\(index).sh", text: text)
        }
    }
}

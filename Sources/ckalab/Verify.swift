import ArgumentParser
import Course
import Foundation

/// `ckalab verify`: every content file is well-formed, every solution earns full marks, and an
/// empty attempt earns zero with every check failing.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the course content: files well-formed, solutions full marks, empty attempts zero.",
        discussion: "Prints one line per exercise; exits 1 if anything is wrong."
    )

    @Option(help: "The folder holding exercises/, solutions/ and grader/.")
    var root: String = "."

    @Argument(help: "Exercise ids (default: every exercise).")
    var ids: [String] = []

    func run() throws {
        let library = CourseLibrary.load(root: root, only: ids)
        var failed = !library.problems.isEmpty
        for problem in library.problems { StandardStreams.stderr.line(problem.description) }
        for id in library.ids {
            guard let entry = library.entries[id] else { continue }
            let report = Verifier.verify(entry)
            if !report.ok { failed = true }
            for line in report.lines { StandardStreams.stdout.line(line) }
        }
        for id in library.lessonIDs {
            guard let lesson = library.lessons[id] else { continue }
            let report = LessonVerifier.verify(lesson)
            if !report.ok { failed = true }
            for line in report.lines { StandardStreams.stdout.line(line) }
        }
        if library.ids.isEmpty, library.problems.isEmpty {
            StandardStreams.stderr.line("no exercises in \(root)/exercises")
            failed = true
        }
        throw ExitCode(failed ? 1 : 0)
    }
}

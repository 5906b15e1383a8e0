import ArgumentParser
import Course
import Foundation
import Grading

/// `ckalab grade`: replays a class's submissions and reports per-check points and feedback.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade submissions: replay each in a fresh world of its exercise, then run the checks.",
        discussion: """
            Each PATH is a submission (a file written by `lab submit`, or a plain shell script: the \
            learner is then named after the file) or a folder whose files are taken in name order. \
            Without --exercise, each submission is graded against the exercise its header names. \
            Rows come in input order, whatever --jobs is.

            A submission that cannot be graded (unreadable, not text, no or unknown exercise, an \
            endless loop, too much output, past the time budget) gets an error row scored zero; the \
            batch always finishes.

            Exit status: 0 when every submission was graded (whatever the scores), 1 when any row is \
            an error, 2 for a usage error.
            """)

    @Option(help: "Grade every submission against this exercise (default: the one each submission's header names).")
    var exercise: String?

    @Option(help: "table (default), csv (gradebook import), json, junit (JUnit XML) or gradescope (results.json, one submission).")
    var format: String = "table"

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Threads grading at once (default: the cores, up to 8).")
    var jobs: Int = BatchGrader.defaultJobs

    @Option(help: "Real seconds one submission's replay may take before it is an error row.")
    var timeout: Double = 60

    @OptionGroup var options: LabOptions

    @Argument(help: "Submission files or folders of them.")
    var paths: [String] = []

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("grade needs at least one submission file or folder") }
        guard ReportFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")), got '\(format)'")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() throws {
        let library = CourseLibrary.load(root: options.contentRoot(), language: try options.language())
        if let exercise, library.entries[exercise] == nil {
            for problem in library.problems where problem.file.contains("/\(exercise).") {
                StandardStreams.stderr.line(problem.description)
            }
            throw ValidationError("no exercise \"\(exercise)\"; 'ckalab list' lists them")
        }
        let inputs = SubmissionInput.collect(paths)
        guard let reportFormat = ReportFormat(rawValue: format) else { throw ExitCode(2) }
        if reportFormat == .gradescope, inputs.count != 1 {
            throw ValidationError("--format gradescope writes one submission's results.json; got \(inputs.count) submissions")
        }
        var budget = ReplayBudget()
        budget.wallSeconds = timeout
        let report = BatchGrader(library: library, exercise: exercise, budget: budget, jobs: jobs).grade(inputs)
        let text = reportFormat.render(report)
        if let output {
            do {
                try AtomicFile.write(text, to: output)
            } catch {
                StandardStreams.stderr.line("ckalab: cannot write \(output): \(error.localizedDescription)")
                throw ExitCode(1)
            }
        } else {
            StandardStreams.stdout.write(text)
        }
        if report.hasErrors { throw ExitCode(1) }
    }
}

/// Writes a file as a whole or not at all: a temporary file beside it, fsync, rename.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
            throw CocoaError(.fileWriteNoPermission)
        }
        if let handle = FileHandle(forWritingAtPath: temporary.path) {
            try? handle.synchronize()
            try? handle.close()
        }
        guard rename(temporary.path, url.path) == 0 else {
            let message = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw NSError(domain: "ckalab", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: message])
        }
    }
}

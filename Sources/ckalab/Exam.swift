import ArgumentParser
import CommandKit
import Course
import Foundation
import Grading
import LineEditor

/// `ckalab exam`: a timed set of weighted tasks, scored at the end against the 66% pass mark.
struct ExamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exam",
        abstract: "Take a timed practice exam: weighted tasks, each in its own cluster, scored at the end (pass mark 66%).",
        discussion: """
            The tasks are drawn from the exercises (one per topic first), the same for the same \
            --seed. Each task has a cluster of its own, as each exam task has its own context: 'lab \
            task N', 'lab next' and 'lab back' move between them; 'lab status' shows the time left, \
            which the prompt shows too. 'lab submit', Ctrl-D or the end of the time scores every \
            task; a task counts its weight times the share of its points earned. The exam is saved \
            after every command: running 'ckalab exam' again resumes an unfinished one (its own \
            tasks and time), until it is scored or left with 'lab quit'. Exit status: 0 passed, 1 \
            not passed.
            """)

    @Option(help: "Draws the tasks (the same seed, the same exam).")
    var seed: UInt64 = 1

    @Option(help: "Minutes allowed (default: the tasks' estimates plus a fifth).")
    var minutes: Int?

    @Option(help: "How many tasks.")
    var tasks: Int = 6

    @OptionGroup var options: LabOptions

    func validate() throws {
        if let minutes, minutes < 1 { throw ValidationError("--minutes must be at least 1, got \(minutes)") }
        guard tasks >= 1 else { throw ValidationError("--tasks must be at least 1, got \(tasks)") }
    }

    func run() throws {
        let library = try options.library()
        let plan = ExamPlan.draw(from: library, seed: seed, count: tasks, minutes: minutes)
        guard !plan.tasks.isEmpty else { throw ValidationError("no exercises found under \(options.contentRoot())") }
        let home = LabHome.directory()
        LabHome.ensureExists(home)
        let exam = ExamSession(plan: plan, library: library, stdout: StandardStreams.stdout, stderr: StandardStreams.stderr,
                               wallClock: LabREPL.wallClock, store: ExamStore(home: home))
        let editor = LineEditor(historyFile: home + "/history") { _, cursor in
            CompletionCandidates(wordStart: cursor, candidates: [])
        }
        exam.start()
        while !exam.hasEnded {
            switch editor.readLine(prompt: exam.prompt) {
            case .line(let line):
                editor.addHistory(line)
                exam.feed(line)
            case .interrupted:
                exam.interrupt()
            case .endOfFile:
                exam.endOfInput()
            }
        }
        throw ExitCode(exam.score?.passed == true ? 0 : 1)
    }
}

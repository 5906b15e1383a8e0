import Course
import Grading
import Testing

/// Submissions that cannot be graded: an error row each, and the batch goes on.
@Suite struct BadSubmissionTests {
    private func grade(_ inputs: [SubmissionInput], exercise: String? = "ds-config-file") -> [String] {
        let report = BatchGrader(library: ClassFixture.library, exercise: exercise, jobs: 2).grade(inputs)
        return report.rows.map { "\($0.learner): " + ($0.errorMessage.map { "error: " + $0 } ?? "\($0.score)/\(report.maximum($0))") }
    }

    @Test func eachBadSubmissionIsAnErrorRow() {
        let rows = grade([
            SubmissionInput(file: "subs/loop.sh", text: "echo start\nwhile true; do :; done\necho never\n"),
            SubmissionInput(file: "subs/other.sh", text: ClassFixture.header("erin", exercise: "sts-headless") + "ls\n"),
            SubmissionInput(file: "subs/missing.sh", contents: .failure(.init("no such file or directory"))),
            SubmissionInput(file: "subs/latin1.sh", contents: .success([0x65, 0x63, 0x68, 0x6F, 0x20, 0xE9, 0x0A])),
            SubmissionInput(file: "subs/huge.sh", contents: .success(Array(repeating: 0x23, count: SubmissionInput.maxBytes + 1))),
            SubmissionInput(file: "subs/syntax.sh", text: "if then fi (\n"),
        ])
        #expect(rows == [
            "loop: error: command 2 hit the shell's step budget (an endless loop?); not graded",
            "erin: error: a submission for sts-headless, not ds-config-file",
            "missing: error: no such file or directory",
            "latin1: error: not UTF-8 text",
            "huge: error: too large (more than 1 MiB): not a submission",
            "syntax: 0/10",
        ])
    }

    @Test func headerNamesTheExercise() {
        let rows = grade([
            SubmissionInput(file: "a.sh", text: ClassFixture.header("alice") + ClassFixture.solution),
            SubmissionInput(file: "plain.sh", text: ClassFixture.solution),
            SubmissionInput(file: "z.sh", text: ClassFixture.header("zed", exercise: "no-such-thing")),
        ], exercise: nil)
        #expect(rows == [
            "alice: 10/10",
            "plain: error: not a ckalab submission (no header naming the exercise); grade it with --exercise ID",
            "zed: error: no exercise \"no-such-thing\"",
        ])
    }

    @Test func outputAndTimeBudgets() {
        var budget = ReplayBudget()
        budget.outputBytes = 1 << 20
        budget.simulatedSeconds = 600
        let grader = BatchGrader(library: ClassFixture.library, exercise: "ds-config-file", budget: budget, jobs: 1)
        let loud = grader.gradeOne(SubmissionInput(file: "loud.sh", text: "seq 300000\n"))
        #expect(loud.errorMessage == "printed more than 1 MiB; not graded")
        let slow = grader.gradeOne(SubmissionInput(file: "slow.sh", text: "sleep 400\nsleep 400\n"))
        #expect(slow.errorMessage == "ran past 10 min of cluster time; not graded")
    }
}

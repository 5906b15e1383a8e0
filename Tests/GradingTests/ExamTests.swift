import CommandKit
import Course
import Foundation
@testable import Grading
import Testing

@Suite struct ExamScoringTests {
    private func task(_ number: Int, weight: Int) -> ExamPlan.Task {
        ExamPlan.Task(number: number, exercise: "ex\(number)", weight: weight)
    }

    @Test func weightsAddUpToAHundred() {
        #expect(ExamPlan.percentages([4, 7, 10]) == [19, 33, 48])
        #expect(ExamPlan.percentages([7, 7, 7]) == [34, 33, 33])
        #expect(ExamPlan.percentages([4, 4, 7, 7, 10, 10]) == [9, 9, 17, 17, 24, 24])
        #expect(ExamPlan.percentages([4, 4, 7, 7, 10, 10]).reduce(0, +) == 100)
        #expect(ExamPlan.percentages([]) == [])
    }

    @Test func scoreIsWeightedAndRoundedDown() {
        let score = ExamScore(tasks: [
            .init(task: task(1, weight: 50), earned: 10, total: 10),
            .init(task: task(2, weight: 30), earned: 1, total: 2),
            .init(task: task(3, weight: 20), earned: 0, total: 5),
        ])
        #expect(score.percent == 65)
        #expect(!score.passed)
        let pass = ExamScore(tasks: [
            .init(task: task(1, weight: 66), earned: 3, total: 3),
            .init(task: task(2, weight: 34), earned: 0, total: 3),
        ])
        #expect(pass.percent == 66)
        #expect(pass.passed)
        #expect(pass.text == """
            TASK  WEIGHT  EXERCISE  POINTS  SCORE
            1     66%     ex1       3/3     66.0%
            2     34%     ex2       0/3     0.0%
            Score: 66% (pass mark 66%): PASSED

            """)
    }

    @Test func drawIsDeterministicAndCoversTopics() {
        let library = CourseLibrary.load(root: ClassFixture.root)
        let plan = ExamPlan.draw(from: library, seed: 7)
        #expect(plan == ExamPlan.draw(from: library, seed: 7))
        #expect(plan != ExamPlan.draw(from: library, seed: 8))
        #expect(plan.tasks.count == 6)
        #expect(plan.tasks.map(\.weight).reduce(0, +) == 100)
        #expect(Set(plan.tasks.map(\.exercise)).count == 6)
        let topics = Set(plan.tasks.compactMap { library.entries[$0.exercise]?.exercise.topic })
        #expect(topics.count == min(6, Set(library.entries.values.map(\.exercise.topic)).count))
    }
}

@Suite struct ExamSessionTests {
    final class Captured: @unchecked Sendable {
        var text = ""
        var sink: OutputSink { OutputSink { [self] bytes in text += String(decoding: bytes, as: UTF8.self) } }
    }

    @Test func solvedTaskPassesWithFullScore() {
        let output = Captured()
        let box = ClockBox()
        let plan = ExamPlan(seed: 1, tasks: [ExamPlan.Task(number: 1, exercise: "ds-config-file", weight: 100)], minutes: 10)
        let exam = ExamSession(plan: plan, library: ClassFixture.library, stdout: output.sink, stderr: output.sink, wallClock: { box.now })
        exam.start()
        #expect(exam.prompt == "[10:00 task 1/1] root@controlplane:~# ")
        box.now = 61
        #expect(exam.prompt == "[8:59 task 1/1] root@controlplane:~# ")
        for line in ClassFixture.solution.split(separator: "\n", omittingEmptySubsequences: false) { exam.feed(String(line)) }
        output.text = ""
        exam.feed("lab submit")
        #expect(exam.hasEnded)
        #expect(exam.score?.percent == 100)
        #expect(output.text == """

            Exam over.
            TASK  WEIGHT  EXERCISE        POINTS  SCORE
            1     100%    ds-config-file  10/10   100.0%
            Score: 100% (pass mark 66%): PASSED

            """)
    }

    @Test func timeUpScoresWhatIsThere() {
        let output = Captured()
        let box = ClockBox()
        let plan = ExamPlan(seed: 1, tasks: [ExamPlan.Task(number: 1, exercise: "ds-config-file", weight: 100)], minutes: 1)
        let exam = ExamSession(plan: plan, library: ClassFixture.library, stdout: output.sink, stderr: output.sink, wallClock: { box.now })
        exam.start()
        box.now = 60
        output.text = ""
        exam.feed("kubectl get nodes")
        #expect(exam.hasEnded)
        #expect(exam.score?.percent == 0)
        #expect(output.text.hasPrefix("Time is up.\n\nExam over.\n"))
        #expect(output.text.hasSuffix("Score: 0% (pass mark 66%): NOT PASSED\n"))
    }

    @Test func labCommandsMoveBetweenTasks() {
        let output = Captured()
        let box = ClockBox()
        let plan = ExamPlan(seed: 1, tasks: [ExamPlan.Task(number: 1, exercise: "ds-config-file", weight: 50),
                                             ExamPlan.Task(number: 2, exercise: "ds-config-file", weight: 50)], minutes: 120)
        let exam = ExamSession(plan: plan, library: ClassFixture.library, stdout: output.sink, stderr: output.sink, wallClock: { box.now })
        exam.start()
        exam.feed("touch /root/first")
        exam.feed("lab next")
        #expect(exam.current == 1)
        #expect(exam.prompt == "[2:00:00 task 2/2] root@controlplane:~# ")
        output.text = ""
        exam.feed("ls /root/first; lab next")
        #expect(output.text == "ls: cannot access '/root/first': No such file or directory\nlab: this is the last task\n")
        output.text = ""
        exam.feed("lab check")
        #expect(output.text == "lab: no check during the exam; 'lab submit' ends it and scores every task\n")
        output.text = ""
        exam.feed("lab task 3")
        #expect(output.text == "lab: task takes a task number from 1 to 2; see 'lab help'\n")
        exam.feed("lab task 1")
        output.text = ""
        exam.feed("ls /root/first; lab status")
        #expect(output.text == """
            /root/first
            Time left: 2:00:00 of 120 min. On task 1 of 2.
             → task 1 (50%): \(ClassFixture.library.entries["ds-config-file"]?.exercise.title ?? "")
             · task 2 (50%): \(ClassFixture.library.entries["ds-config-file"]?.exercise.title ?? "")

            """)
        exam.feed("lab quit")
        #expect(exam.hasEnded)
        #expect(exam.score == nil)
    }
}

final class ClockBox: @unchecked Sendable {
    var now = 0.0
}

import CommandKit
import Course
import Foundation
@testable import Grading
import Testing

/// An exam saved after every line: dropped at any point (the session object thrown away, as a
/// killed process would be) and started again, it comes back with the same worlds and the same score.
@Suite(.serialized) struct ExamResumeTests {
    static let library = CourseLibrary.load(root: ClassFixture.root, only: ["ds-config-file", "ds-control-plane"])
    static let plan = ExamPlan(seed: 1, tasks: [ExamPlan.Task(number: 1, exercise: "ds-config-file", weight: 60),
                                                ExamPlan.Task(number: 2, exercise: "ds-control-plane", weight: 40)], minutes: 120)

    /// What the learner types: the first task's near miss (a heredoc among it), the second's
    /// solution, then a look at both clusters.
    static var lines: [String] {
        let first = ClassFixture.nearMiss.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let second = (Self.library.entries["ds-control-plane"]?.solution ?? "").split(separator: "\n").map(String.init)
        return first + ["lab next"] + second + ["kubectl -n monitoring get ds", "lab back", "kubectl get ds config; ls /root"]
    }

    static func home() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ckalab-exam-\(UUID().uuidString)").path
    }

    /// A session on `home`'s store, its output captured, its clock in `box`.
    static func exam(_ home: String, _ output: ExamSessionTests.Captured, _ box: ClockBox, plan: ExamPlan = plan,
                     library: CourseLibrary = library) -> ExamSession {
        ExamSession(plan: plan, library: library, stdout: output.sink, stderr: output.sink, wallClock: { box.now },
                    store: ExamStore(home: home))
    }

    /// Types `lines`, five wall seconds apart, and returns what they printed.
    @discardableResult
    static func type(_ exam: ExamSession, _ lines: ArraySlice<String>, _ output: ExamSessionTests.Captured, _ box: ClockBox) -> String {
        output.text = ""
        for line in lines {
            box.now += 5
            exam.feed(line)
        }
        return output.text
    }

    @Test(arguments: [3, 29, 33, 39])
    func droppedAndResumedGivesTheSameScore(dropAfter: Int) throws {
        let lines = Self.lines
        try #require(dropAfter < lines.count)
        // Without an interruption.
        let straightHome = Self.home()
        defer { try? FileManager.default.removeItem(atPath: straightHome) }
        let straightOut = ExamSessionTests.Captured(), straightBox = ClockBox()
        let straight = Self.exam(straightHome, straightOut, straightBox)
        straight.start()
        let straightTail = Self.type(straight, lines[...], straightOut, straightBox)
        // Dropped after `dropAfter` lines, then started again (with another plan: the saved one wins).
        let home = Self.home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let output = ExamSessionTests.Captured(), box = ClockBox()
        var first: ExamSession? = Self.exam(home, output, box)
        first?.start()
        if let first { Self.type(first, lines[..<dropAfter], output, box) }
        let used = box.now
        first = nil
        #expect(FileManager.default.fileExists(atPath: home + "/exam.json"))
        box.now = 10_000
        output.text = ""
        let other = ExamPlan(seed: 9, tasks: [ExamPlan.Task(number: 1, exercise: "ds-control-plane", weight: 100)], minutes: 5)
        let resumed = Self.exam(home, output, box, plan: other)
        resumed.start()
        #expect(resumed.plan == Self.plan)
        let typed = lines[..<dropAfter].count
        let onTask = lines[..<dropAfter].contains("lab next") && !lines[..<dropAfter].contains("lab back") ? 2 : 1
        #expect(output.text == "Resuming the exam (seed 1): \(typed) lines replayed, \(ExamSession.clock(7_200 - used)) left, on task \(onTask) of 2; 'lab task' shows it.\n")
        // Dropped in the middle of a heredoc, it is still open.
        let inHeredoc = dropAfter > 0 && dropAfter <= (lines.firstIndex(of: "EOF_YAML") ?? 0)
        #expect(resumed.prompt == "[\(ExamSession.clock(7_200 - used)) task \(onTask)/2] " + (inHeredoc ? "> " : "root@controlplane:~# "))
        // The rest of the lines print what they printed without the interruption.
        let tail = Self.type(resumed, lines[dropAfter...], output, box)
        #expect(straightTail.hasSuffix(tail))
        output.text = ""
        straightOut.text = ""
        resumed.feed("lab submit")
        straight.feed("lab submit")
        #expect(resumed.score == straight.score)
        #expect(resumed.score?.tasks.map(\.earned) == [4, straight.score?.tasks.last?.earned ?? -1])
        #expect(output.text == straightOut.text)
        // Scored: nothing saved, the next exam starts afresh.
        #expect(!FileManager.default.fileExists(atPath: home + "/exam.json"))
        let next = Self.exam(home, output, box)
        output.text = ""
        next.start()
        #expect(output.text.hasPrefix("CKA practice exam (seed 1): 2 tasks, 120 minutes, pass mark 66%.\n"))
    }

    @Test func leavingForgetsTheExam() {
        let home = Self.home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let output = ExamSessionTests.Captured(), box = ClockBox()
        let exam = Self.exam(home, output, box)
        exam.start()
        exam.feed("touch /root/a")
        #expect(FileManager.default.fileExists(atPath: home + "/exam.json"))
        exam.feed("lab quit")
        #expect(exam.hasEnded)
        #expect(!FileManager.default.fileExists(atPath: home + "/exam.json"))
    }

    @Test func anUnreadableOrForeignSaveStartsAfresh() throws {
        let home = Self.home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let output = ExamSessionTests.Captured(), box = ClockBox()
        for text in ["{", "{\"version\": 1}", #"{"version":1,"current":0,"histories":[],"secondsUsed":0,"plan":{"seed":1,"minutes":5,"tasks":[{"number":1,"exercise":"gone","weight":100}]}}"#] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: home + "/exam.json"))
            output.text = ""
            let exam = Self.exam(home, output, box)
            exam.start()
            #expect(output.text.hasPrefix("CKA practice exam (seed 1): 2 tasks"))
        }
    }
}

import CommandKit
import Course
import Foundation
@testable import Grading
import Testing

/// The exam's own texts in Traditional Chinese, exactly as printed.
@Suite(.serialized) struct ExamChineseTests {
    static let library = CourseLibrary.load(root: ClassFixture.root, only: ["ds-config-file", "ds-control-plane"], language: .traditionalChinese)

    @Test func everyExamText() {
        let home = ExamResumeTests.home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let output = ExamSessionTests.Captured(), box = ClockBox()
        let exam = ExamResumeTests.exam(home, output, box, library: Self.library)
        exam.start()
        #expect(output.text.hasPrefix("""
            CKA 模擬考（seed 1）：2 題，120 分鐘，及格分數 66%。
            每一題都有自己的叢集。'lab task N' 或 'lab next' 切換題目，'lab status' 顯示剩餘時間，
            'lab submit' 結束考試並評分。考試結束前不會有任何回饋。

            第 1 題，共 2 題（60%）：用 DaemonSet 在每個 Node 上寫入檔案


            """))
        func type(_ line: String) -> String {
            output.text = ""
            box.now += 5
            exam.feed(line)
            return output.text
        }
        #expect(type("lab help") == """
            lab task        顯示目前的題目
            lab task N      前往第 N 題（每一題都有自己的叢集）
            lab next        前往下一題
            lab back        前往上一題
            lab status      剩餘時間和所有題目
            lab submit      結束考試並為每一題評分
            lab quit        離開考試，不評分
            lab help        這份清單

            """)
        #expect(type("lab back") == "lab: 這是第一題\n")
        #expect(type("lab hint") == "lab: 考試中不能使用 hint；'lab submit' 會結束考試並為每一題評分\n")
        #expect(type("lab task 9") == "lab: task 需要 1 到 2 之間的題號；請看 'lab help'\n")
        #expect(type("lab status x") == "lab: status 不接受參數；請看 'lab help'\n")
        #expect(type("lab frob") == "lab: 沒有 \"frob\" 這個指令；請看 'lab help'\n")
        #expect(type("lab status") == """
            剩餘時間：1:59:25（共 120 分鐘）。目前在第 1 題，共 2 題。
             → 第 1 題（60%）：用 DaemonSet 在每個 Node 上寫入檔案
               第 2 題（40%）：跳過 control plane 的 DaemonSet，尚未開始

            """)
        #expect(type("lab next").hasPrefix("第 2 題，共 2 題（40%）：跳過 control plane 的 DaemonSet\n\n"))
        #expect(type("lab next") == "lab: 這是最後一題\n")
        // Dropped and started again: the resume line in the same language.
        output.text = ""
        ExamResumeTests.exam(home, output, box, library: Self.library).start()
        #expect(output.text == "繼續考試（seed 1）：重播了 9 行輸入，剩餘 1:59:15，目前在第 2 題，共 2 題；'lab task' 會顯示題目。\n")
        #expect(type("lab submit").hasSuffix("分數：0%（及格分數 66%）：未通過\n"))
        #expect(type("").isEmpty)
        let left = ExamResumeTests.exam(home, output, box, library: Self.library)
        left.start()
        output.text = ""
        left.feed("lab quit")
        #expect(output.text == "已離開考試，不評分。\n")
        let late = ExamSession(plan: ExamPlan(seed: 1, tasks: [ExamPlan.Task(number: 1, exercise: "ds-config-file", weight: 100)], minutes: 1),
                               library: Self.library, stdout: output.sink, stderr: output.sink, wallClock: { box.now })
        late.start()
        box.now += 61
        output.text = ""
        late.feed("true")
        #expect(output.text == """
            時間到。

            考試結束。
            TASK  WEIGHT  EXERCISE        POINTS  SCORE
            1     100%    ds-config-file  0/10    0.0%
            分數：0%（及格分數 66%）：未通過

            """)
    }

    /// The English texts are the ones the exam printed before they moved into the catalogue.
    @Test func englishIsUnchanged() {
        let output = ExamSessionTests.Captured(), box = ClockBox()
        let exam = ExamSession(plan: ExamResumeTests.plan, library: ExamResumeTests.library, stdout: output.sink, stderr: output.sink,
                               wallClock: { box.now })
        exam.start()
        let title = ExamResumeTests.library.entries["ds-config-file"]?.exercise.title ?? ""
        #expect(output.text.hasPrefix("""
            CKA practice exam (seed 1): 2 tasks, 120 minutes, pass mark 66%.
            Each task has its own cluster. 'lab task N' or 'lab next' moves between tasks, 'lab status' shows the time left,
            'lab submit' ends the exam and scores it. There is no feedback before the end.

            Task 1 of 2 (60%): \(title)


            """))
        output.text = ""
        exam.feed("lab help")
        #expect(output.text == """
            lab task        show the current task
            lab task N      go to task N (each task has its own cluster)
            lab next        go to the next task
            lab back        go to the previous task
            lab status      the time left and the tasks
            lab submit      end the exam and score every task
            lab quit        leave the exam without a score
            lab help        this list

            """)
        output.text = ""
        exam.feed("lab back; lab status x")
        #expect(output.text == "lab: this is the first task\nlab: status takes no arguments; see 'lab help'\n")
    }
}

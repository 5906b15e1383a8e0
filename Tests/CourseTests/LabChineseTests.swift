@testable import Course
import Foundation
import Testing

/// The lab's own texts in Traditional Chinese (`--lang zh-TW`, LANG=zh_TW.UTF-8), command by
/// command, exactly as printed; and the English ones as they were before the catalogue.
@Suite(.serialized) struct LabChineseTests {
    static let library = CourseLibrary.load(root: CourseRoot.path, language: .traditionalChinese)

    @Test func sandboxAndUsage() {
        let lab = LabHarness(library: Self.library)
        defer { lab.cleanUp() }
        #expect(lab.open(.sandbox, "") == "自由練習的叢集：不計分。'lab lessons' 和 'lab exercises' 列出可以做的課程和練習，'lab help' 列出 lab 的指令。\n")
        #expect(lab.type("lab help").out == """
            lab：導師的指令（在每個節點上都能用）
              lab lessons        列出課程
              lab exercises      列出練習
              lab start ID       開始（或繼續）一堂課程或一個練習
              lab task           再顯示一次題目，或課程目前的步驟
              lab hint           顯示下一個提示
              lab check          檢查你的成果：每項檢查 ✓ 或 ✗，以及目前的分數
              lab solution       顯示參考解答（會先詢問）
              lab reset          在全新的叢集中重新開始
              lab next           課程的下一個步驟，或下一個練習
              lab back           課程的上一個步驟，或上一個練習
              lab status         目前的進度：練習或步驟、提示、時間
              lab submit         把你的作答寫成提交用的腳本
              lab quit           離開；你的成果會儲存，執行 'ckalab' 即可繼續

            """)
        #expect(lab.type("lab").out == lab.type("lab help").out)
        #expect(lab.type("lab task; echo $?") == ("1\n", "lab: 還沒有開始任何課程或練習；'lab start ID' 開始一個（'lab lessons'、'lab exercises' 會列出它們）\n"))
        #expect(lab.type("lab nope; echo $?") == ("2\n", "lab: 沒有 \"nope\" 這個指令；請看 'lab help'\n"))
        #expect(lab.type("lab check x") == ("", "lab: check 不接受參數；請看 'lab help'\n"))
        #expect(lab.type("lab start") == ("", "lab: start 需要一個課程或練習的 id；請看 'lab help'\n"))
        #expect(lab.type("lab start a b") == ("", "lab: start 只接受一個 id；請看 'lab help'\n"))
        #expect(lab.type("lab start nope") == ("", "lab: 沒有 \"nope\" 這個課程或練習；'lab lessons' 和 'lab exercises' 會列出它們\n"))
        #expect(lab.type("lab status").out.hasPrefix("自由練習：不計分的叢集\n已輸入指令：9\n時間：模擬 "))
        #expect(lab.type("lab reset").out == "在全新的叢集中重新開始。\n自由練習的叢集：不計分。'lab lessons' 和 'lab exercises' 列出可以做的課程和練習，'lab help' 列出 lab 的指令。\n")
        let lessons = lab.type("lab lessons").out
        #expect(lessons.contains("\n  static-pods-basics  靜態 Pod 入門（static-pods，3 個步驟，約 6 分鐘）\n"))
        #expect(lessons.hasSuffix("'lab start ID' 開始其中一個。\n"))
        #expect(lab.type("vi x").err == "vi: 沒有終端機可以開啟編輯器；用 heredoc（cat > FILE <<'EOF' … EOF）寫入檔案，或用 sed -i 修改它\n")
    }

    @Test func exerciseCommands() throws {
        let lab = LabHarness(library: Self.library)
        defer { lab.cleanUp() }
        let banner = lab.open(.exercise, "ds-config-file")
        #expect(banner.hasPrefix("練習 ds-config-file：用 DaemonSet 在每個 Node 上寫入檔案（daemonsets，medium，約 12 分鐘）\n\n"))
        #expect(banner.hasSuffix("\n\n'lab check' 檢查你的成果，'lab hint' 給一個提示，'lab help' 列出 lab 的指令。\n"))
        #expect(lab.type("lab task").out == banner)
        #expect(lab.type("lab hint").out.hasPrefix("提示 1/4：`kubectl create deployment config"))
        lab.type("lab hint", "lab hint", "lab hint")
        #expect(lab.type("lab hint").out == "沒有更多提示了（4 個都已顯示）；'lab solution' 會顯示參考解答。\n")
        #expect(lab.type("lab check").out == """
            ✗ daemonset-exists (0/2)：default namespace 中沒有名為 config 的 DaemonSet。
                實際狀況：找不到 DaemonSet default/config
            ✗ busybox-image (0/1)：DaemonSet 的 container 應該使用 busybox image。
                實際狀況：找不到 DaemonSet default/config
            ✗ runs-on-every-node (0/3)：DaemonSet 必須在每個 Node 上都執行一個 Pod，包含 control plane（它的 Pod 需要 control-plane taint 的 toleration）。
                實際狀況：找不到 DaemonSet default/config
            ✗ hostpath-volume (0/1)：Pod 應該透過 /config 的 hostPath volume 寫入，檔案才會落在 Node 上。
                實際狀況：找不到 DaemonSet default/config
            ✗ file-on-every-node (0/3)：每個 Node 上的 /config/conf 內容都必須是這一行：Hello, Kubernetes!
                實際狀況：2 個節點中有 0 個的 /config/conf 內容等於 "Hello, Kubernetes!\\n"；controlplane：no such file or directory；node01：no such file or directory
            目前分數：0/10

            """)
        let status = lab.type("lab status").out
        #expect(status.hasPrefix("練習 ds-config-file：用 DaemonSet 在每個 Node 上寫入檔案\n已用提示：4/4\n上次檢查：0/10\n已輸入指令：7\n時間：模擬 "))
        #expect(status.contains("，實際 "))
        #expect(lab.type("lab exercises").out.contains("* ds-config-file  "))
        #expect(lab.type("lab exercises").out.contains("用 DaemonSet 在每個 Node 上寫入檔案（daemonsets，medium，約 12 分鐘），上次檢查 0/10\n"))
        lab.type("lab solution")
        #expect(lab.lab.prompt == "要顯示 ds-config-file 的參考解答嗎？[y/N] ")
        #expect(lab.type("n").out == "不顯示。\n")
        let shown = lab.type("lab solution", "y").out
        #expect(shown.hasPrefix("ds-config-file 的參考解答（照著輸入，或用你自己的做法，再執行 'lab check'）：\ncat > config.yaml <<'EOF_YAML'\n"))
        lab.lab.runScript(LabExerciseTests.solution)
        #expect(lab.type("lab check").out.hasSuffix("✓ file-on-every-node (3/3)\n目前分數：10/10（所有檢查都通過；'lab submit' 會寫出你的提交）\n"))
        let path = lab.home + "/submissions/ds-config-file.sh"
        #expect(lab.type("lab submit").out == "提交已寫入 \(path)（17 個指令）。\n用這個指令檢查它：ckalab run --exercise ds-config-file --check \(path)\n")
        #expect(lab.type("lab reset").out.hasPrefix("在全新的叢集中重新開始 ds-config-file。\n練習 ds-config-file："))
        let ids = LabHarness.library.ids
        let next = try #require(ids.firstIndex(of: "ds-config-file").map { ids[$0 + 1] })
        #expect(lab.type("lab next").out.hasPrefix("練習 \(next)："))
        lab.open(.exercise, try #require(ids.first))
        #expect(lab.type("lab back").err == "lab: \(ids[0]) 是第一個練習\n")
        #expect(lab.type("lab quit").out == "你的成果已儲存；執行 'ckalab' 即可從這裡繼續。\n")
        // Resuming says so in the same language.
        let again = LabHarness(home: lab.home, library: Self.library)
        #expect(again.open(.exercise, "ds-config-file").hasPrefix("繼續 ds-config-file：重播了 1 個指令\n練習 ds-config-file：用 DaemonSet 在每個 Node 上寫入檔案。'lab task' 再顯示一次題目。\n"))
    }

    @Test func lessonCommands() {
        let lab = LabHarness(library: Self.library)
        defer { lab.cleanUp() }
        lab.open(.lesson, "static-pods-basics")
        #expect(lab.type("lab back").err == "lab: 這是第一個步驟\n")
        #expect(lab.type("lab solution").err == "lab: 課程沒有參考解答：每個步驟都會顯示它的範例指令\n")
        #expect(lab.type("lab submit").err == "lab: 只有練習可以提交\n")
        #expect(lab.type("lab hint").out.hasSuffix("\n試試：grep staticPodPath /var/lib/kubelet/config.yaml\n"))
        #expect(lab.type("lab check").out == "✗ 步驟 1/3 還沒完成：輸入一個符合 /staticPodPath|config\\.yaml/ 的指令\n")
        #expect(lab.type("lab status").out.hasPrefix("課程 static-pods-basics：靜態 Pod 入門\n步驟 1/3\n已用提示：1\n已輸入指令：5\n時間："))
        lab.type("lab next", "lab next")
        #expect(lab.type("lab next").err == "lab: 這是最後一個步驟\n")
        #expect(lab.type("kubectl run static-web --image=nginx --dry-run=client -o yaml > /etc/kubernetes/manifests/static-web.yaml").out == "")
        let done = lab.type("mv /etc/kubernetes/manifests/static-web.yaml /root/").out
        #expect(done.hasSuffix("\n\n課程完成：靜態 Pod 入門。'lab lessons' 列出其他課程，'lab exercises' 列出練習。\n"))
        #expect(lab.type("lab check").out == "✓ 課程已完成。\n")
        #expect(lab.type("lab hint").out == "課程已完成：沒有更多提示了。\n")
        #expect(lab.type("lab next").err == "lab: 課程已完成\n")
        #expect(lab.type("lab status").out.hasPrefix("課程 static-pods-basics：靜態 Pod 入門\n已完成\n"))
        let again = LabHarness(home: lab.home, library: Self.library)
        #expect(again.open(.lesson, "static-pods-basics").hasPrefix("繼續 static-pods-basics：重播了 15 個指令\n課程 static-pods-basics 已完成。\n"))
    }

    /// The English texts are the ones the lab printed before they moved into the catalogue.
    @Test func englishIsUnchanged() {
        let lab = LabHarness()
        defer { lab.cleanUp() }
        #expect(lab.open(.sandbox, "") == "A free cluster: nothing is graded. 'lab lessons' and 'lab exercises' list what there is to do, 'lab help' the lab's commands.\n")
        #expect(lab.type("lab help").out == """
            lab: the tutor's commands (they work on every node)
              lab lessons        list the lessons
              lab exercises      list the exercises
              lab start ID       start (or resume) a lesson or an exercise
              lab task           show the task, or the lesson's current step, again
              lab hint           show the next hint
              lab check          check your work: each check ✓ or ✗, and the points so far
              lab solution       show the reference solution (asks first)
              lab reset          start over in a fresh cluster
              lab next           the next step of a lesson, or the next exercise
              lab back           the previous step of a lesson, or the previous exercise
              lab status         where you are: exercise or step, hints, time
              lab submit         write your attempt as a submission script
              lab quit           leave; your work is saved and 'ckalab' resumes it

            """)
        #expect(lab.type("lab task").err == "lab: no lesson or exercise started; 'lab start ID' starts one ('lab lessons', 'lab exercises' list them)\n")
        #expect(lab.type("lab status").out.hasPrefix("Sandbox: a free cluster, nothing graded\nCommands typed: 2\nTime: "))
        #expect(lab.type("lab lessons").out.contains("\n  static-pods-basics  Static pods, the basics (static-pods, 3 steps, ~6 min)\n"))
        lab.open(.lesson, "static-pods-basics")
        #expect(lab.type("lab check").out == "✗ Step 1 of 3 is not done yet: type a command matching /staticPodPath|config\\.yaml/\n")
        #expect(lab.type("lab submit").err == "lab: only an exercise can be submitted\n")
        lab.open(.exercise, "ds-config-file")
        #expect(lab.type("lab solution", "n").out == "Not shown.\n")
        #expect(lab.type("lab reset").out.hasPrefix("Starting ds-config-file over in a fresh cluster.\nExercise ds-config-file: "))
        #expect(lab.type("lab exercises").out.contains(" last check ") == false)
        #expect(lab.type("vi x").err == "vi: no terminal to open an editor in; write the file with a heredoc (cat > FILE <<'EOF' … EOF) or change it with sed -i\n")
    }
}

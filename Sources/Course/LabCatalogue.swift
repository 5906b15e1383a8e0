/// Every text the `lab` command and the exam print: key → English, Traditional Chinese (Taiwan).
/// `{name}` is filled in when printed. Only data here; command names, ids, Kubernetes kinds and
/// ✓/✗ stay as they are in every language. Tests check that each key has both texts, once, with
/// the same placeholders.
enum LabCatalogue {
    struct Texts: Sendable {
        var english: String
        var chinese: String
    }

    typealias Entry = (key: LabMessage, english: String, chinese: String)

    /// All of them: the lab's and the exam's own texts, then what checks found (`LabCatalogue+Checks.swift`).
    static let entries: [Entry] = labEntries + checkEntries

    static let labEntries: [Entry] = [
        // Banners and reminders.
        (.exerciseHeading, "Exercise {id}: {title} ({topic}, {difficulty}, ~{minutes} min)",
         "練習 {id}：{title}（{topic}，{difficulty}，約 {minutes} 分鐘）"),
        (.exerciseFooter, "'lab check' checks your work, 'lab hint' gives a hint, 'lab help' lists the lab's commands.",
         "'lab check' 檢查你的成果，'lab hint' 給一個提示，'lab help' 列出 lab 的指令。"),
        (.lessonHeading, "Lesson {id}: {title} ({steps} steps, ~{minutes} min)",
         "課程 {id}：{title}（{steps} 個步驟，約 {minutes} 分鐘）"),
        (.sandboxBanner, "A free cluster: nothing is graded. 'lab lessons' and 'lab exercises' list what there is to do, 'lab help' the lab's commands.",
         "自由練習的叢集：不計分。'lab lessons' 和 'lab exercises' 列出可以做的課程和練習，'lab help' 列出 lab 的指令。"),
        (.exerciseReminder, "Exercise {id}: {title}. 'lab task' shows the task again.",
         "練習 {id}：{title}。'lab task' 再顯示一次題目。"),
        (.lessonIsComplete, "Lesson {id} is complete.", "課程 {id} 已完成。"),
        (.stepHeading, "Step {n} of {total}", "步驟 {n}/{total}"),
        (.resuming, "Resuming {what}: {count} commands replayed", "繼續 {what}：重播了 {count} 個指令"),
        (.resumingOne, "Resuming {what}: 1 command replayed", "繼續 {what}：重播了 1 個指令"),
        (.theSandbox, "the sandbox", "自由練習叢集"),

        // Lists and status.
        (.listFooter, "'lab start ID' starts one.", "'lab start ID' 開始其中一個。"),
        (.noLessons, "No lessons.", "沒有課程。"),
        (.noExercises, "No exercises.", "沒有練習。"),
        (.lessonRow, "{title} ({topic}, {steps} steps, ~{minutes} min)", "{title}（{topic}，{steps} 個步驟，約 {minutes} 分鐘）"),
        (.exerciseRow, "{title} ({topic}, {difficulty}, ~{minutes} min)", "{title}（{topic}，{difficulty}，約 {minutes} 分鐘）"),
        (.lastCheckSuffix, " last check {score}", "，上次檢查 {score}"),
        (.statusExercise, "Exercise {id}: {title}", "練習 {id}：{title}"),
        (.statusHintsOf, "Hints used: {used} of {total}", "已用提示：{used}/{total}"),
        (.statusLastCheck, "Last check: {score}", "上次檢查：{score}"),
        (.statusLesson, "Lesson {id}: {title}", "課程 {id}：{title}"),
        (.statusComplete, "Complete", "已完成"),
        (.statusHints, "Hints used: {used}", "已用提示：{used}"),
        (.statusSandbox, "Sandbox: a free cluster, nothing graded", "自由練習：不計分的叢集"),
        (.statusCommands, "Commands typed: {count}", "已輸入指令：{count}"),
        (.statusTime, "Time: {simulated} simulated, {wall} wall", "時間：模擬 {simulated}，實際 {wall}"),

        // The `lab` command.
        (.help, """
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

            """, """
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

            """),
        (.usage, "lab: {message}; see 'lab help'", "lab: {message}；請看 'lab help'"),
        (.failure, "lab: {message}", "lab: {message}"),
        (.unknownCommand, "unknown command \"{name}\"", "沒有 \"{name}\" 這個指令"),
        (.startNeedsID, "start needs the id of a lesson or an exercise", "start 需要一個課程或練習的 id"),
        (.startTakesOneID, "start takes one id", "start 只接受一個 id"),
        (.takesNoArguments, "{name} takes no arguments", "{name} 不接受參數"),
        (.noSuchLabID, "no lesson or exercise \"{id}\"; 'lab lessons' and 'lab exercises' list them",
         "沒有 \"{id}\" 這個課程或練習；'lab lessons' 和 'lab exercises' 會列出它們"),
        (.quitSaved, "Your work is saved; 'ckalab' resumes it.", "你的成果已儲存；執行 'ckalab' 即可從這裡繼續。"),
        (.noLabStarted, "no lesson or exercise started; 'lab start ID' starts one ('lab lessons', 'lab exercises' list them)",
         "還沒有開始任何課程或練習；'lab start ID' 開始一個（'lab lessons'、'lab exercises' 會列出它們）"),
        (.lessonHasNoSolution, "a lesson has no solution: each step shows its example command",
         "課程沒有參考解答：每個步驟都會顯示它的範例指令"),
        (.resetSandbox, "Starting over in a fresh cluster.", "在全新的叢集中重新開始。"),
        (.reset, "Starting {id} over in a fresh cluster.", "在全新的叢集中重新開始 {id}。"),
        (.cannotSave, "lab: cannot save the session: {error}", "lab: 無法儲存進度：{error}"),
        (.hintLessonComplete, "The lesson is complete: no more hints.", "課程已完成：沒有更多提示了。"),
        (.hintLesson, "Hint: {text}", "提示：{text}"),
        (.tryExample, "Try: {example}", "試試：{example}"),
        (.hintNone, "This exercise has no hints; 'lab solution' shows the reference solution.",
         "這個練習沒有提示；'lab solution' 會顯示參考解答。"),
        (.hintNoMore, "No more hints (all {count} shown); 'lab solution' shows the reference solution.",
         "沒有更多提示了（{count} 個都已顯示）；'lab solution' 會顯示參考解答。"),
        (.hintNumbered, "Hint {n} of {total}: {text}", "提示 {n}/{total}：{text}"),
        (.checkLessonComplete, "✓ The lesson is complete.", "✓ 課程已完成。"),
        (.stepNotDone, "✗ Step {n} of {total} is not done yet: {detail}", "✗ 步驟 {n}/{total} 還沒完成：{detail}"),
        (.stepDone, "Step {n} done.", "步驟 {n} 完成。"),
        (.lessonComplete, "Lesson complete: {title}. 'lab lessons' lists the others, 'lab exercises' the exercises.",
         "課程完成：{title}。'lab lessons' 列出其他課程，'lab exercises' 列出練習。"),
        (.typedEquals, "type a command equal to {text}", "輸入一個和 {text} 相同的指令"),
        (.typedContains, "type a command containing {text}", "輸入一個包含 {text} 的指令"),
        (.typedMatches, "type a command matching /{pattern}/", "輸入一個符合 /{pattern}/ 的指令"),
        (.checkPassed, "✓ {name} ({earned}/{points})", "✓ {name} ({earned}/{points})"),
        (.checkFailed, "✗ {name} (0/{points}): {feedback}", "✗ {name} (0/{points})：{feedback}"),
        (.checkFound, "    found: {detail}", "    實際狀況：{detail}"),
        (.setupProblem, "! the exercise's world could not be set up: {problem}", "! 無法建立這個練習的叢集：{problem}"),
        (.pointsSoFar, "Points so far: {earned}/{total}", "目前分數：{earned}/{total}"),
        (.pointsAllPass, " (all checks pass; 'lab submit' writes your submission)", "（所有檢查都通過；'lab submit' 會寫出你的提交）"),
        (.solutionQuestion, "Show the reference solution of {id}? [y/N] ", "要顯示 {id} 的參考解答嗎？[y/N] "),
        (.solutionNotShown, "Not shown.", "不顯示。"),
        (.solutionHeading, "Reference solution of {id} (type it, or your own, then 'lab check'):",
         "{id} 的參考解答（照著輸入，或用你自己的做法，再執行 'lab check'）："),
        (.firstStep, "this is the first step", "這是第一個步驟"),
        (.lastStep, "this is the last step", "這是最後一個步驟"),
        (.lessonDone, "the lesson is complete", "課程已完成"),
        (.firstExercise, "{id} is the first exercise", "{id} 是第一個練習"),
        (.lastExercise, "{id} is the last exercise", "{id} 是最後一個練習"),
        (.onlyExercisesSubmit, "only an exercise can be submitted", "只有練習可以提交"),
        (.cannotWrite, "cannot write {path}: {error}", "無法寫入 {path}：{error}"),
        (.submissionWritten, "Submission written to {path} ({count} commands).", "提交已寫入 {path}（{count} 個指令）。"),
        (.submissionWrittenOne, "Submission written to {path} (1 command).", "提交已寫入 {path}（1 個指令）。"),
        (.submissionCheck, "Check it with: ckalab run --exercise {id} --check {path}",
         "用這個指令檢查它：ckalab run --exercise {id} --check {path}"),
        (.noTerminalEditor, "no terminal to open an editor in; write the file with a heredoc (cat > FILE <<'EOF' … EOF) or change it with sed -i",
         "沒有終端機可以開啟編輯器；用 heredoc（cat > FILE <<'EOF' … EOF）寫入檔案，或用 sed -i 修改它"),

        // The exam.
        (.examHelp, """
            lab task        show the current task
            lab task N      go to task N (each task has its own cluster)
            lab next        go to the next task
            lab back        go to the previous task
            lab status      the time left and the tasks
            lab submit      end the exam and score every task
            lab quit        leave the exam without a score
            lab help        this list

            """, """
            lab task        顯示目前的題目
            lab task N      前往第 N 題（每一題都有自己的叢集）
            lab next        前往下一題
            lab back        前往上一題
            lab status      剩餘時間和所有題目
            lab submit      結束考試並為每一題評分
            lab quit        離開考試，不評分
            lab help        這份清單

            """),
        (.examIntro, """
            CKA practice exam (seed {seed}): {count} tasks, {minutes} minutes, pass mark {passMark}%.
            Each task has its own cluster. 'lab task N' or 'lab next' moves between tasks, 'lab status' shows the time left,
            'lab submit' ends the exam and scores it. There is no feedback before the end.


            """, """
            CKA 模擬考（seed {seed}）：{count} 題，{minutes} 分鐘，及格分數 {passMark}%。
            每一題都有自己的叢集。'lab task N' 或 'lab next' 切換題目，'lab status' 顯示剩餘時間，
            'lab submit' 結束考試並評分。考試結束前不會有任何回饋。


            """),
        (.examTaskRange, "task takes a task number from 1 to {count}", "task 需要 1 到 {count} 之間的題號"),
        (.examLastTask, "this is the last task", "這是最後一題"),
        (.examFirstTask, "this is the first task", "這是第一題"),
        (.examNoFeedback, "no {name} during the exam; 'lab submit' ends it and scores every task",
         "考試中不能使用 {name}；'lab submit' 會結束考試並為每一題評分"),
        (.examTimeUp, "Time is up.", "時間到。"),
        (.examOver, "Exam over.", "考試結束。"),
        (.examLeft, "Exam left without a score.", "已離開考試，不評分。"),
        (.examTaskHeading, "Task {n} of {total} ({weight}%): {title}", "第 {n} 題，共 {total} 題（{weight}%）：{title}"),
        (.examStatus, "Time left: {clock} of {minutes} min. On task {n} of {total}.",
         "剩餘時間：{clock}（共 {minutes} 分鐘）。目前在第 {n} 題，共 {total} 題。"),
        (.examStatusRow, " {mark} task {n} ({weight}%): {title}{notStarted}", " {mark} 第 {n} 題（{weight}%）：{title}{notStarted}"),
        (.examNotStarted, ", not started", "，尚未開始"),
        (.examScoreLine, "Score: {percent}% (pass mark {passMark}%): {verdict}", "分數：{percent}%（及格分數 {passMark}%）：{verdict}"),
        (.examPassed, "PASSED", "通過"),
        (.examNotPassed, "NOT PASSED", "未通過"),
        (.examResuming, "Resuming the exam (seed {seed}): {count} lines replayed, {clock} left, on task {n} of {total}; 'lab task' shows it.",
         "繼續考試（seed {seed}）：重播了 {count} 行輸入，剩餘 {clock}，目前在第 {n} 題，共 {total} 題；'lab task' 會顯示題目。"),
        (.examCannotSave, "lab: cannot save the exam: {error}", "lab: 無法儲存考試進度：{error}"),
    ]

    /// The entries by key (the first, should a key be listed twice: a test forbids it).
    static let table: [LabMessage: Texts] = Dictionary(entries.map { ($0.key, Texts(english: $0.english, chinese: $0.chinese)) },
                                                       uniquingKeysWith: { first, _ in first })
}

import CommandKit

/// The `lab` command during an exam: moving between tasks, the time left, submitting.
enum ExamLabCommand {
    static let help = """
        lab task        show the current task
        lab task N      go to task N (each task has its own cluster)
        lab next        go to the next task
        lab back        go to the previous task
        lab status      the time left and the tasks
        lab submit      end the exam and score every task
        lab quit        leave the exam without a score
        lab help        this list

        """

    static func registry(_ link: ExamLink) -> CommandRegistry {
        CommandRegistry([Command("lab", path: "/usr/local/bin/lab") { invocation in
            guard let exam = link.exam else { return 1 }
            return run(Array(invocation.operands), exam: exam, out: invocation.stdout, err: invocation.stderr)
        }])
    }

    static func run(_ arguments: [String], exam: ExamSession, out: OutputSink, err: OutputSink) -> Int32 {
        func usage(_ message: String) -> Int32 {
            err.line("lab: \(message); see 'lab help'")
            return 2
        }
        let count = exam.plan.tasks.count
        guard let name = arguments.first else {
            out.write(help)
            return 0
        }
        let rest = Array(arguments.dropFirst())
        if name != "task", !rest.isEmpty { return usage("\(name) takes no arguments") }
        switch name {
        case "help":
            out.write(help)
        case "task":
            guard let word = rest.first else {
                out.write(exam.taskText(exam.current))
                return 0
            }
            guard rest.count == 1, let number = Int(word), (1...count).contains(number) else {
                return usage("task takes a task number from 1 to \(count)")
            }
            exam.pending = .task(number - 1)
        case "next", "back":
            let target = exam.current + (name == "next" ? 1 : -1)
            guard (0..<count).contains(target) else {
                err.line("lab: \(name == "next" ? "this is the last task" : "this is the first task")")
                return 1
            }
            exam.pending = .task(target)
        case "status":
            out.write(exam.statusText())
        case "submit":
            exam.pending = .submit
        case "quit":
            exam.pending = .quit
        case "check", "hint", "solution":
            err.line("lab: no \(name) during the exam; 'lab submit' ends it and scores every task")
            return 1
        default:
            return usage("unknown command \"\(name)\"")
        }
        return 0
    }
}

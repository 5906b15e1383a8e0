import CommandKit
import Course

/// The `lab` command during an exam: moving between tasks, the time left, submitting.
enum ExamLabCommand {
    static func registry(_ link: ExamLink) -> CommandRegistry {
        CommandRegistry([Command("lab", path: "/usr/local/bin/lab") { invocation in
            guard let exam = link.exam else { return 1 }
            return run(Array(invocation.operands), exam: exam, out: invocation.stdout, err: invocation.stderr)
        }])
    }

    static func run(_ arguments: [String], exam: ExamSession, out: OutputSink, err: OutputSink) -> Int32 {
        let say = exam.say
        func usage(_ message: String) -> Int32 {
            err.line(say(.usage, ["message": message]))
            return 2
        }
        func failure(_ message: String) -> Int32 {
            err.line(say(.failure, ["message": message]))
            return 1
        }
        let count = exam.plan.tasks.count
        guard let name = arguments.first else {
            out.write(say(.examHelp))
            return 0
        }
        let rest = Array(arguments.dropFirst())
        if name != "task", !rest.isEmpty { return usage(say(.takesNoArguments, ["name": name])) }
        switch name {
        case "help":
            out.write(say(.examHelp))
        case "task":
            guard let word = rest.first else {
                out.write(exam.taskText(exam.current))
                return 0
            }
            guard rest.count == 1, let number = Int(word), (1...count).contains(number) else {
                return usage(say(.examTaskRange, ["count": count]))
            }
            exam.pending = .task(number - 1)
        case "next", "back":
            let target = exam.current + (name == "next" ? 1 : -1)
            guard (0..<count).contains(target) else {
                return failure(say(name == "next" ? .examLastTask : .examFirstTask))
            }
            exam.pending = .task(target)
        case "status":
            out.write(exam.statusText())
        case "submit":
            exam.pending = .submit
        case "quit":
            exam.pending = .quit
        case "check", "hint", "solution":
            return failure(say(.examNoFeedback, ["name": name]))
        default:
            return usage(say(.unknownCommand, ["name": name]))
        }
        return 0
    }
}

import Cluster
import CommandKit
import Course

/// A running exam: one world per task (as the real exam gives each task its own cluster
/// context), the `lab` command to move between tasks, and the wall-clock limit.
public final class ExamSession {
    public let plan: ExamPlan
    let library: CourseLibrary
    let out: OutputSink
    let err: OutputSink
    private let wallClock: () -> Double
    private let startedAt: Double
    /// Each task's terminal, made when the task is first visited.
    private var terminals: [Int: TerminalSession] = [:]
    public private(set) var current = 0
    public private(set) var hasEnded = false
    public private(set) var score: ExamScore?
    private let link = ExamLink()
    /// A task switch or the end, asked for by a `lab` command, done once it has finished.
    var pending: Pending?

    enum Pending: Equatable {
        case task(Int)
        case submit
        case quit
    }

    public init(plan: ExamPlan, library: CourseLibrary, stdout: OutputSink, stderr: OutputSink, wallClock: @escaping () -> Double) {
        self.plan = plan
        self.library = library
        out = stdout
        err = stderr
        self.wallClock = wallClock
        startedAt = wallClock()
        link.exam = self
    }

    /// The introduction and the first task.
    public func start() {
        out.write("CKA practice exam (seed \(plan.seed)): \(plan.tasks.count) tasks, \(plan.minutes) minutes, pass mark \(ExamPlan.passMark)%.\n"
            + "Each task has its own cluster. 'lab task N' or 'lab next' moves between tasks, 'lab status' shows the time left,\n"
            + "'lab submit' ends the exam and scores it. There is no feedback before the end.\n\n")
        show(task: 0)
    }

    public var secondsLeft: Double { max(0, Double(plan.minutes) * 60 - (wallClock() - startedAt)) }
    public var timeIsUp: Bool { secondsLeft <= 0 }

    /// `[1:59:03 task 2/6] root@controlplane:~# `.
    public var prompt: String {
        "[\(Self.clock(secondsLeft)) task \(current + 1)/\(plan.tasks.count)] " + terminal(current).prompt
    }

    /// Takes one typed line; once time is up, scores the exam instead of running it.
    public func feed(_ line: String) {
        guard !hasEnded else { return }
        if timeIsUp {
            out.write("Time is up.\n")
            finish()
            return
        }
        let session = terminal(current)
        session.feed(line)
        if session.hasEnded { pending = pending ?? .submit }
        applyPending()
    }

    /// Ctrl-C on the current task's terminal.
    public func interrupt() { terminal(current).interrupt() }

    /// Input ended (Ctrl-D): the exam is scored as it stands.
    public func endOfInput() {
        terminal(current).finishInput()
        guard !hasEnded else { return }
        finish()
    }

    /// Scores every task (an unvisited one in a fresh world of its exercise) and prints the result.
    public func finish() {
        guard !hasEnded else { return }
        hasEnded = true
        var grades: [Grade] = []
        for (index, task) in plan.tasks.enumerated() {
            guard let entry = library.entries[task.exercise] else { continue }
            let world = terminals[index]?.world ?? Grader.prepareWorld(entry.exercise)
            world.advance(seconds: Double(entry.rubric.wait))
            grades.append(Grader.check(world, exercise: entry.exercise, rubric: entry.rubric))
        }
        let result = ExamScore(plan: plan, grades: grades)
        score = result
        out.write("\nExam over.\n" + result.text)
    }

    private func applyPending() {
        guard let action = pending else { return }
        pending = nil
        switch action {
        case .task(let index): show(task: index)
        case .submit: finish()
        case .quit:
            hasEnded = true
            out.write("Exam left without a score.\n")
        }
    }

    func show(task index: Int) {
        current = index
        _ = terminal(index)
        out.write(taskText(index) + "\n")
    }

    func taskText(_ index: Int) -> String {
        let task = plan.tasks[index]
        guard let exercise = library.entries[task.exercise]?.exercise else { return "" }
        return "Task \(task.number) of \(plan.tasks.count) (\(task.weight)%): \(exercise.title)\n\n" + exercise.task
            + (exercise.task.hasSuffix("\n") ? "" : "\n")
    }

    func terminal(_ index: Int) -> TerminalSession {
        if let session = terminals[index] { return session }
        let world: World
        if let entry = library.entries[plan.tasks[index].exercise] {
            world = Grader.prepareWorld(entry.exercise)
        } else {
            world = World()
        }
        let session = TerminalSession(world: world, stdout: out, stderr: err, isTerminal: false,
                                      extraCommands: ExamLabCommand.registry(link))
        terminals[index] = session
        return session
    }

    /// `lab status`: time left and where each task stands (visited or not; no scores).
    func statusText() -> String {
        var text = "Time left: \(Self.clock(secondsLeft)) of \(plan.minutes) min. On task \(current + 1) of \(plan.tasks.count).\n"
        for task in plan.tasks {
            let index = task.number - 1
            let mark = index == current ? "→" : (terminals[index] == nil ? " " : "·")
            text += " \(mark) task \(task.number) (\(task.weight)%): \(library.entries[task.exercise]?.exercise.title ?? task.exercise)"
                + (terminals[index] == nil ? ", not started" : "") + "\n"
        }
        return text
    }

    /// `1:59:03`, `4:05`.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let (hours, minutes, secs) = (total / 3_600, total / 60 % 60, total % 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(minutes):\(two(secs))"
    }
}

/// Lets the `@Sendable` `lab` command reach the exam that registered it (single-threaded).
final class ExamLink: @unchecked Sendable {
    weak var exam: ExamSession?
}

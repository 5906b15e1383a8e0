import Cluster
import CommandKit
import Course

/// A running exam: one world per task (as the real exam gives each task its own cluster
/// context), the `lab` command to move between tasks, and the wall-clock limit. With a store,
/// the exam is saved after every line typed and resumed by `start()` until it is scored or left.
public final class ExamSession {
    public private(set) var plan: ExamPlan
    let library: CourseLibrary
    let out: OutputSink
    let err: OutputSink
    private let wallClock: () -> Double
    private var startedAt: Double
    private let store: ExamStore?
    /// What is saved: the plan, the task on screen, each task's typed lines.
    private var state: ExamState
    /// Each task's terminal, made when the task is first visited.
    private var terminals: [Int: TerminalSession] = [:]
    public private(set) var current = 0
    public private(set) var hasEnded = false
    public private(set) var score: ExamScore?
    private let link = ExamLink()
    /// While true, nothing reaches the real streams (a replay).
    private let muted = ExamMuteBox()
    /// A task switch or the end, asked for by a `lab` command, done once it has finished.
    var pending: Pending?

    enum Pending: Equatable {
        case task(Int)
        case submit
        case quit
    }

    public init(plan: ExamPlan, library: CourseLibrary, stdout: OutputSink, stderr: OutputSink,
                wallClock: @escaping () -> Double, store: ExamStore? = nil) {
        self.plan = plan
        self.library = library
        let box = muted
        out = OutputSink { bytes in if !box.muted { stdout.write(bytes) } }
        err = OutputSink { bytes in if !box.muted { stderr.write(bytes) } }
        self.wallClock = wallClock
        self.store = store
        state = ExamState(plan: plan)
        startedAt = wallClock()
        link.exam = self
    }

    /// The exam's own texts, in the library's language.
    var say: LabMessages { LabMessages(library.language) }

    /// Resumes the saved unfinished exam if there is one (its plan wins over this one), else
    /// prints the introduction and the first task.
    public func start() {
        if let saved = store?.load(), fits(saved.plan) {
            resume(saved)
            return
        }
        out.write(say(.examIntro, ["seed": plan.seed, "count": plan.tasks.count, "minutes": plan.minutes, "passMark": ExamPlan.passMark]))
        show(task: 0)
        save()
    }

    /// Whether every task of a saved plan is still an exercise of the library.
    private func fits(_ saved: ExamPlan) -> Bool {
        !saved.tasks.isEmpty && saved.tasks.allSatisfy { library.entries[$0.exercise] != nil }
    }

    /// Types every saved line again, silently, into fresh worlds of the saved tasks.
    private func resume(_ saved: ExamState) {
        plan = saved.plan
        state = ExamState(plan: saved.plan)
        startedAt = wallClock() - max(0, saved.secondsUsed)
        muted.muted = true
        for history in saved.histories where plan.tasks.indices.contains(history.task) {
            let session = terminal(history.task)
            state.visit(history.task)
            for entry in history.entries where !session.hasEnded {
                if let line = entry.line { session.feed(line) } else if entry.interrupt == true { session.interrupt() }
                pending = nil
                state.record(entry, task: history.task)
            }
        }
        muted.muted = false
        current = plan.tasks.indices.contains(saved.current) ? saved.current : 0
        _ = terminal(current)
        state.current = current
        out.line(say(.examResuming, ["seed": plan.seed, "count": state.lineCount, "clock": Self.clock(secondsLeft),
                                     "n": current + 1, "total": plan.tasks.count]))
        save()
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
            out.write(say(.examTimeUp) + "\n")
            finish()
            return
        }
        let session = terminal(current)
        state.record(ExamState.Entry(line: line), task: current)
        session.feed(line)
        if session.hasEnded { pending = pending ?? .submit }
        applyPending()
        save()
    }

    /// Ctrl-C on the current task's terminal.
    public func interrupt() {
        guard !hasEnded else { return }
        state.record(ExamState.Entry(interrupt: true), task: current)
        terminal(current).interrupt()
        save()
    }

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
        store?.remove()
        var grades: [Grade] = []
        for (index, task) in plan.tasks.enumerated() {
            guard let entry = library.entries[task.exercise] else { continue }
            let world = terminals[index]?.world ?? Grader.prepareWorld(entry.exercise)
            world.advance(seconds: Double(entry.rubric.wait))
            grades.append(Grader.check(world, exercise: entry.exercise, rubric: entry.rubric))
        }
        let result = ExamScore(plan: plan, grades: grades)
        score = result
        out.write("\n" + say(.examOver) + "\n" + result.text(say))
    }

    private func applyPending() {
        guard let action = pending else { return }
        pending = nil
        switch action {
        case .task(let index): show(task: index)
        case .submit: finish()
        case .quit:
            hasEnded = true
            store?.remove()
            out.write(say(.examLeft) + "\n")
        }
    }

    func show(task index: Int) {
        current = index
        state.current = index
        state.visit(index)
        _ = terminal(index)
        out.write(taskText(index) + "\n")
    }

    func taskText(_ index: Int) -> String {
        let task = plan.tasks[index]
        guard let exercise = library.entries[task.exercise]?.exercise else { return "" }
        return say(.examTaskHeading, ["n": task.number, "total": plan.tasks.count, "weight": task.weight, "title": exercise.title])
            + "\n\n" + exercise.task + (exercise.task.hasSuffix("\n") ? "" : "\n")
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

    /// Writes the state (atomically) while the exam runs; a failure is reported, never fatal.
    private func save() {
        guard let store, !hasEnded, !muted.muted else { return }
        state.secondsUsed = wallClock() - startedAt
        do {
            try store.save(state)
        } catch {
            err.line(say(.examCannotSave, ["error": "\(error)"]))
        }
    }

    /// `lab status`: time left and where each task stands (visited or not; no scores).
    func statusText() -> String {
        var text = say(.examStatus, ["clock": Self.clock(secondsLeft), "minutes": plan.minutes, "n": current + 1,
                                     "total": plan.tasks.count]) + "\n"
        for task in plan.tasks {
            let index = task.number - 1
            let mark = index == current ? "→" : (terminals[index] == nil ? " " : "·")
            text += say(.examStatusRow, ["mark": mark, "n": task.number, "weight": task.weight,
                                         "title": library.entries[task.exercise]?.exercise.title ?? task.exercise,
                                         "notStarted": terminals[index] == nil ? say(.examNotStarted) : ""]) + "\n"
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

/// Whether the exam's output is silenced (shared with the sinks' closures).
private final class ExamMuteBox: @unchecked Sendable {
    var muted = false
}

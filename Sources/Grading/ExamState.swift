import Course
import Foundation

/// Everything needed to rebuild an unfinished exam: its plan, the task on screen, what was typed
/// into each task's terminal, and the time used. Each task's world is deterministic, so typing
/// its lines again into a fresh world of the task gives back the same cluster.
public struct ExamState: Codable, Equatable, Sendable {
    /// One thing typed into a task's terminal: a line (as entered, continuation lines too) or Ctrl-C.
    public struct Entry: Codable, Equatable, Sendable {
        public var line: String?
        public var interrupt: Bool?

        public init(line: String? = nil, interrupt: Bool? = nil) {
            self.line = line
            self.interrupt = interrupt
        }
    }

    /// A visited task and what was typed into it, in order.
    public struct History: Codable, Equatable, Sendable {
        /// 0-based index into the plan's tasks.
        public var task: Int
        public var entries: [Entry] = []
    }

    public var version = 1
    public var plan: ExamPlan
    /// 0-based index of the task on screen.
    public var current = 0
    /// Visited tasks, in the order first visited.
    public var histories: [History] = []
    /// Wall-clock seconds used so far.
    public var secondsUsed = 0.0

    public init(plan: ExamPlan) {
        self.plan = plan
    }

    /// How many lines were typed in all tasks.
    public var lineCount: Int { histories.reduce(0) { $0 + $1.entries.filter { $0.line != nil }.count } }

    mutating func record(_ entry: Entry, task: Int) {
        if let index = histories.firstIndex(where: { $0.task == task }) {
            histories[index].entries.append(entry)
        } else {
            histories.append(History(task: task, entries: [entry]))
        }
    }

    mutating func visit(_ task: Int) {
        if !histories.contains(where: { $0.task == task }) { histories.append(History(task: task)) }
    }
}

/// The unfinished exam on disk: `<home>/exam.json`, written atomically after every command and
/// removed once the exam is scored or left.
public struct ExamStore: Sendable {
    public let path: String

    /// `home` is ckalab's own folder (`$CKALAB_HOME`, default ~/.ckalab).
    public init(home: String) {
        path = home + "/exam.json"
    }

    public func save(_ state: ExamState) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try SessionStore.writeAtomically(try encoder.encode(state), to: path)
    }

    /// The saved exam, or nil (none, or unreadable: never a crash).
    public func load() -> ExamState? {
        guard let data = FileManager.default.contents(atPath: path),
              let state = try? JSONDecoder().decode(ExamState.self, from: data), state.version == 1 else { return nil }
        return state
    }

    /// Forgets the saved exam (scored or left): the next `ckalab exam` starts a new one.
    public func remove() {
        unlink(path)
    }
}

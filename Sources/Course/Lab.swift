import Cluster
import CommandKit
import Foundation

/// The learner's lab: a terminal on a world prepared for a lesson or an exercise (or a free
/// sandbox), the `lab` command inside it, the tutor that follows a lesson's steps, and the
/// state saved after every command so that nothing typed is ever lost.
public final class Lab {
    public let library: CourseLibrary
    let environment: LabEnvironment
    let out: OutputSink
    let err: OutputSink
    public private(set) var session: TerminalSession
    public internal(set) var state: LabState
    public private(set) var hasEnded = false

    /// While true, nothing reaches the real streams (a replay).
    private var muted = false
    /// Replaying saved entries: the lab's effects outside the world (files, quitting, switching) are off.
    var replaying = false
    private let link = LabLink()
    private let editor = RecordingEditor()
    /// What a `lab` command asked for, done once the command has finished.
    var pending: Pending?
    /// `lab solution` waits for a `y`.
    var awaitingConfirmation = false
    /// Lesson steps achieved (0-based); going back to one does not re-announce it.
    var completedSteps: Set<Int> = []
    private var wallAtOpen = 0.0
    private var simulatedStart: Int64 = 0

    enum Pending {
        case open(LabState.Kind, String, fresh: Bool)
        case quit
    }

    public init(library: CourseLibrary, environment: LabEnvironment, stdout: OutputSink, stderr: OutputSink) {
        self.library = library
        self.environment = environment
        editor.inner = environment.editor
        editor.noTerminal = LabMessages(library.language)(.noTerminalEditor)
        // The session writes through these, so a replay can be silenced.
        let box = MuteBox()
        out = OutputSink { bytes in if !box.muted { stdout.write(bytes) } }
        err = OutputSink { bytes in if !box.muted { stderr.write(bytes) } }
        muteBox = box
        state = LabState(kind: .sandbox, id: "", seed: WorldDescription.standard.seed)
        session = TerminalSession(world: World(), stdout: out, stderr: err, isTerminal: false)
        link.lab = self
    }

    private let muteBox: MuteBox

    /// The learner's real editor (set once a terminal is known to be there).
    public func useEditor(_ bridge: EditorBridge) {
        editor.inner = bridge
    }

    // MARK: - What is open

    public var exercise: Exercise? { state.kind == .exercise ? library.entries[state.id]?.exercise : nil }
    public var rubric: Rubric? { state.kind == .exercise ? library.entries[state.id]?.rubric : nil }
    public var lesson: Lesson? { state.kind == .lesson ? library.lessons[state.id] : nil }

    /// The lab's own texts, in the library's language.
    public var say: LabMessages { LabMessages(library.language) }

    /// Whether `id` names a lesson or an exercise (exercises first).
    public func kind(of id: String) -> LabState.Kind? {
        if library.entries[id] != nil { return .exercise }
        if library.lessons[id] != nil { return .lesson }
        return nil
    }

    /// Opens a lab: resumes its saved state unless `fresh`, else starts it anew. Prints the
    /// banner (or `Resuming …`) when `announce`. False if there is no such lesson or exercise.
    @discardableResult
    public func open(_ kind: LabState.Kind, _ id: String = "", fresh: Bool = false, announce: Bool = true) -> Bool {
        let content: Exercise?
        switch kind {
        case .sandbox: content = nil
        case .exercise:
            guard let exercise = library.entries[id]?.exercise else { return false }
            content = exercise
        case .lesson:
            guard let lesson = library.lessons[id] else { return false }
            content = lesson.asExercise
        }
        let seed = content?.world.seed ?? WorldDescription.standard.seed
        var fresh = fresh
        var saved = fresh ? nil : environment.store?.load(key: LabState(kind: kind, id: id, seed: seed).key)
        if let previous = saved, previous.seed != seed { saved = nil; fresh = true }
        var newState = saved ?? LabState(kind: kind, id: id, seed: seed)
        if fresh, let previous = environment.store?.load(key: newState.key) {
            // Starting over keeps the hints seen and the time spent.
            newState.hintsBefore = previous.hintsUsed
            newState.hintsUsed = previous.hintsUsed
            newState.wallSeconds = previous.wallSeconds
        }
        let entries = newState.entries
        state = newState
        state.entries = []
        state.hintsUsed = state.hintsBefore
        state.step = 0
        state.lastScore = nil
        completedSteps = []
        awaitingConfirmation = false
        session = makeSession(content)
        wallAtOpen = environment.wallClock()
        if !entries.isEmpty { replay(entries) }
        if announce {
            if saved != nil, !entries.isEmpty {
                let count = state.commandCount
                let what = kind == .sandbox ? say(.theSandbox) : id
                out.line(say(count == 1 ? .resumingOne : .resuming, ["what": what, "count": count]))
                out.write(LabText.reminder(self))
            } else {
                out.write(LabText.banner(self))
            }
        }
        save()
        return true
    }

    private func makeSession(_ content: Exercise?) -> TerminalSession {
        var world: World
        if let content {
            var exercise = content
            exercise.world.seed = state.seed
            world = Grader.prepareWorld(exercise)
        } else {
            world = World()
        }
        simulatedStart = world.clock.now
        let session = TerminalSession(world: world, stdout: out, stderr: err, isTerminal: environment.isTerminal,
                                      terminalWidth: environment.terminalWidth, extraCommands: LabCommand.registry(link))
        session.editor = editor
        session.afterCommand = { [unowned self] source in afterCommand(source) }
        session.argumentCompleter = { [unowned self] words, word in LabCommand.complete(words: words, word: word, lab: self) }
        return session
    }

    /// Types `entries` again, silently, into the fresh world.
    private func replay(_ entries: [LabState.Entry]) {
        muteBox.muted = true
        replaying = true
        editor.replaying = true
        defer {
            muteBox.muted = false
            replaying = false
            editor.replaying = false
        }
        for entry in entries {
            if session.hasEnded { break }
            if let line = entry.line {
                editor.queued = entry.edits ?? []
                session.feed(line)
                session.finishInput()
            } else if let answer = entry.answer {
                feed(answer)
            } else if entry.endOfInput == true {
                session.endOfInput()
            }
            state.entries.append(entry)
        }
        editor.queued = []
    }

    // MARK: - Input from the REPL

    /// `root@controlplane:~# `, or the question the lab is asking.
    public var prompt: String {
        awaitingConfirmation ? LabText.solutionQuestion(self) : session.prompt
    }

    public func feed(_ line: String) {
        guard !hasEnded else { return }
        if awaitingConfirmation {
            awaitingConfirmation = false
            if !replaying { state.entries.append(LabState.Entry(answer: line)) }
            LabActions.showSolution(self, answer: line, out: out)
            save()
            return
        }
        session.feed(line)
        if session.hasEnded { hasEnded = true }
    }

    public func interrupt() {
        if awaitingConfirmation {
            awaitingConfirmation = false
            out.line("")
            return
        }
        session.interrupt()
    }

    /// Ctrl-D: leaves the current shell (from a node reached by ssh, or the lab itself).
    public func endOfInput() {
        session.endOfInput()
        if session.hasEnded {
            hasEnded = true
        } else {
            state.entries.append(LabState.Entry(endOfInput: true))
            save()
        }
    }

    /// Input ended (a script): runs a half-typed command as bash would.
    public func finishInput() {
        session.finishInput()
        if session.hasEnded { hasEnded = true }
    }

    public func complete(line: String, cursor: Int) -> (wordStart: Int, candidates: [String]) {
        session.complete(line: line, cursor: cursor)
    }

    // MARK: - After every command

    private func afterCommand(_ source: String) {
        let edits = editor.take()
        if session.hasEnded { return }
        if !replaying {
            state.entries.append(LabState.Entry(line: source, edits: edits.isEmpty ? nil : edits))
        }
        if state.kind == .lesson, !LabCommand.isLabLine(source) { Tutor.afterCommand(source, lab: self) }
        guard !replaying else {
            pending = nil
            return
        }
        switch pending {
        case .quit?:
            pending = nil
            save()
            hasEnded = true
            session.end()
            return
        case let .open(kind, id, fresh)?:
            pending = nil
            save()
            open(kind, id, fresh: fresh)
            return
        case nil:
            save()
        }
    }

    // MARK: - Saving

    /// Simulated seconds since the world was created.
    public var simulatedSeconds: Double { Double(session.world.clock.now - simulatedStart) / 1_000_000_000 }

    /// Wall seconds spent on this lab, earlier runs included.
    public var wallSeconds: Double { state.wallSeconds + max(0, environment.wallClock() - wallAtOpen) }

    /// Writes the state (atomically). A failure is reported once per command, never fatal.
    func save() {
        guard !replaying, let store = environment.store else { return }
        var snapshot = state
        snapshot.wallSeconds = wallSeconds
        snapshot.simulatedSeconds = simulatedSeconds
        do {
            try store.save(snapshot)
        } catch {
            err.line(say(.cannotSave, ["error": "\(error)"]))
        }
    }
}

/// Whether the lab's output is silenced (shared with the sinks' closures).
private final class MuteBox {
    var muted = false
}

extension Lab {
    /// Feeds a whole script line by line, as typing it would (`ckalab run --exercise`);
    /// with `echo`, prints each prompt and line first. Returns the last command's status.
    @discardableResult
    public func runScript(_ script: String, echo: Bool = false) -> Int32 {
        var lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if script.hasSuffix("\n") { lines.removeLast() }
        for line in lines {
            if hasEnded { break }
            if echo { out.write(prompt + line + "\n") }
            feed(line)
        }
        finishInput()
        return session.lastStatus
    }
}

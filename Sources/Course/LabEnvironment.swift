import Cluster
import Foundation

/// What the lab needs from outside the simulation: where states are saved, the wall clock,
/// who the learner is, where submissions go. The executable fills it; tests fake it.
public struct LabEnvironment {
    /// nil: nothing is saved (`ckalab run`, tests of the commands alone).
    public var store: SessionStore?
    /// Seconds on a real clock (only differences are used).
    public var wallClock: () -> Double
    public var learner: String
    public var version: String
    public var submissionsDirectory: String
    /// Writes a real file (a submission), atomically.
    public var writeFile: (String, Data) throws -> Void
    public var isTerminal: Bool
    public var terminalWidth: Int
    /// The learner's real editor, when a terminal is there.
    public var editor: EditorBridge?

    public init(store: SessionStore?, wallClock: @escaping () -> Double, learner: String, version: String,
                submissionsDirectory: String, writeFile: @escaping (String, Data) throws -> Void = { path, data in try SessionStore.writeAtomically(data, to: path) },
                isTerminal: Bool = false, terminalWidth: Int = 80, editor: EditorBridge? = nil) {
        self.store = store
        self.wallClock = wallClock
        self.learner = learner
        self.version = version
        self.submissionsDirectory = submissionsDirectory
        self.writeFile = writeFile
        self.isTerminal = isTerminal
        self.terminalWidth = terminalWidth
        self.editor = editor
    }
}

/// Stands between the shell's editors and the learner's real one: records what each editor
/// session ended with, and on a replay hands back the recorded outcomes instead.
final class RecordingEditor: EditorBridge {
    var inner: EditorBridge?
    private(set) var recorded: [LabState.Edit] = []
    var queued: [LabState.Edit] = []
    var replaying = false

    /// What an editor says when there is no terminal to open it in (in the lab's language).
    var noTerminal = LabMessages(.english)(.noTerminalEditor)

    func edit(name: String, contents: [UInt8]) -> EditOutcome {
        if replaying {
            guard !queued.isEmpty else { return .unchanged }
            return Self.outcome(queued.removeFirst())
        }
        let outcome = inner?.edit(name: name, contents: contents) ?? .failed(noTerminal)
        switch outcome {
        case .unchanged: recorded.append(LabState.Edit())
        case .saved(let bytes): recorded.append(LabState.Edit(saved: Data(bytes)))
        case .failed(let message): recorded.append(LabState.Edit(failed: message))
        }
        return outcome
    }

    /// The outcomes recorded since the last call.
    func take() -> [LabState.Edit] {
        defer { recorded = [] }
        return recorded
    }

    private static func outcome(_ edit: LabState.Edit) -> EditOutcome {
        if let saved = edit.saved { return .saved([UInt8](saved)) }
        if let failed = edit.failed { return .failed(failed) }
        return .unchanged
    }
}

/// Lets the `@Sendable` body of the `lab` command reach the lab that registered it.
final class LabLink: @unchecked Sendable {
    weak var lab: Lab?
}

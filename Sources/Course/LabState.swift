import Foundation

/// Everything needed to rebuild a learner's lab: what it is (sandbox, exercise, lesson), the
/// seed, and what was typed since its world was created. The world is deterministic, so
/// replaying `entries` in a fresh world of the same seed gives back the same cluster, the same
/// files, the same progress.
public struct LabState: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case sandbox, exercise, lesson
    }

    /// One thing the learner did: a command (with what their editor saved while it ran), or an
    /// answer to a lab question (`y` to `lab solution`).
    public struct Entry: Codable, Equatable, Sendable {
        public var line: String?
        public var answer: String?
        /// One per editor the command opened, in order.
        public var edits: [Edit]?
        /// Ctrl-D that left a shell reached by ssh.
        public var endOfInput: Bool?

        public init(line: String? = nil, answer: String? = nil, edits: [Edit]? = nil, endOfInput: Bool? = nil) {
            self.line = line
            self.answer = answer
            self.edits = edits
            self.endOfInput = endOfInput
        }
    }

    /// What an editor session ended with (neither field: closed without a change).
    public struct Edit: Codable, Equatable, Sendable {
        public var saved: Data?
        public var failed: String?

        public init(saved: Data? = nil, failed: String? = nil) {
            self.saved = saved
            self.failed = failed
        }
    }

    public var version = 1
    public var kind: Kind
    /// The exercise or lesson id; empty for the sandbox.
    public var id: String
    public var seed: UInt64
    /// Since the world was created (`lab start`, `lab reset`).
    public var entries: [Entry] = []
    /// Hints shown before the world was last reset (they stay used).
    public var hintsBefore = 0
    /// Hints used in all, and the lesson step (0-based): for `lab status` and lists without a replay.
    public var hintsUsed = 0
    public var step = 0
    /// Wall-clock seconds spent in earlier runs of ckalab (this one's are added when saved).
    public var wallSeconds = 0.0
    /// Simulated seconds since the world was created.
    public var simulatedSeconds = 0.0
    /// The last `lab check`: earned of total (exercises).
    public var lastScore: [Int]?

    public init(kind: Kind, id: String, seed: UInt64) {
        self.kind = kind
        self.id = id
        self.seed = seed
    }

    /// The store's file name for this lab: `exercise-ds-config-file`.
    public var key: String { kind == .sandbox ? "sandbox" : "\(kind.rawValue)-\(id)" }

    /// How many commands `entries` holds (answers are not commands).
    public var commandCount: Int { entries.filter { $0.line != nil }.count }
}

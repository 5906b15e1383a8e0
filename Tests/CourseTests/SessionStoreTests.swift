@testable import Course
import Foundation
import Testing

/// States are written atomically, and a lab rebuilt from its saved file is the lab that was left.
struct SessionStoreTests {
    private func temporaryHome() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ckalab-store-\(UUID().uuidString)").path
    }

    @Test func savesAndLoadsTheCurrentState() throws {
        let home = temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let store = SessionStore(home: home)
        var state = LabState(kind: .exercise, id: "ds-config-file", seed: 17)
        state.entries = [LabState.Entry(line: "vi a.yaml", edits: [LabState.Edit(saved: Data("x: 1\n".utf8))]),
                         LabState.Entry(answer: "y")]
        try store.save(state)
        #expect(store.load(key: "exercise-ds-config-file") == state)
        #expect(store.current() == state)
        // No temp file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory).sorted() == ["current", "exercise-ds-config-file.json"])
    }

    @Test func aTornTempFileNeverReplacesTheGoodOne() throws {
        let home = temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let store = SessionStore(home: home)
        let state = LabState(kind: .lesson, id: "static-pods-basics", seed: 5)
        try store.save(state)
        // A crash mid-write leaves a half-written temp file beside the state; it is never read.
        let torn = store.path(for: state.key) + ".tmp-99999"
        try Data("{\"version\": 1, \"kind\": \"les".utf8).write(to: URL(fileURLWithPath: torn))
        #expect(store.load(key: state.key) == state)
        // A torn state file itself (written by something else) is ignored, not a crash.
        try Data("{\"version\": 1, \"ki".utf8).write(to: URL(fileURLWithPath: store.path(for: "exercise-x")))
        #expect(store.load(key: "exercise-x") == nil)
    }

    @Test func writingIntoAMissingFolderFailsCleanly() {
        #expect(throws: (any Error).self) {
            try SessionStore.writeAtomically(Data("x".utf8), to: "/proc/no-such-place/state.json")
        }
    }
}

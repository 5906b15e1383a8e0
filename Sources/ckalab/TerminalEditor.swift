import Cluster
import Foundation

/// Opens the learner's real `$VISUAL`/`$EDITOR` (default `vi`) on a temporary copy of a
/// simulated file and hands back what was saved. Only used when a real terminal is there.
final class TerminalEditor: EditorBridge {
    func edit(name: String, contents: [UInt8]) -> EditOutcome {
        let environment = ProcessInfo.processInfo.environment
        let editor = environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ckalab-edit-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name.isEmpty ? "file" : name)
        do {
            try Data(contents).write(to: file)
        } catch {
            return .failed("cannot prepare a temporary file for the editor")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \(editor) \"$1\"", "editor", file.path]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return .failed("cannot start the editor '\(editor)'")
        }
        guard process.terminationStatus == 0 else {
            return .failed("the editor '\(editor)' exited with status \(process.terminationStatus); file not changed")
        }
        guard let saved = try? Data(contentsOf: file) else { return .unchanged }
        let bytes = [UInt8](saved)
        return bytes == contents ? .unchanged : .saved(bytes)
    }
}

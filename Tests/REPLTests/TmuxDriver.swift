import Foundation
import HostProcess

/// Drives a program in a detached tmux session, as a person at a terminal would:
/// types keys, reads the screen.
final class TmuxDriver {
    let session: String
    private(set) var isRunning = true

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    init(command: String, width: Int = 120, height: Int = 40) throws {
        session = "ckalab-test-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        try Self.tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", command])
        try? Self.tmux(["set-option", "-t", session, "remain-on-exit", "on"])
    }

    deinit {
        try? Self.tmux(["kill-session", "-t", session])
    }

    /// Types literal text (no Enter).
    func type(_ text: String) throws {
        try Self.tmux(["send-keys", "-t", session, "-l", text])
    }

    /// Presses named keys: "Enter", "Up", "Tab", "C-c", "C-d".
    func press(_ keys: String...) throws {
        try Self.tmux(["send-keys", "-t", session] + keys)
    }

    func screen() throws -> String {
        try Self.tmux(["capture-pane", "-p", "-t", session])
    }

    /// The screen's lines without trailing blanks.
    func lines() throws -> [String] {
        var lines = try screen().split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop { $0 == " " }.reversed())
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Waits until `predicate` holds for the screen, up to `timeout` seconds.
    @discardableResult
    func waitFor(_ timeout: Double = 10, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxError.timeout(screen: last)
    }

    /// Whether the program in the pane has exited.
    func paneIsDead() throws -> Bool {
        try Self.tmux(["display-message", "-p", "-t", session, "#{pane_dead}"]).hasPrefix("1")
    }

    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        // The tmux server that `new-session` starts inherits the client's descriptors;
        // HostCommand stops reading when the client exits.
        let run = HostCommand.run("/usr/bin/env", ["tmux"] + arguments, timeout: 30)
        guard run.status == 0 else { throw TmuxError.failed(arguments) }
        return run.stdoutText
    }
}

enum TmuxError: Error, CustomStringConvertible {
    case failed([String])
    case timeout(screen: String)

    var description: String {
        switch self {
        case .failed(let arguments): "tmux \(arguments.joined(separator: " ")) failed"
        case .timeout(let screen): "timed out; the screen was:\n\(screen)"
        }
    }
}

/// The `ckalab` binary built next to the tests (`$CKALAB_BIN` overrides).
func ckalabBinary() -> String? {
    if let path = ProcessInfo.processInfo.environment["CKALAB_BIN"] { return path }
    var directory = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { directory.deleteLastPathComponent() }
    let candidates = [".build/debug/ckalab", ".build/x86_64-unknown-linux-gnu/debug/ckalab", ".build/release/ckalab"]
    for candidate in candidates {
        let path = directory.appendingPathComponent(candidate).path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    // Next to the test bundle, whatever the build folder is called.
    let bundle = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("ckalab").path
    return FileManager.default.isExecutableFile(atPath: bundle) ? bundle : nil
}

import Foundation
import HostProcess

/// Drives a program in a detached tmux session, as a person at a terminal would:
/// types keys, reads the screen. Each driver has a tmux server of its own (`-L`), so suites
/// that run at the same time never race to start or share one.
final class TmuxDriver {
    let session: String
    private(set) var isRunning = true

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    init(command: String, width: Int = 120, height: Int = 40) throws {
        session = "ckalab-test-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        try tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", command])
        try? tmux(["set-option", "-t", session, "remain-on-exit", "on"])
    }

    deinit {
        try? tmux(["kill-server"])
    }

    /// Types literal text (no Enter).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", session, "-l", text])
    }

    /// Presses named keys: "Enter", "Up", "Tab", "C-c", "C-d".
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", session] + keys)
    }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", session])
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
    /// The default is generous: CI runs this beside every other suite on two cores.
    func waitFor(_ timeout: Double = 45, _ predicate: (String) -> Bool) throws -> String {
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
        try tmux(["display-message", "-p", "-t", session, "#{pane_dead}"]).hasPrefix("1")
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        // The tmux server that `new-session` starts inherits the client's descriptors;
        // HostCommand stops reading when the client exits.
        let run = HostCommand.run("/usr/bin/env", ["tmux", "-L", session] + arguments, timeout: 30)
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

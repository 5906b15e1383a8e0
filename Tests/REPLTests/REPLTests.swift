import Foundation
import Testing

/// The REPL in a real terminal: typing, history, completion, ssh, Ctrl-C, Ctrl-D.
@Suite(.serialized) struct REPLTests {
    let prompt = "root@controlplane:~# "
    /// The prompt as capture-pane shows it on an empty line: trailing blanks trimmed.
    let emptyPrompt = "root@controlplane:~#"

    private func start(locale: String = "LANG=C.UTF-8") throws -> (TmuxDriver, URL) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ckalab-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        guard let binary = ckalabBinary() else { throw TmuxError.failed(["ckalab binary not built"]) }
        let driver = try TmuxDriver(command: "env CKALAB_HOME='\(home.path)' \(locale) '\(binary)'")
        try driver.waitFor { $0.contains(emptyPrompt) }
        return (driver, home)
    }

    /// Waits until the REPL is back at an empty prompt. Keys sent earlier, while a command
    /// still runs, reach a terminal in cooked mode: it echoes them before the prompt (`^[[A`),
    /// and the screen no longer shows what a person waiting for the prompt would see.
    private func waitForPrompt(_ repl: TmuxDriver, _ prompt: String? = nil) throws {
        let expected = prompt ?? emptyPrompt
        try repl.waitFor { _ in (try? repl.lines().last) == expected }
    }

    @Test(.enabled(if: TmuxDriver.isAvailable)) func typingHistoryAndCompletion() throws {
        let (repl, home) = try start()
        defer { try? FileManager.default.removeItem(at: home) }

        try repl.type("echo hello")
        try repl.press("Enter")
        try repl.waitFor { $0.components(separatedBy: "\nhello\n").count == 2 }
        try waitForPrompt(repl)

        // Up-arrow brings the last command back.
        try repl.press("Up")
        try repl.waitFor { _ in (try? repl.lines().last) == "\(prompt)echo hello" }
        try repl.press("Enter")
        try repl.waitFor { $0.components(separatedBy: "\nhello\n").count == 3 }
        try waitForPrompt(repl)

        // Tab completes a path on the simulated node.
        try repl.type("cat /etc/hostn")
        try repl.press("Tab")
        try repl.waitFor { _ in (try? repl.lines().last) == "\(prompt)cat /etc/hostname" }
        try repl.press("Enter")
        try repl.waitFor { $0.contains("\ncontrolplane\n") }
        try waitForPrompt(repl)

        // Tab completes a command name.
        try repl.type("hostn")
        try repl.press("Tab")
        try repl.waitFor { _ in (try? repl.lines().last)?.hasPrefix("\(prompt)hostname") == true }
        try repl.press("C-c")
        try waitForPrompt(repl)

        try repl.press("C-d")
        try repl.waitFor { _ in (try? repl.paneIsDead()) == true }
        let history = try String(contentsOf: home.appendingPathComponent("history"), encoding: .utf8)
        #expect(history.contains("echo hello"))
        #expect(history.contains("cat /etc/hostname"))
    }

    /// Chinese and full-width characters typed at the prompt reach the shell whole, and the
    /// cursor moves over them, in a UTF-8 terminal and in one whose locale is plain C.
    @Test(.enabled(if: TmuxDriver.isAvailable), arguments: ["LANG=C.UTF-8", "LC_ALL=C"])
    func typingChineseAndFullWidthCharacters(locale: String) throws {
        let (repl, home) = try start(locale: locale)
        defer { try? FileManager.default.removeItem(at: home) }

        try repl.type("echo 'a！b 你好' | wc -c")
        try repl.press("Enter")
        try repl.waitFor { $0.contains("\n13\n") }
        try waitForPrompt(repl)
        // Back over two wide characters, drop the space before them, type there.
        try repl.type("echo 中文")
        try repl.press("Left", "Left", "BSpace")
        try repl.type("X")
        try repl.press("Enter")
        try repl.waitFor { $0.contains("echoX中文: command not found") }
    }

    @Test(.enabled(if: TmuxDriver.isAvailable)) func sshAndBackWithCtrlD() throws {
        let (repl, home) = try start()
        defer { try? FileManager.default.removeItem(at: home) }

        try repl.type("ssh node01")
        try repl.press("Enter")
        try repl.waitFor { _ in (try? repl.lines().last) == "root@node01:~# " || (try? repl.lines().last) == "root@node01:~#" }
        try repl.type("hostname")
        try repl.press("Enter")
        try repl.waitFor { $0.contains("\nnode01\n") }
        try waitForPrompt(repl, "root@node01:~#")

        try repl.press("C-d")
        try repl.waitFor { $0.contains("logout\nConnection to node01 closed.\n") }
        try waitForPrompt(repl)

        try repl.type("exit")
        try repl.press("Enter")
        try repl.waitFor { _ in (try? repl.paneIsDead()) == true }
    }

    @Test(.enabled(if: TmuxDriver.isAvailable)) func ctrlCClearsTheLineAndKeepsTheLab() throws {
        let (repl, home) = try start()
        defer { try? FileManager.default.removeItem(at: home) }

        try repl.type("echo never-run")
        try repl.press("C-c")
        try repl.waitFor { $0.contains("echo never-run^C\n") }
        try waitForPrompt(repl)
        try repl.type("echo status=$?")
        try repl.press("Enter")
        try repl.waitFor { $0.contains("\nstatus=130\n") }
        try waitForPrompt(repl)
        #expect(!(try repl.screen()).contains("\nnever-run\n"))

        // A half-typed heredoc is dropped too.
        try repl.type("cat <<EOF")
        try repl.press("Enter")
        try repl.waitFor { _ in (try? repl.lines().last) == ">" || (try? repl.lines().last) == "> " }
        try repl.press("C-c")
        try repl.waitFor { _ in (try? repl.lines().last) == emptyPrompt }
        try repl.type("exit")
        try repl.press("Enter")
        try repl.waitFor { _ in (try? repl.paneIsDead()) == true }
    }
}

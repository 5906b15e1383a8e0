import ArgumentParser
import Cluster
import LineEditor

/// `ckalab` alone: a free cluster to experiment in, nothing graded.
struct Sandbox: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Open a shell in a fresh simulated cluster (the default)."
    )

    func run() throws {
        let home = LabHome.directory()
        LabHome.ensureExists(home)
        let session = TerminalSession(world: World(), stdout: StandardStreams.stdout, stderr: StandardStreams.stderr,
                                      isTerminal: StandardStreams.stdoutIsTerminal,
                                      terminalWidth: StandardStreams.terminalWidth)
        let editor = LineEditor(historyFile: home + "/history") { line, cursor in
            let found = session.complete(line: line, cursor: cursor)
            return CompletionCandidates(wordStart: found.wordStart, candidates: found.candidates)
        }
        if editor.isInteractive { session.editor = TerminalEditor() }
        REPL(session: session, editor: editor).loop()
        throw ExitCode(session.lastStatus)
    }
}

/// Reads lines, feeds them to the session, until the learner leaves.
struct REPL {
    let session: TerminalSession
    let editor: LineEditor

    func loop() {
        while !session.hasEnded {
            switch editor.readLine(prompt: session.prompt) {
            case .line(let line):
                editor.addHistory(line)
                session.feed(line)
            case .interrupted:
                session.interrupt()
            case .endOfFile:
                if !editor.isInteractive {
                    session.finishInput()
                    return
                }
                session.endOfInput()
            }
        }
    }
}

import ArgumentParser
import Cluster
import Course
import Foundation
import LineEditor

/// Options every lab entry point shares: where the content is, the language, the learner.
struct LabOptions: ParsableArguments {
    @Option(help: "The folder holding lessons/, exercises/, solutions/ and grader/ (default: found from here or from ckalab's own folder).")
    var root: String?

    @Option(help: "The language of lessons and exercises: en or zh-TW (default: from LC_ALL/LANG).")
    var lang: String?

    @Option(help: "The learner's name in submissions (default: $USER).")
    var name: String?

    func language() throws -> Language {
        guard let lang else { return Language.from(environment: ProcessInfo.processInfo.environment) }
        guard let language = Language(rawValue: lang) else {
            throw ValidationError("--lang must be en or zh-TW, got '\(lang)'")
        }
        return language
    }

    /// `--root`, `$CKALAB_ROOT`, else the first folder holding exercises/ above the current
    /// directory or above the executable.
    func contentRoot() -> String {
        if let root { return root }
        let environment = ProcessInfo.processInfo.environment
        if let root = environment["CKALAB_ROOT"], !root.isEmpty { return root }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for start in [URL(fileURLWithPath: FileManager.default.currentDirectoryPath), executable] {
            var url = start
            for _ in 0..<8 {
                if FileManager.default.fileExists(atPath: url.appendingPathComponent("exercises").path) { return url.path }
                url.deleteLastPathComponent()
            }
        }
        return "."
    }

    func library() throws -> CourseLibrary {
        CourseLibrary.load(root: contentRoot(), language: try language())
    }

    func environment(saving: Bool, editor: EditorBridge? = nil) -> LabEnvironment {
        let home = LabHome.directory()
        let environment = ProcessInfo.processInfo.environment
        let learner = name ?? environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "learner"
        return LabEnvironment(store: saving ? SessionStore(home: home) : nil, wallClock: LabREPL.wallClock,
                              learner: learner, version: Ckalab.version, submissionsDirectory: home + "/submissions",
                              isTerminal: StandardStreams.stdoutIsTerminal, terminalWidth: StandardStreams.terminalWidth,
                              editor: editor)
    }
}

/// The interactive lab: a line editor feeding a `Lab` until the learner leaves.
enum LabREPL {
    static func wallClock() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Opens what `open` opens in a lab that saves, and runs the REPL; the exit status is the last command's.
    static func run(options: LabOptions, open: (Lab) -> Bool) throws -> Never {
        let home = LabHome.directory()
        LabHome.ensureExists(home)
        let library = try options.library()
        let lab = Lab(library: library, environment: options.environment(saving: true, editor: nil),
                      stdout: StandardStreams.stdout, stderr: StandardStreams.stderr)
        let editor = LineEditor(historyFile: home + "/history") { line, cursor in
            let found = lab.complete(line: line, cursor: cursor)
            return CompletionCandidates(wordStart: found.wordStart, candidates: found.candidates)
        }
        if editor.isInteractive { lab.useEditor(TerminalEditor()) }
        guard open(lab) else { throw ExitCode(2) }
        while !lab.hasEnded {
            switch editor.readLine(prompt: lab.prompt) {
            case .line(let line):
                editor.addHistory(line)
                lab.feed(line)
            case .interrupted:
                lab.interrupt()
            case .endOfFile:
                if !editor.isInteractive {
                    lab.finishInput()
                    throw ExitCode(lab.session.lastStatus)
                }
                lab.endOfInput()
            }
        }
        throw ExitCode(lab.session.lastStatus)
    }
}

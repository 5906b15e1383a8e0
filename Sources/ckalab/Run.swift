import ArgumentParser
import Cluster
import Course
import Foundation

/// `ckalab run`: a script typed into a fresh lab, non-interactively.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run commands from a file (or - for stdin) in a fresh lab and print what the REPL would.",
        discussion: """
            Each line is fed to the lab as if typed at its prompt; the exit status is the last \
            command's. With --exercise, the script runs in that exercise's world, where `lab` \
            commands work (a submission written by `lab submit` replays as it was typed).
            """
    )

    @Flag(help: "Also print each prompt and command, like a transcript.")
    var echo = false

    @Option(help: "Run in this exercise's world (its seed, nodes, setup).")
    var exercise: String?

    @Flag(help: "With --exercise: after the script, run `lab check` (its status is the exit status).")
    var check = false

    @OptionGroup var options: LabOptions

    @Argument(help: "The script to run; - or nothing reads standard input.")
    var file: String = "-"

    func run() throws {
        let data: Data
        do {
            data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                : try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw ValidationError("cannot read \(file): \(error.localizedDescription)")
        }
        let script = String(decoding: data, as: UTF8.self)
        guard let exercise else {
            if check { throw ValidationError("--check needs --exercise") }
            let session = TerminalSession(world: World(), stdout: StandardStreams.stdout, stderr: StandardStreams.stderr,
                                          isTerminal: StandardStreams.stdoutIsTerminal, terminalWidth: StandardStreams.terminalWidth)
            throw ExitCode(session.runScript(script, echo: echo))
        }
        let library = try options.library()
        guard library.entries[exercise] != nil else {
            for problem in library.problems where problem.file.contains("/\(exercise).") {
                StandardStreams.stderr.line(problem.description)
            }
            throw ValidationError("no exercise \"\(exercise)\"; 'ckalab list' lists them")
        }
        if let fields = Submission.fields(of: script), let other = fields["exercise"], other != exercise {
            throw ValidationError("\(file) is a submission for \(other), not \(exercise)")
        }
        let lab = Lab(library: library, environment: options.environment(saving: false),
                      stdout: StandardStreams.stdout, stderr: StandardStreams.stderr)
        lab.open(.exercise, exercise, fresh: true, announce: false)
        lab.runScript(script, echo: echo)
        if check, !lab.hasEnded {
            lab.runScript("lab check\n", echo: echo)
        }
        throw ExitCode(lab.session.lastStatus)
    }
}

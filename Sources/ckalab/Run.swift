import ArgumentParser
import Cluster
import Foundation

/// `ckalab run`: a script typed into a fresh lab, non-interactively.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run commands from a file (or - for stdin) in a fresh lab and print what the REPL would.",
        discussion: "Each line is fed to the lab as if typed at its prompt; the exit status is the last command's."
    )

    @Flag(help: "Also print each prompt and command, like a transcript.")
    var echo = false

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
        let session = TerminalSession(world: World(), stdout: StandardStreams.stdout, stderr: StandardStreams.stderr,
                                      isTerminal: StandardStreams.stdoutIsTerminal, terminalWidth: StandardStreams.terminalWidth)
        let status = session.runScript(String(decoding: data, as: UTF8.self), echo: echo)
        throw ExitCode(status)
    }
}

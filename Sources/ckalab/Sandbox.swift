import ArgumentParser
import Cluster
import Course

/// `ckalab` alone: resumes the lab used last, or opens a free cluster to experiment in.
struct Sandbox: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Resume the lab you left, or open a shell in a fresh simulated cluster (the default)."
    )

    @OptionGroup var options: LabOptions
    @Flag(help: "A fresh sandbox, even if a lab was left unfinished.")
    var new = false

    func run() throws {
        try LabREPL.run(options: options) { lab in
            if !new, let last = SessionStore(home: LabHome.directory()).current(),
               last.kind == .sandbox || lab.kind(of: last.id) == last.kind {
                return lab.open(last.kind, last.id)
            }
            return lab.open(.sandbox, fresh: new, announce: false)
        }
    }
}

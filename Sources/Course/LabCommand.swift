import CommandKit
import Foundation

/// The `lab` command, registered on every node of the learner's terminal. Usage errors are one
/// line and exit status 2, as a CLI's: `lab: unknown command "x"; see 'lab help'`.
enum LabCommand {
    static let subcommands = ["back", "check", "exercises", "help", "hint", "lessons", "next", "quit", "reset", "solution",
                              "start", "status", "submit", "task"]

    static func registry(_ link: LabLink) -> CommandRegistry {
        CommandRegistry([Command("lab", path: "/usr/local/bin/lab") { invocation in
            guard let lab = link.lab else { return 1 }
            return run(&invocation, lab: lab)
        }])
    }

    /// Whether a typed line is a `lab` command (the tutor does not check a lesson's step after one).
    static func isLabLine(_ source: String) -> Bool {
        let words = source.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return words.first == "lab"
    }

    static func run(_ invocation: inout Invocation, lab: Lab) -> Int32 {
        let arguments = Array(invocation.operands)
        let say = lab.say
        guard let name = arguments.first else {
            invocation.stdout.write(say(.help))
            return 0
        }
        let rest = Array(arguments.dropFirst())
        let out = invocation.stdout
        func usage(_ message: String) -> Int32 {
            invocation.stderr.line(say(.usage, ["message": message]))
            return 2
        }
        func failure(_ message: String) -> Int32 {
            invocation.stderr.line(say(.failure, ["message": message]))
            return 1
        }
        guard subcommands.contains(name) else {
            return usage(say(.unknownCommand, ["name": name]))
        }
        if name == "start" {
            guard rest.count == 1 else {
                return usage(rest.isEmpty ? say(.startNeedsID) : say(.startTakesOneID))
            }
        } else if !rest.isEmpty {
            return usage(say(.takesNoArguments, ["name": name]))
        }
        switch name {
        case "help":
            out.write(say(.help))
        case "lessons":
            out.write(LabLists.lessons(lab) + say(.listFooter) + "\n")
        case "exercises":
            out.write(LabLists.exercises(lab) + say(.listFooter) + "\n")
        case "start":
            let id = rest[0]
            guard let kind = lab.kind(of: id) else {
                return failure(say(.noSuchLabID, ["id": id]))
            }
            if kind == lab.state.kind, id == lab.state.id {
                out.write(LabText.banner(lab))
            } else {
                lab.pending = .open(kind, id, fresh: false)
            }
        case "status":
            out.write(LabLists.status(lab))
        case "quit":
            out.line(say(.quitSaved))
            lab.pending = .quit
        default:
            return LabActions.run(name, lab: lab, out: out, failure: failure)
        }
        return 0
    }

    /// `lab <TAB>` gives the subcommands, `lab start <TAB>` the lesson and exercise ids.
    static func complete(words: [String], word: String, lab: Lab) -> [String]? {
        guard words.first == "lab" else { return nil }
        let after = words.dropFirst()
        if after.isEmpty { return subcommands }
        if after.count == 1, after.first == "start" { return (lab.library.lessonIDs + lab.library.ids).sorted() }
        return nil
    }
}

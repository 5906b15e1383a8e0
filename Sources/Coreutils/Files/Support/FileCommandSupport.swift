import CommandKit
import NodeFS

/// Small pieces every file command shares: usage errors, `--help`/`--version`, and the
/// filesystem lookups that tolerate any operand.
extension Invocation {
    /// `name: message` then `Try 'name --help' for more information.`
    func usageFailure(_ message: String) {
        error(message)
        stderr.line("Try '\(name) --help' for more information.")
    }

    /// `path(operand)`, except that the empty operand stays empty (so lookups fail with
    /// ENOENT as the kernel's do, instead of meaning the working directory).
    func resolvedPath(_ operand: String) -> String {
        operand.isEmpty ? "" : path(operand)
    }

    /// Handles `--help` and `--version` if given; returns true when the command is done.
    func handledStandardOptions(_ options: ParsedOptions, usage: String, summary: String) -> Bool {
        if options.has("help") {
            printHelp(usage: usage, summary: summary)
            return true
        }
        if options.has("version") {
            printVersion()
            return true
        }
        return false
    }

    /// A short `--help` text in coreutils' layout.
    func printHelp(usage: String, summary: String) {
        stdout.line("Usage: \(usage)")
        stdout.line(summary)
        stdout.write("\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n")
        stdout.line("Full documentation <https://www.gnu.org/software/coreutils/\(name)>")
        stdout.line("or available locally via: info '(coreutils) \(name) invocation'")
    }

    /// `--version` as coreutils 9.4 prints it.
    func printVersion() {
        stdout.line("\(name) (GNU coreutils) 9.4")
        stdout.line("Copyright (C) 2023 Free Software Foundation, Inc.")
        stdout.line("License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.")
        stdout.line("This is free software: you are free to change and redistribute it.")
        stdout.line("There is NO WARRANTY, to the extent permitted by law.")
    }
}

/// `--help` and `--version`, accepted by every GNU tool.
let standardOptionSpecs = [OptionSpec(nil, "help"), OptionSpec(nil, "version")]

extension FSError {
    /// Whether the error means "the path is not there" (for `-f` style silence).
    var isMissing: Bool { self == .noSuchFile }
}

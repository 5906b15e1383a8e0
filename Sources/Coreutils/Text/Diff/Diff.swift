import CommandKit
import NodeFS

/// `diff [OPTION]... FILES` — GNU diffutils 3.8: normal, unified (`-u`, `-U N`) and context
/// (`-c`, `-C N`) output, `-q`, `-s`, `-i`, `-b`, `-w`, `-r`, `--label`, directories and `-`.
/// Exit status 0 when the inputs are the same, 1 when they differ, 2 on trouble.
let diffCommand = Command("diff") { inv in
    let specs = [
        OptionSpec("u", nil, key: "u"), OptionSpec("U", nil, argument: .required, key: "U"),
        OptionSpec(nil, "unified", argument: .optional, key: "U"),
        OptionSpec("c", nil, key: "c"), OptionSpec("C", nil, argument: .required, key: "C"),
        OptionSpec(nil, "context", argument: .optional, key: "C"),
        OptionSpec("q", "brief"), OptionSpec("s", "report-identical-files"),
        OptionSpec("i", "ignore-case"), OptionSpec("b", "ignore-space-change"),
        OptionSpec("w", "ignore-all-space"), OptionSpec("r", "recursive"),
        OptionSpec("N", "new-file"), OptionSpec("a", "text"),
        OptionSpec(nil, "label", argument: .required), OptionSpec(nil, "normal"),
    ] + [OptionSpec(nil, "help"), OptionSpec("v", "version")]
    let options: ParsedOptions
    do throws(OptionError) {
        options = try parseOptions(inv.operands, specs)
    } catch {
        inv.error(error.message)
        inv.stderr.line("diff: Try 'diff --help' for more information.")
        return 2
    }
    if options.has("help") {
        inv.stdout.line("Usage: diff [OPTION]... FILES")
        inv.stdout.line("Compare FILES line by line.")
        return 0
    }
    if options.has("version") {
        inv.stdout.line("diff (GNU diffutils) 3.8")
        return 0
    }
    var style = DiffStyle.normal
    var context = 3
    for (key, value) in options.options {
        switch key {
        case "u", "c":
            style = key == "u" ? .unified : .context
        case "U", "C":
            style = key == "U" ? .unified : .context
            guard let text = value else { continue }
            guard let number = Int(text), number >= 0 else {
                inv.error("invalid context length '\(text)'")
                inv.stderr.line("diff: Try 'diff --help' for more information.")
                return 2
            }
            context = number
        case "normal":
            style = .normal
        default:
            break
        }
    }
    let operands = options.operands
    if operands.count < 2 {
        let message = operands.isEmpty
            ? "missing operand after 'diff'" : "missing operand after '\(operands[0])'"
        inv.error(message)
        inv.stderr.line("diff: Try 'diff --help' for more information.")
        return 2
    }
    if operands.count > 2 {
        inv.error("extra operand '\(operands[2])'")
        inv.stderr.line("diff: Try 'diff --help' for more information.")
        return 2
    }
    // The option words as typed, for the `diff -r a/f b/f` lines of directory comparisons.
    var switches = Array(inv.arguments.dropFirst())
    for operand in operands.reversed() {
        if let index = switches.lastIndex(of: operand) { switches.remove(at: index) }
    }
    var run = DiffRun(inv: inv, style: style, context: context,
                      brief: options.has("brief"), reportIdentical: options.has("report-identical-files"),
                      recursive: options.has("recursive"), newFile: options.has("new-file"),
                      key: LineKey(ignoreCase: options.has("ignore-case"),
                                   ignoreSpaceChange: options.has("ignore-space-change"),
                                   ignoreAllSpace: options.has("ignore-all-space")),
                      labels: options.values("label"), switches: switches.joined(separator: " "))
    return run.compareOperands(operands[0], operands[1])
}

enum DiffStyle { case normal, unified, context }

/// How lines compare under `-i`, `-b`, `-w`.
struct LineKey {
    var ignoreCase: Bool
    var ignoreSpaceChange: Bool
    var ignoreAllSpace: Bool

    func key(_ line: ArraySlice<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.count)
        var pendingSpace = false
        for byte in line {
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x0D
            if isSpace && ignoreAllSpace { continue }
            if isSpace && ignoreSpaceChange { pendingSpace = true; continue }
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            bytes.append(ignoreCase && byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
        }
        return bytes
    }
}

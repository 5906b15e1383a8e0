import CommandKit

/// `yes [STRING]...` — repeats a line. The lab's pipeline stages run one after another, so
/// instead of running until the reader closes, it stops after a fixed amount of output.
let yesCommand = Command("yes") { inv in
    let arguments = Array(inv.operands)
    if arguments.count == 1, arguments[0] == "--help" {
        inv.printHelp(usage: "yes [STRING]...\n  or:  yes OPTION", summary: "Repeatedly output a line with all specified STRING(s), or 'y'.")
        return 0
    }
    if arguments.count == 1, arguments[0] == "--version" {
        inv.printVersion()
        return 0
    }
    let words = arguments.first == "--" ? Array(arguments.dropFirst()) : arguments
    let line = Array(((words.isEmpty ? "y" : words.joined(separator: " ")) + "\n").utf8)
    var chunk: [UInt8] = []
    while chunk.count < 8192 { chunk += line }
    var written = 0
    while written < yesOutputBudget {
        inv.stdout.write(chunk)
        written += chunk.count
    }
    return 0
}

/// How much `yes` writes before it stops (plenty for `yes | head`, `yes | rm -i …`).
let yesOutputBudget = 1 << 20

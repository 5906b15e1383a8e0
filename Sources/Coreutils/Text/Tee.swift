import CommandKit
import NodeFS

/// `tee [OPTION]... [FILE]...` — copies standard input to standard output and to each FILE.
let teeCommand = Command("tee") { inv in
    let specs = [
        OptionSpec("a", "append"), OptionSpec("i", "ignore-interrupts"), OptionSpec("p"),
        OptionSpec(nil, "output-error", argument: .optional),
    ] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "tee [OPTION]... [FILE]...",
                                  summary: "Copy standard input to each FILE, and also to standard output.") { return 0 }
    let append = options.has("append")
    var status: Int32 = 0
    for operand in options.operands {
        do throws(FSError) {
            try inv.fileSystem.writeFile(inv.resolvedPath(operand), inv.stdin, append: append)
        } catch {
            inv.error("\(Quoting.ifNeeded(operand)): \(error.message)")
            status = 1
        }
    }
    inv.stdout.write(inv.stdin)
    return status
}

import CommandKit
import NodeFS

/// `tail [OPTION]... [FILE]...` — the last 10 lines (or -n/-c, `+N` from the start).
///
/// `-f` prints what is there and returns: a simulated file never grows while a command
/// runs (nothing else runs during it), so following would only hang the learner's terminal.
let tailCommand = Command("tail") { inv in
    let specs = [
        OptionSpec("c", "bytes", argument: .required), OptionSpec("n", "lines", argument: .required),
        OptionSpec("f", "follow", argument: .optional), OptionSpec("F"), OptionSpec(nil, "retry"),
        OptionSpec("q", "quiet"), OptionSpec(nil, "silent", key: "quiet"), OptionSpec("v", "verbose"),
        OptionSpec("s", "sleep-interval", argument: .required), OptionSpec(nil, "pid", argument: .required),
        OptionSpec("z", "zero-terminated"),
    ] + standardOptionSpecs
    let arguments = HeadTail.expandObsolete(Array(inv.arguments.dropFirst()))
    let options: ParsedOptions
    do throws(OptionError) {
        options = try parseOptions(ArraySlice(arguments), specs)
    } catch {
        inv.usageFailure(error.message)
        return 1
    }
    if inv.handledStandardOptions(options, usage: "tail [OPTION]... [FILE]...",
                                  summary: "Print the last 10 lines of each FILE to standard output.") { return 0 }
    var byBytes = false
    var count = 10
    var fromStart = false
    var headerMode: Bool?
    for (key, value) in options.options {
        switch key {
        case "bytes", "lines":
            var text = value ?? ""
            fromStart = text.hasPrefix("+")
            if fromStart || text.hasPrefix("-") { text.removeFirst() }
            guard let number = CountParser.parse(text) else {
                inv.error("invalid number of \(key): \(Quoting.locale(value ?? ""))")
                return 1
            }
            count = number
            byBytes = key == "bytes"
        case "quiet": headerMode = false
        case "verbose": headerMode = true
        default: break
        }
    }
    let terminator: UInt8 = options.has("zero-terminated") ? 0 : 0x0A
    let operands = options.operands.isEmpty ? ["-"] : options.operands
    let headers = headerMode ?? (operands.count > 1)
    var input = TextInput()
    var status: Int32 = 0
    var first = true
    for operand in operands {
        let bytes: [UInt8]
        switch input.read(operand, inv) {
        case .success(let read): bytes = read
        case .failure(let error):
            if error == .isADirectory {
                if headers { HeadTail.header(operand, first: first, inv.stdout); first = false }
                inv.error("error reading \(Quoting.always(operand)): \(error.message)")
            } else {
                inv.error("cannot open \(Quoting.always(operand)) for reading: \(error.message)")
            }
            status = 1
            continue
        }
        if headers { HeadTail.header(operand == "-" ? "standard input" : operand, first: first, inv.stdout) }
        first = false
        switch (byBytes, fromStart) {
        case (true, false): inv.stdout.write(Array(bytes.suffix(count)))
        case (true, true): inv.stdout.write(Array(bytes.dropFirst(max(0, count - 1))))
        case (false, false): inv.stdout.write(Array(HeadTail.lastLines(bytes, count, terminator: terminator)))
        case (false, true):
            inv.stdout.write(Array(bytes[HeadTail.afterLines(bytes, count - 1, terminator: terminator)...]))
        }
    }
    return status
}

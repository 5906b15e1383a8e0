import CommandKit
import NodeFS

/// `head [OPTION]... [FILE]...` — the first 10 lines (or -n/-c) of each file.
let headCommand = Command("head") { inv in
    let specs = [
        OptionSpec("c", "bytes", argument: .required), OptionSpec("n", "lines", argument: .required),
        OptionSpec("q", "quiet"), OptionSpec(nil, "silent", key: "quiet"), OptionSpec("v", "verbose"),
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
    if inv.handledStandardOptions(options, usage: "head [OPTION]... [FILE]...",
                                  summary: "Print the first 10 lines of each FILE to standard output.") { return 0 }
    var byBytes = false
    var count = 10
    /// `-n -5`: all but the last five.
    var allBut = false
    var headerMode: Bool?
    for (key, value) in options.options {
        switch key {
        case "bytes", "lines":
            var text = value ?? ""
            allBut = text.hasPrefix("-")
            if allBut { text.removeFirst() }
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
        let end: Int
        switch (byBytes, allBut) {
        case (true, false): end = min(count, bytes.count)
        case (true, true): end = max(0, bytes.count - count)
        case (false, false): end = HeadTail.afterLines(bytes, count, terminator: terminator)
        case (false, true): end = bytes.count - HeadTail.lastLines(bytes, count, terminator: terminator).count
        }
        inv.stdout.write(Array(bytes[..<end]))
    }
    return status
}

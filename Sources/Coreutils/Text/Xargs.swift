import CommandKit

/// `xargs [OPTION]... [COMMAND [INITIAL-ARGS]...]` — builds command lines from standard input
/// and runs them through the shell's `runCommand` (default command: echo).
let xargsCommand = Command("xargs") { inv in
    let specs = [
        OptionSpec("0", "null"), OptionSpec("a", "arg-file", argument: .required),
        OptionSpec("d", "delimiter", argument: .required), OptionSpec("E", argument: .required),
        OptionSpec("I", argument: .required), OptionSpec("i", "replace", argument: .optional),
        OptionSpec("L", "max-lines", argument: .required), OptionSpec("n", "max-args", argument: .required),
        OptionSpec("o", "open-tty"), OptionSpec("p", "interactive"), OptionSpec("P", "max-procs", argument: .required),
        OptionSpec("r", "no-run-if-empty"), OptionSpec("s", "max-chars", argument: .required),
        OptionSpec("t", "verbose"), OptionSpec("x", "exit"), OptionSpec(nil, "help"), OptionSpec(nil, "version"),
    ]
    let options: ParsedOptions
    do throws(OptionError) {
        options = try parseOptions(inv.operands, specs, permute: false)
    } catch {
        inv.usageFailure(error.message)
        return 1
    }
    if options.has("version") { inv.stdout.line("xargs (GNU findutils) 4.9.0"); return 0 }
    var input = inv.stdin
    if let file = options.value("arg-file") {
        var reader = TextInput()
        switch reader.read(file, inv) {
        case .success(let bytes): input = bytes
        case .failure(let error):
            inv.error("\(file): \(error.message)")
            return 1
        }
    }
    let replace = options.value("I") ?? (options.has("replace") ? (options.value("replace") ?? "{}") : nil)
    var maxArgs: Int?
    if let text = options.value("max-args") {
        guard let value = Int(text), value >= 1 else {
            inv.usageFailure("value \(text) for -n option should be >= 1")
            return 1
        }
        maxArgs = value
    }
    let maxLines = replace != nil ? 1 : options.value("max-lines").flatMap { Int($0) }
    // Items, and which input line each ends (for -L and -I).
    var items: [[UInt8]] = []
    var lineBreaks: [Int] = []
    if options.has("null") || options.has("delimiter") {
        var delimiter: UInt8 = 0
        if let text = options.value("delimiter") {
            let bytes = Array(text.utf8)
            delimiter = text == "\\n" ? 10 : text == "\\t" ? 9 : (bytes.first ?? 0)
        }
        var parts = input.split(separator: delimiter, omittingEmptySubsequences: false).map(Array.init)
        if parts.last?.isEmpty ?? false { parts.removeLast() }
        items = parts
        lineBreaks = Array(1...max(1, parts.count))
    } else if replace != nil {
        for line in Lines(input).lines {
            let trimmed = Array(line.drop { $0 == 32 || $0 == 9 })
            if !trimmed.isEmpty { items.append(trimmed); lineBreaks.append(items.count) }
        }
    } else {
        switch XargsWords.split(input) {
        case .success(let result):
            items = result.words
            lineBreaks = result.lineEnds
        case .failure(let error):
            inv.error(error.message)
            return 1
        }
    }
    if let eof = options.value("E"), let index = items.firstIndex(of: Array(eof.utf8)) {
        items = Array(items[..<index])
    }
    let command = options.operands.isEmpty ? ["echo"] : Array(options.operands)
    if items.isEmpty && (options.has("no-run-if-empty") || replace != nil) { return 0 }
    // Group the items into command lines.
    var batches: [[[UInt8]]] = []
    if let maxLines {
        var start = 0
        var count = 0
        for end in lineBreaks where end > start {
            count += 1
            if count == maxLines || end == items.count {
                batches.append(Array(items[start..<min(end, items.count)]))
                start = end
                count = 0
            }
        }
        if start < items.count { batches.append(Array(items[start...])) }
    } else if let maxArgs {
        var index = 0
        while index < items.count {
            batches.append(Array(items[index..<min(index + maxArgs, items.count)]))
            index += maxArgs
        }
    } else {
        batches = [items]
    }
    if batches.isEmpty { batches = [[]] }
    var status: Int32 = 0
    for batch in batches {
        var arguments: [String]
        if let replace {
            let value = batch.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
            arguments = command.map { $0.split(separator: replace, omittingEmptySubsequences: false).joined(separator: value) }
        } else {
            arguments = command + batch.map { String(decoding: $0, as: UTF8.self) }
        }
        if options.has("verbose") { inv.stderr.line(arguments.joined(separator: " ")) }
        guard let name = arguments.first, inv.locateCommand(name) != nil else {
            inv.error("\(arguments.first ?? ""): No such file or directory")
            return 127
        }
        let result = inv.runCommand(inv.with(arguments: arguments, stdin: []))
        if result == 255 {
            inv.error("\(name): exited with status 255; aborting")
            return 124
        }
        if result == 126 || result == 127 { return result }
        if result != 0 { status = 123 }
    }
    return status
}

/// xargs' default input syntax: blanks and newlines separate, quotes and backslashes group.
enum XargsWords {
    struct Failure: Error { let message: String }

    static func split(_ input: [UInt8]) -> Result<(words: [[UInt8]], lineEnds: [Int]), Failure> {
        var words: [[UInt8]] = []
        var lineEnds: [Int] = []
        var current: [UInt8] = []
        var inWord = false
        var index = 0
        while index < input.count {
            let c = input[index]
            index += 1
            switch c {
            case 32, 9, 10:
                if inWord { words.append(current); current = []; inWord = false }
                if c == 10, lineEnds.last != words.count, !words.isEmpty { lineEnds.append(words.count) }
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                inWord = true
                var closed = false
                while index < input.count {
                    let d = input[index]
                    index += 1
                    if d == c { closed = true; break }
                    if d == 10 { break }
                    current.append(d)
                }
                if !closed {
                    let kind = c == UInt8(ascii: "'") ? "single" : "double"
                    return .failure(Failure(message: "unmatched \(kind) quote; by default quotes are special to xargs unless you use the -0 option"))
                }
            case UInt8(ascii: "\\"):
                inWord = true
                if index < input.count { current.append(input[index]); index += 1 }
            default:
                inWord = true
                current.append(c)
            }
        }
        if inWord { words.append(current) }
        if lineEnds.last != words.count { lineEnds.append(words.count) }
        return .success((words, lineEnds))
    }
}

import CommandKit
import NodeFS

/// `uniq [OPTION]... [INPUT [OUTPUT]]` — adjacent duplicate lines: count, only repeated,
/// only unique, ignoring case, fields or characters.
let uniqCommand = Command("uniq") { inv in
    let specs = [
        OptionSpec("c", "count"), OptionSpec("d", "repeated"), OptionSpec("D"),
        OptionSpec(nil, "all-repeated", argument: .optional), OptionSpec("f", "skip-fields", argument: .required),
        OptionSpec("i", "ignore-case"), OptionSpec("s", "skip-chars", argument: .required),
        OptionSpec("u", "unique"), OptionSpec("z", "zero-terminated"), OptionSpec("w", "check-chars", argument: .required),
    ] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "uniq [OPTION]... [INPUT [OUTPUT]]",
                                  summary: "Filter adjacent matching lines from INPUT (or standard input),\nwriting to OUTPUT (or standard output).") { return 0 }
    func number(_ key: String, _ what: String) -> Int?? {
        guard let text = options.value(key) else { return .some(nil) }
        guard let value = Int(text), value >= 0 else {
            inv.error("\(text): invalid number of \(what)")
            return nil
        }
        return .some(value)
    }
    guard let skipFields = number("skip-fields", "fields to skip"),
          let skipChars = number("skip-chars", "bytes to skip"),
          let checkChars = number("check-chars", "bytes to compare") else { return 1 }
    if options.operands.count > 2 {
        inv.usageFailure("extra operand \(Quoting.locale(options.operands[2]))")
        return 1
    }
    let count = options.has("count")
    let allRepeated = options.has("D") || options.has("all-repeated")
    if count && allRepeated {
        inv.usageFailure("printing all duplicated lines and repeat counts is meaningless")
        return 1
    }
    let repeated = options.has("repeated"), uniqueOnly = options.has("unique")
    let ignoreCase = options.has("ignore-case")
    let terminator: UInt8 = options.has("zero-terminated") ? 0 : 0x0A
    var input = TextInput()
    let source = options.operands.first ?? "-"
    let bytes: [UInt8]
    switch input.read(source, inv) {
    case .success(let read): bytes = read
    case .failure(let error):
        inv.error("\(Quoting.ifNeeded(source)): \(error.message)")
        return 1
    }
    func key(_ line: ArraySlice<UInt8>) -> [UInt8] {
        var rest = line
        for _ in 0..<(skipFields ?? 0) {
            rest = rest.drop { $0 == 32 || $0 == 9 }
            rest = rest.drop { !($0 == 32 || $0 == 9) }
        }
        rest = rest.dropFirst(skipChars ?? 0)
        if let checkChars { rest = rest.prefix(checkChars) }
        return ignoreCase ? rest.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 } : Array(rest)
    }
    var out: [UInt8] = []
    let lines = Lines(bytes, terminator: terminator).lines
    var index = 0
    while index < lines.count {
        let groupKey = key(lines[index])
        var end = index + 1
        while end < lines.count && key(lines[end]) == groupKey { end += 1 }
        let size = end - index
        if allRepeated {
            if size > 1 {
                for line in lines[index..<end] { out += line; out.append(terminator) }
            }
        } else if !(repeated && size == 1) && !(uniqueOnly && size > 1) {
            if count {
                let digits = String(size)
                out += Array((String(repeating: " ", count: max(0, 7 - digits.count)) + digits + " ").utf8)
            }
            out += lines[index]
            out.append(terminator)
        }
        index = end
    }
    if options.operands.count == 2 {
        let target = options.operands[1]
        do throws(FSError) {
            try inv.fileSystem.writeFile(inv.resolvedPath(target), out)
        } catch {
            inv.error("\(Quoting.ifNeeded(target)): \(error.message)")
            return 1
        }
        return 0
    }
    inv.stdout.write(out)
    return 0
}

import CommandKit
import NodeFS

/// `sort [OPTION]... [FILE]...` — GNU sort in the C.UTF-8 locale: keys, numeric, human and
/// version orders, unique, stable, check, and the whole-line last-resort comparison.
let sortCommand = Command("sort") { inv in
    let specs = [
        OptionSpec("b", "ignore-leading-blanks"), OptionSpec("d", "dictionary-order"),
        OptionSpec("f", "ignore-case"), OptionSpec("g", "general-numeric-sort"),
        OptionSpec("i", "ignore-nonprinting"), OptionSpec("M", "month-sort"),
        OptionSpec("h", "human-numeric-sort"), OptionSpec("n", "numeric-sort"),
        OptionSpec("R", "random-sort"), OptionSpec("r", "reverse"), OptionSpec("V", "version-sort"),
        OptionSpec(nil, "sort", argument: .required), OptionSpec("c", "check", argument: .optional),
        OptionSpec("C"), OptionSpec("k", "key", argument: .required), OptionSpec("m", "merge"),
        OptionSpec("o", "output", argument: .required), OptionSpec("s", "stable"),
        OptionSpec("S", "buffer-size", argument: .required), OptionSpec("t", "field-separator", argument: .required),
        OptionSpec("T", "temporary-directory", argument: .required), OptionSpec("u", "unique"),
        OptionSpec("z", "zero-terminated"), OptionSpec(nil, "parallel", argument: .required),
    ] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 2 }
    if inv.handledStandardOptions(options, usage: "sort [OPTION]... [FILE]...",
                                  summary: "Write sorted concatenation of all FILE(s) to standard output.") { return 0 }
    var global = SortOrdering()
    let letters: [String: Character] = [
        "ignore-leading-blanks": "b", "dictionary-order": "d", "ignore-case": "f", "general-numeric-sort": "g",
        "ignore-nonprinting": "i", "month-sort": "M", "human-numeric-sort": "h", "numeric-sort": "n",
        "reverse": "r", "version-sort": "V",
    ]
    var separator: UInt8?
    var keySpecs: [String] = []
    for (key, value) in options.options {
        if let letter = letters[key] { _ = global.apply(letter) }
        switch key {
        case "sort":
            let map: [String: Character] = ["general-numeric": "g", "human-numeric": "h", "month": "M",
                                            "numeric": "n", "version": "V"]
            if let letter = map[value ?? ""] { _ = global.apply(letter) }
        case "field-separator":
            let bytes = Array((value ?? "").utf8)
            if bytes.count > 1 && value != "\\0" {
                inv.error("multi-character tab \(Quoting.locale(value ?? ""))")
                return 2
            }
            if bytes.isEmpty {
                inv.error("empty tab")
                return 2
            }
            separator = value == "\\0" ? 0 : bytes[0]
        case "key": keySpecs.append(value ?? "")
        default: break
        }
    }
    var keys: [SortKey] = []
    for spec in keySpecs {
        do throws(SortKey.Failure) {
            keys.append(try SortKey(spec, global: global))
        } catch {
            if case .message(let text) = error { inv.error(text) }
            return 2
        }
    }
    for ordering in [global] + keys.map(\.ordering) {
        if let conflict = ordering.conflicting {
            inv.error("options '-\(conflict)' are incompatible")
            return 2
        }
    }
    let terminator: UInt8 = options.has("zero-terminated") ? 0 : 0x0A
    var input = TextInput()
    var lines: [ArraySlice<UInt8>] = []
    for operand in options.operands.isEmpty ? ["-"] : options.operands {
        switch input.read(operand, inv) {
        case .success(let bytes):
            lines += Lines(bytes, terminator: terminator).lines
        case .failure(let error):
            if error == .isADirectory {
                inv.error("read failed: \(Quoting.ifNeeded(operand)): \(error.message)")
            } else {
                inv.error("cannot read: \(Quoting.ifNeeded(operand)): \(error.message)")
            }
            return 2
        }
    }
    let unique = options.has("unique")
    let stable = options.has("stable") || unique
    /// Compares by the keys (or the whole line with the global ordering).
    func keyCompare(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        if keys.isEmpty { return SortCompare.compare(a, b, global) }
        for key in keys {
            let result = SortCompare.compare(key.extract(a, separator: separator), key.extract(b, separator: separator),
                                             key.ordering)
            if result != 0 { return result }
        }
        return 0
    }
    func fullCompare(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        let result = keyCompare(a, b)
        if result != 0 || stable { return result }
        let last = SortCompare.bytes(a, b)
        return global.reverse ? -last : last
    }
    if options.has("check") || options.has("C") {
        let quiet = options.has("C") || ["quiet", "silent"].contains(options.value("check") ?? "")
        for index in lines.indices.dropFirst() {
            let result = unique ? keyCompare(lines[index - 1], lines[index]) : fullCompare(lines[index - 1], lines[index])
            if result > 0 || (unique && result == 0) {
                if !quiet {
                    let name = options.operands.first ?? "-"
                    inv.stderr.write("sort: \(name):\(index + 1): disorder: ")
                    inv.stderr.write(Array(lines[index]) + [0x0A])
                }
                return 1
            }
        }
        return 0
    }
    // A merge sort keeps equal lines in input order (what -s promises).
    var sorted = lines.enumerated().map { ($0.offset, $0.element) }
    sorted.sort { left, right in
        let result = fullCompare(left.1, right.1)
        return result != 0 ? result < 0 : left.0 < right.0
    }
    var out: [UInt8] = []
    var previous: ArraySlice<UInt8>?
    for (_, line) in sorted {
        if unique, let previous, keyCompare(previous, line) == 0 { continue }
        out += line
        out.append(terminator)
        previous = line
    }
    if let target = options.value("output") {
        do throws(FSError) {
            try inv.fileSystem.writeFile(inv.resolvedPath(target), out)
        } catch {
            inv.error("open failed: \(Quoting.ifNeeded(target)): \(error.message)")
            return 2
        }
        return 0
    }
    inv.stdout.write(out)
    return 0
}

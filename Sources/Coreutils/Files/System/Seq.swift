import CommandKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `seq [-w] [-s SEP] [-f FMT] [FIRST [INCREMENT]] LAST` — numbers, integers or decimals.
let seqCommand = Command("seq") { inv in
    let specs = [OptionSpec("f", "format", argument: .required), OptionSpec("s", "separator", argument: .required),
                 OptionSpec("w", "equal-width")] + standardOptionSpecs
    // Negative numbers are operands, not options.
    let arguments = Array(inv.operands)
    var operands: [String] = []
    var optionWords: [String] = []
    var index = 0
    while index < arguments.count {
        let word = arguments[index]
        if word.count > 1, word.hasPrefix("-"), !(word.dropFirst().first.map { $0.isNumber || $0 == "." } ?? false) {
            optionWords.append(word)
            if (word == "-f" || word == "-s" || word == "--format" || word == "--separator"), index + 1 < arguments.count {
                optionWords.append(arguments[index + 1])
                index += 1
            }
        } else {
            operands.append(word)
        }
        index += 1
    }
    let parsed: ParsedOptions
    do throws(OptionError) {
        parsed = try parseOptions(optionWords[...], specs)
    } catch {
        inv.usageFailure(error.message)
        return 1
    }
    if inv.handledStandardOptions(parsed, usage: "seq [OPTION]... LAST\n  or:  seq [OPTION]... FIRST LAST\n  or:  seq [OPTION]... FIRST INCREMENT LAST",
                                  summary: "Print numbers from FIRST to LAST, in steps of INCREMENT.") { return 0 }
    guard !operands.isEmpty else {
        inv.usageFailure("missing operand")
        return 1
    }
    guard operands.count <= 3 else {
        inv.usageFailure("extra operand \(Quoting.locale(operands[3]))")
        return 1
    }
    var numbers: [Double] = []
    for operand in operands {
        guard let value = Double(operand.trimmingCharacters(in: " \t")), !operand.lowercased().contains("n") || operand.lowercased().contains("inf") else {
            inv.usageFailure("invalid floating point argument: \(Quoting.locale(operand))")
            return 1
        }
        numbers.append(value)
    }
    let first = numbers.count > 1 ? numbers[0] : 1
    let step = numbers.count == 3 ? numbers[1] : 1
    let last = numbers[numbers.count - 1]
    if step == 0 {
        inv.usageFailure("invalid Zero increment value: \(Quoting.locale(operands[1]))")
        return 1
    }
    func decimals(_ text: String) -> Int {
        guard let dot = text.firstIndex(of: "."), !text.lowercased().contains("e") else { return 0 }
        return text[text.index(after: dot)...].count
    }
    let precision = max(numbers.count > 1 ? decimals(operands[0]) : 0, numbers.count == 3 ? decimals(operands[1]) : 0)
    let format = parsed.value("format") ?? "%.\(precision)f"
    let separator = parsed.value("separator") ?? "\n"
    var lines: [String] = []
    var count = 0
    var current = first
    while step > 0 ? current <= last : current >= last {
        lines.append(cFormatDouble(format, current))
        count += 1
        if count > 1_000_000 { break }
        current = first + Double(count) * step
    }
    if parsed.has("equal-width"), parsed.value("format") == nil {
        let width = lines.map(\.count).max() ?? 0
        let lastWidth = cFormatDouble(format, last).count
        let target = max(width, lastWidth)
        lines = lines.map { line in
            let negative = line.hasPrefix("-")
            let digits = negative ? String(line.dropFirst()) : line
            let pad = String(repeating: "0", count: max(0, target - line.count))
            return (negative ? "-" : "") + pad + digits
        }
    }
    guard !lines.isEmpty else { return 0 }
    inv.stdout.write(lines.joined(separator: separator) + "\n")
    return 0
}

/// `snprintf(format, value)` for one double (seq's `-f` and default formats).
func cFormatDouble(_ format: String, _ value: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    let count = format.withCString { spec in withVaList([value]) { vsnprintf(&buffer, buffer.count, spec, $0) } }
    guard count >= 0 else { return "" }
    return String(decoding: buffer.prefix(min(Int(count), buffer.count - 1)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

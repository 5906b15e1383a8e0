import CommandKit
import NodeFS

/// `cut OPTION... [FILE]...` — selected bytes, characters or fields of each line.
let cutCommand = Command("cut") { inv in
    let specs = [
        OptionSpec("b", "bytes", argument: .required), OptionSpec("c", "characters", argument: .required),
        OptionSpec("f", "fields", argument: .required), OptionSpec("d", "delimiter", argument: .required),
        OptionSpec("n"), OptionSpec(nil, "complement"), OptionSpec("s", "only-delimited"),
        OptionSpec(nil, "output-delimiter", argument: .required), OptionSpec("z", "zero-terminated"),
    ] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "cut OPTION... [FILE]...",
                                  summary: "Print selected parts of lines from each FILE to standard output.") { return 0 }
    let lists = options.options.filter { ["bytes", "characters", "fields"].contains($0.key) }
    guard let list = lists.last else {
        inv.usageFailure("you must specify a list of bytes, characters, or fields")
        return 1
    }
    if lists.count > 1 {
        inv.usageFailure("only one list may be specified")
        return 1
    }
    let fields = list.key == "fields"
    var delimiter: UInt8 = 0x09
    if let text = options.value("delimiter") {
        let bytes = Array(text.utf8)
        if bytes.count > 1 {
            inv.usageFailure("the delimiter must be a single character")
            return 1
        }
        delimiter = bytes.first ?? 0
        if !fields {
            inv.usageFailure("an input delimiter may be specified only when operating on fields")
            return 1
        }
    }
    if options.has("only-delimited") && !fields {
        inv.usageFailure("suppressing non-delimited lines makes sense\n\tonly when operating on fields")
        return 1
    }
    let ranges: RangeList
    do throws(RangeList.Failure) {
        ranges = try RangeList(list.value ?? "")
    } catch {
        let what = fields ? "field" : "byte/character"
        switch error {
        case .numberedFromOne: inv.usageFailure(fields ? "fields are numbered from 1" : "byte/character positions are numbered from 1")
        case .decreasing: inv.usageFailure("invalid decreasing range")
        case .invalidValue(let text): inv.usageFailure("invalid \(what) value \(Quoting.locale(text))")
        case .invalidRange: inv.usageFailure("invalid \(what) range")
        case .noEndpoint: inv.usageFailure("invalid range with no endpoint: -")
        }
        return 1
    }
    let complement = options.has("complement")
    let outputDelimiter = options.value("output-delimiter").map { Array($0.utf8) }
    let terminator: UInt8 = options.has("zero-terminated") ? 0 : 0x0A
    let onlyDelimited = options.has("only-delimited")
    var input = TextInput()
    var status: Int32 = 0
    for operand in options.operands.isEmpty ? ["-"] : options.operands {
        let bytes: [UInt8]
        switch input.read(operand, inv) {
        case .success(let read): bytes = read
        case .failure(let error):
            inv.error("\(Quoting.ifNeeded(operand)): \(error.message)")
            status = 1
            continue
        }
        var out: [UInt8] = []
        for line in Lines(bytes, terminator: terminator).lines {
            if fields {
                guard line.contains(delimiter) else {
                    if !onlyDelimited { out += line; out.append(terminator) }
                    continue
                }
                let parts = line.split(separator: delimiter, omittingEmptySubsequences: false)
                var first = true
                for (index, part) in parts.enumerated() where ranges.contains(index + 1) != complement {
                    if !first { out += outputDelimiter ?? [delimiter] }
                    out += part
                    first = false
                }
            } else {
                var previous = -2
                for (index, byte) in line.enumerated() where ranges.contains(index + 1) != complement {
                    if let outputDelimiter, previous >= 0, index != previous + 1 { out += outputDelimiter }
                    out.append(byte)
                    previous = index
                }
            }
            out.append(terminator)
        }
        inv.stdout.write(out)
    }
    return status
}

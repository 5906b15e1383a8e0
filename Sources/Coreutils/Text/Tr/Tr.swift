import CommandKit

/// `tr [OPTION]... STRING1 [STRING2]` — translate, squeeze or delete bytes of standard input.
let trCommand = Command("tr") { inv in
    let specs = [
        OptionSpec("c", "complement"), OptionSpec("C", key: "complement"), OptionSpec("d", "delete"),
        OptionSpec("s", "squeeze-repeats"), OptionSpec("t", "truncate-set1"),
    ] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "tr [OPTION]... STRING1 [STRING2]",
                                  summary: "Translate, squeeze, and/or delete characters from standard input,\nwriting to standard output.") { return 0 }
    let delete = options.has("delete"), squeeze = options.has("squeeze-repeats")
    let complement = options.has("complement")
    let operands = options.operands
    let translating = !delete && operands.count != 1 || (!delete && !squeeze)
    let maximum = (delete && !squeeze) || (!delete && squeeze && operands.count < 2) ? 1 : 2
    if operands.isEmpty {
        inv.usageFailure("missing operand")
        return 1
    }
    if operands.count == 1 && !delete && !squeeze || (delete && squeeze && operands.count == 1) {
        inv.error("missing operand after \(Quoting.locale(operands[0]))")
        inv.stderr.line(delete ? "Two strings must be given when deleting and squeezing repeats."
                               : "Two strings must be given when translating.")
        inv.stderr.line("Try 'tr --help' for more information.")
        return 1
    }
    if operands.count > maximum && !(maximum == 1 && squeeze && !delete && operands.count == 2) {
        inv.error("extra operand \(Quoting.locale(operands[maximum]))")
        if delete && !squeeze && operands.count == 2 {
            inv.stderr.line("Only one string may be given when deleting without squeezing repeats.")
        }
        inv.stderr.line("Try 'tr --help' for more information.")
        return 1
    }
    var set1: TrSet, set2: TrSet?
    do throws(TrSet.Failure) {
        set1 = try TrSet(operands[0])
        set2 = operands.count > 1 ? try TrSet(operands[1]) : nil
    } catch {
        if case .message(let text) = error { inv.error(text) }
        return 1
    }
    for warning in set1.warnings + (set2?.warnings ?? []) { inv.error(warning) }
    _ = translating
    var members = [Bool](repeating: false, count: 256)
    for byte in set1.bytes { members[Int(byte)] = true }
    if complement { members = members.map { !$0 } }
    let set1Bytes = complement ? (0...255).map { UInt8($0) }.filter { members[Int($0)] } : set1.bytes
    var out: [UInt8] = []
    out.reserveCapacity(inv.stdin.count)
    if delete {
        var squeezeSet = [Bool](repeating: false, count: 256)
        for byte in set2?.bytes ?? [] { squeezeSet[Int(byte)] = true }
        var last: UInt8?
        for byte in inv.stdin where !members[Int(byte)] {
            if squeeze, squeezeSet[Int(byte)], last == byte { continue }
            out.append(byte)
            last = byte
        }
        inv.stdout.write(out)
        return 0
    }
    guard var target = set2 else {
        // -s with one set: squeeze repeats of SET1's bytes.
        var last: UInt8?
        for byte in inv.stdin {
            if members[Int(byte)], last == byte { continue }
            out.append(byte)
            last = byte
        }
        inv.stdout.write(out)
        return 0
    }
    if target.classes.contains(where: { $0 != "upper" && $0 != "lower" }) {
        inv.error("when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'")
        return 1
    }
    if let fill = target.fillByte {
        let missing = max(0, set1Bytes.count - target.bytes.count)
        target.bytes.insert(contentsOf: Array(repeating: fill, count: missing), at: min(target.fillIndex, target.bytes.count))
    }
    if target.bytes.isEmpty && !set1Bytes.isEmpty && !options.has("truncate-set1") {
        inv.error("when not truncating set1, string2 must be non-empty")
        return 1
    }
    var map = (0...255).map { UInt8($0) }
    for (index, byte) in set1Bytes.enumerated() {
        if index < target.bytes.count {
            map[Int(byte)] = target.bytes[index]
        } else if !options.has("truncate-set1"), let last = target.bytes.last {
            map[Int(byte)] = last
        }
    }
    var squeezeSet = [Bool](repeating: false, count: 256)
    for byte in target.bytes { squeezeSet[Int(byte)] = true }
    var last: UInt8?
    for byte in inv.stdin {
        let mapped = map[Int(byte)]
        if squeeze, squeezeSet[Int(mapped)], last == mapped { continue }
        out.append(mapped)
        last = mapped
    }
    inv.stdout.write(out)
    return 0
}

import CommandKit
import NodeFS

/// `cat [OPTION]... [FILE]...` — GNU cat: `-n -b -s -E -T -v -A -e -t -u`, `-` for stdin.
let catCommand = Command("cat") { inv in
    let specs = [
        OptionSpec("A", "show-all"), OptionSpec("b", "number-nonblank"), OptionSpec("e"),
        OptionSpec("E", "show-ends"), OptionSpec("n", "number"), OptionSpec("s", "squeeze-blank"),
        OptionSpec("t"), OptionSpec("T", "show-tabs"), OptionSpec("u"),
        OptionSpec("v", "show-nonprinting"),
    ] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "cat [OPTION]... [FILE]...",
                                  summary: "Concatenate FILE(s) to standard output.") { return 0 }
    var style = CatStyle()
    for (key, _) in options.options {
        switch key {
        case "show-all": style.nonprinting = true; style.ends = true; style.tabs = true
        case "number-nonblank": style.number = .nonblank
        case "e": style.nonprinting = true; style.ends = true
        case "show-ends": style.ends = true
        case "number": if style.number == .none { style.number = .all }
        case "squeeze-blank": style.squeeze = true
        case "t": style.nonprinting = true; style.tabs = true
        case "show-tabs": style.tabs = true
        case "show-nonprinting": style.nonprinting = true
        default: break
        }
    }
    var state = CatState(style: style)
    var status: Int32 = 0
    var stdinUsed = false
    for operand in options.operands.isEmpty ? ["-"] : options.operands {
        let bytes: [UInt8]
        if operand == "-" {
            bytes = stdinUsed ? [] : inv.stdin
            stdinUsed = true
        } else {
            do throws(FSError) {
                bytes = try inv.fileSystem.readFile(inv.resolvedPath(operand))
            } catch {
                inv.error("\(Quoting.ifNeeded(operand)): \(error.message)")
                status = 1
                continue
            }
        }
        if style.isPlain {
            inv.stdout.write(bytes)
        } else {
            inv.stdout.write(state.render(bytes))
        }
    }
    return status
}

private struct CatStyle {
    enum Numbering { case none, all, nonblank }
    var number = Numbering.none
    var squeeze = false
    var ends = false
    var tabs = false
    var nonprinting = false

    var isPlain: Bool { number == .none && !squeeze && !ends && !tabs && !nonprinting }
}

/// Line state carried from one file to the next, as GNU cat does (numbering goes on, and a
/// file without a final newline continues the line into the next file).
private struct CatState {
    let style: CatStyle
    var atLineStart = true
    var emptyLines = 0
    var lineNumber = 0

    init(style: CatStyle) { self.style = style }

    mutating func render(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if atLineStart {
                if byte == 0x0A {
                    emptyLines += 1
                    if style.squeeze && emptyLines > 1 { continue }
                    if style.number == .all { appendNumber(&out) }
                    if style.ends { out.append(UInt8(ascii: "$")) }
                    out.append(0x0A)
                    continue
                }
                emptyLines = 0
                if style.number != .none { appendNumber(&out) }
                atLineStart = false
            }
            if byte == 0x0A {
                if style.ends { out.append(UInt8(ascii: "$")) }
                out.append(0x0A)
                atLineStart = true
                continue
            }
            appendVisible(byte, to: &out)
        }
        return out
    }

    private mutating func appendNumber(_ out: inout [UInt8]) {
        lineNumber += 1
        let digits = String(lineNumber)
        out += Array(String(repeating: " ", count: max(0, 6 - digits.count)).utf8)
        out += Array(digits.utf8)
        out.append(0x09)
    }

    private func appendVisible(_ byte: UInt8, to out: inout [UInt8]) {
        if byte == 0x09 {
            if style.tabs { out += [UInt8(ascii: "^"), UInt8(ascii: "I")] } else { out.append(byte) }
            return
        }
        guard style.nonprinting else {
            out.append(byte)
            return
        }
        var c = byte
        if c >= 128 {
            out += [UInt8(ascii: "M"), UInt8(ascii: "-")]
            c -= 128
        }
        if c < 32 {
            out += [UInt8(ascii: "^"), c + 64]
        } else if c == 127 {
            out += [UInt8(ascii: "^"), UInt8(ascii: "?")]
        } else {
            out.append(c)
        }
    }
}

import CommandKit

/// `echo [-neE] [STRING]...` — /usr/bin/echo: options only while every letter is one of `neE`.
let echoCommand = Command("echo") { inv in
    var arguments = Array(inv.operands)
    if arguments.count == 1, arguments[0] == "--help" || arguments[0] == "--version" {
        if arguments[0] == "--help" {
            inv.printHelp(usage: "echo [SHORT-OPTION]... [STRING]...", summary: "Echo the STRING(s) to standard output.")
        } else {
            inv.printVersion()
        }
        return 0
    }
    var newline = true
    var escapes = false
    while let first = arguments.first, first.count > 1, first.hasPrefix("-"),
          first.dropFirst().allSatisfy({ "neE".contains($0) }) {
        for letter in first.dropFirst() {
            switch letter {
            case "n": newline = false
            case "e": escapes = true
            default: escapes = false
            }
        }
        arguments.removeFirst()
    }
    var out: [UInt8] = []
    for (index, argument) in arguments.enumerated() {
        if index > 0 { out.append(0x20) }
        if escapes {
            let (bytes, stop) = Escapes.expand(Array(argument.utf8), octalNeedsZero: true)
            out += bytes
            if stop {
                inv.stdout.write(out)
                return 0
            }
        } else {
            out += Array(argument.utf8)
        }
    }
    if newline { out.append(0x0A) }
    inv.stdout.write(out)
    return 0
}

/// Backslash escapes as `echo -e`, `printf`'s format and `%b` read them.
enum Escapes {
    /// Expands escapes; `stop` is true at `\c`. `octalNeedsZero`: echo/`%b` take `\0NNN`,
    /// printf's format takes `\NNN`.
    static func expand(_ bytes: [UInt8], octalNeedsZero: Bool, unicode: Bool = false) -> (bytes: [UInt8], stop: Bool) {
        var out: [UInt8] = []
        var index = 0
        func isOctal(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x37 }
        func hexValue(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: b - 0x30
            case 0x61...0x66: b - 0x61 + 10
            case 0x41...0x46: b - 0x41 + 10
            default: nil
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < bytes.count else {
                out.append(byte)
                continue
            }
            let letter = bytes[index]
            index += 1
            switch letter {
            case UInt8(ascii: "a"): out.append(7)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "c"): return (out, true)
            case UInt8(ascii: "e"): out.append(0x1B)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "\""), UInt8(ascii: "'") where unicode: out.append(letter)
            case UInt8(ascii: "x"):
                var value: UInt32 = 0
                var digits = 0
                while digits < 2, index < bytes.count, let h = hexValue(bytes[index]) {
                    value = value * 16 + UInt32(h)
                    digits += 1
                    index += 1
                }
                if digits == 0 {
                    out += [UInt8(ascii: "\\"), letter]
                } else {
                    out.append(UInt8(value))
                }
            case UInt8(ascii: "u"), UInt8(ascii: "U") where unicode:
                let wanted = letter == UInt8(ascii: "u") ? 4 : 8
                var value: UInt32 = 0
                var digits = 0
                while digits < wanted, index < bytes.count, let h = hexValue(bytes[index]) {
                    value = value * 16 + UInt32(h)
                    digits += 1
                    index += 1
                }
                if let scalar = Unicode.Scalar(value), digits > 0 {
                    out += Array(String(Character(scalar)).utf8)
                } else {
                    out += [UInt8(ascii: "\\"), letter]
                }
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value: UInt32 = 0
                var digits = 0
                var position = index - 1
                if octalNeedsZero {
                    guard letter == UInt8(ascii: "0") else {
                        out += [UInt8(ascii: "\\"), letter]
                        continue
                    }
                    position = index
                }
                while digits < 3, position < bytes.count, isOctal(bytes[position]) {
                    value = value * 8 + UInt32(bytes[position] - 0x30)
                    digits += 1
                    position += 1
                }
                index = position
                out.append(UInt8(truncatingIfNeeded: value))
            default:
                out += [UInt8(ascii: "\\"), letter]
            }
        }
        return (out, false)
    }
}

import Foundation

extension Shell {
    /// Decodes backslash escapes (`echo -e`, `printf` formats and `%b`). Returns the bytes and
    /// whether `\c` asked to stop all output.
    static func interpretEscapes(_ text: String, echoStyle: Bool) -> ([UInt8], Bool) {
        var out: [UInt8] = []
        let chars = Array(text.unicodeScalars)
        var i = 0
        func octal(_ maxDigits: Int) -> UInt8 {
            var value = 0, count = 0
            while count < maxDigits, i < chars.count, let d = Int(String(chars[i])), d < 8 {
                value = value * 8 + d
                i += 1
                count += 1
            }
            return UInt8(truncatingIfNeeded: value)
        }
        func hex(_ maxDigits: Int) -> Int? {
            var value = 0, count = 0
            while count < maxDigits, i < chars.count, let d = Character(chars[i]).hexDigitValue {
                value = value * 16 + d
                i += 1
                count += 1
            }
            return count == 0 ? nil : value
        }
        while i < chars.count {
            let c = chars[i]
            i += 1
            guard c == "\\", i < chars.count else {
                out += Array(String(c).utf8)
                continue
            }
            let e = chars[i]
            i += 1
            switch e {
            case "a": out.append(7)
            case "b": out.append(8)
            case "e", "E": out.append(27)
            case "f": out.append(12)
            case "n": out.append(10)
            case "r": out.append(13)
            case "t": out.append(9)
            case "v": out.append(11)
            case "\\": out.append(92)
            case "c": return (out, true)
            case "0" where echoStyle: out.append(octal(3))
            case "1", "2", "3", "4", "5", "6", "7" where !echoStyle:
                i -= 1
                out.append(octal(3))
            case "0": out.append(octal(3))
            case "x":
                if let value = hex(2) { out.append(UInt8(value)) } else { out += Array("\\x".utf8) }
            case "u", "U":
                if let value = hex(e == "u" ? 4 : 8), let scalar = Unicode.Scalar(value) {
                    out += Array(String(Character(scalar)).utf8)
                } else {
                    out += Array("\\\(e)".utf8)
                }
            case "\"" where !echoStyle: out.append(34)
            case "'" where !echoStyle: out.append(39)
            case "?" where !echoStyle: out.append(63)
            default:
                out.append(92)
                out += Array(String(e).utf8)
            }
        }
        return (out, false)
    }

    func printf(_ arguments: [String], io: IOContext) -> Int32 {
        var args = arguments
        var variable: String?
        if args.first == "-v", args.count >= 2 {
            variable = args[1]
            args.removeFirst(2)
        }
        if args.first == "--" { args.removeFirst() }
        guard let format = args.first else {
            io.stderr.line("printf: usage: printf [-v var] format [arguments]")
            return 2
        }
        var rest = Array(args.dropFirst())
        var output: [UInt8] = []
        var status: Int32 = 0
        var formatter = PrintfFormatter(format: format)
        repeat {
            let consumedBefore = rest.count
            let stop = formatter.run(arguments: &rest, output: &output) { message in
                io.stderr.line(errorPrefix + "printf: " + message)
                status = 1
            }
            if stop || rest.count == consumedBefore { break }
        } while !rest.isEmpty
        if let variable {
            setVariable(variable, String(decoding: output, as: UTF8.self))
        } else {
            io.stdout.write(output)
        }
        if formatter.failed { return 1 }
        return status
    }
}

/// One pass of a printf format over the arguments.
struct PrintfFormatter {
    let format: [Character]
    var failed = false

    init(format: String) {
        self.format = Array(format)
    }

    /// Returns true when `\c` (in the format or a `%b` argument) stops all output.
    mutating func run(arguments: inout [String], output: inout [UInt8], error: (String) -> Void) -> Bool {
        var i = 0
        func next() -> String? { arguments.isEmpty ? nil : arguments.removeFirst() }
        while i < format.count {
            let c = format[i]
            if c == "\\" {
                var j = i + 1
                var escape = "\\"
                if j < format.count {
                    escape.append(format[j])
                    let kind = format[j]
                    j += 1
                    let maxDigits: Int = kind == "x" ? 2 : (kind == "u" ? 4 : (kind == "U" ? 8 : (kind.isNumber ? 2 : 0)))
                    var count = 0
                    while count < maxDigits, j < format.count, kind == "x" || kind == "u" || kind == "U" ? format[j].isHexDigit : ("0"..."7").contains(format[j]) {
                        escape.append(format[j])
                        j += 1
                        count += 1
                    }
                    if kind == "c" { return true }
                }
                output += Shell.interpretEscapes(escape, echoStyle: false).0
                i = j
                continue
            }
            guard c == "%" else {
                output += Array(String(c).utf8)
                i += 1
                continue
            }
            i += 1
            guard i < format.count else {
                output.append(37)
                break
            }
            if format[i] == "%" {
                output.append(37)
                i += 1
                continue
            }
            var flags = ""
            while i < format.count, "-+ #0".contains(format[i]) {
                flags.append(format[i])
                i += 1
            }
            var width = ""
            if i < format.count, format[i] == "*" {
                width = String(Self.integer(next() ?? "0", error: error) ?? 0)
                i += 1
            } else {
                while i < format.count, format[i].isNumber { width.append(format[i]); i += 1 }
            }
            var precision: String?
            if i < format.count, format[i] == "." {
                i += 1
                var p = ""
                if i < format.count, format[i] == "*" {
                    p = String(Self.integer(next() ?? "0", error: error) ?? 0)
                    i += 1
                } else {
                    while i < format.count, format[i].isNumber { p.append(format[i]); i += 1 }
                }
                precision = p
            }
            var modifiers = ""
            while i < format.count, "hlLjzt".contains(format[i]) { modifiers.append(format[i]); i += 1 }
            guard i < format.count else {
                error("`%\(flags)\(width)\(precision.map { "." + $0 } ?? "")\(modifiers)': missing format character")
                failed = true
                return true
            }
            let conversion = format[i]
            i += 1
            let spec = "%" + flags + width + (precision.map { "." + $0 } ?? "")
            switch conversion {
            case "s":
                output += Self.pad(Array((next() ?? "").utf8), flags: flags, width: width, precision: precision)
            case "b":
                let (bytes, stop) = Shell.interpretEscapes(next() ?? "", echoStyle: true)
                output += Self.pad(bytes, flags: flags, width: width, precision: precision)
                if stop { return true }
            case "q":
                output += Self.pad(Array(Shell.shellQuote(next() ?? "").utf8), flags: flags, width: width, precision: nil)
            case "c":
                let text = next() ?? ""
                output += Self.pad(Array((text.first.map { String($0) } ?? "").utf8), flags: flags, width: width, precision: nil)
            case "d", "i":
                let value = Self.integer(next() ?? "0", error: error) ?? 0
                output += Array(String(format: spec + "lld", value).utf8)
            case "u", "o", "x", "X":
                let value = Self.integer(next() ?? "0", error: error) ?? 0
                output += Array(String(format: spec + "ll" + String(conversion), UInt64(bitPattern: value)).utf8)
            case "f", "F", "e", "E", "g", "G", "a", "A":
                let text = next() ?? "0"
                var value = Double(text.trimmingCharacters(in: .whitespaces))
                if value == nil {
                    if let integer = Self.integer(text, error: { _ in }) { value = Double(integer) } else {
                        error("\(text): invalid number")
                    }
                }
                output += Array(String(format: spec + String(conversion), value ?? 0).utf8)
            default:
                error("`\(conversion)': invalid format character")
                failed = true
                return true
            }
        }
        return false
    }

    /// `printf %s` width and precision count bytes, as bash's printf(3) does.
    static func pad(_ bytes: [UInt8], flags: String, width: String, precision: String?) -> [UInt8] {
        var bytes = bytes
        if let precision, let limit = Int(precision.isEmpty ? "0" : precision), bytes.count > limit {
            bytes = Array(bytes.prefix(limit))
        }
        let target = Int(width) ?? 0
        guard bytes.count < target else { return bytes }
        let padding = [UInt8](repeating: 32, count: target - bytes.count)
        return flags.contains("-") ? bytes + padding : padding + bytes
    }

    /// A numeric argument as bash reads it: decimal, `0x` hex, `0` octal, `'c` character code.
    static func integer(_ text: String, error: (String) -> Void) -> Int64? {
        let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        if trimmed.isEmpty { return 0 }
        if let first = trimmed.first, first == "'" || first == "\"" {
            guard let c = trimmed.dropFirst().unicodeScalars.first else { return 0 }
            return Int64(c.value)
        }
        var chars = Substring(trimmed)
        var negative = false
        if chars.first == "-" || chars.first == "+" {
            negative = chars.first == "-"
            chars = chars.dropFirst()
        }
        var base: Int64 = 10
        if chars.hasPrefix("0x") || chars.hasPrefix("0X") {
            base = 16
            chars = chars.dropFirst(2)
        } else if chars.hasPrefix("0"), chars.count > 1 {
            base = 8
            chars = chars.dropFirst()
        }
        var value: Int64 = 0
        var digits = 0
        for c in chars {
            guard let d = c.hexDigitValue, Int64(d) < base else {
                error("\(text): invalid number")
                return negative ? -value : value
            }
            value = value &* base &+ Int64(d)
            digits += 1
        }
        if digits == 0, base != 8 {
            error("\(text): invalid number")
            return 0
        }
        return negative ? -value : value
    }
}

extension Shell {
    /// `printf %q`: quotes a string so the shell reads it back unchanged.
    static func shellQuote(_ text: String) -> String {
        if text.isEmpty { return "''" }
        if text.contains(where: { $0 == "\n" || $0 == "\t" || ($0.asciiValue.map { $0 < 32 || $0 == 127 } ?? false) }) {
            var out = "$'"
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                case "'": out += "\\'"
                case "\\": out += "\\\\"
                default:
                    if scalar.value < 32 || scalar.value == 127 {
                        out += String(format: "\\%03o", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "'"
        }
        var out = ""
        for (index, c) in text.enumerated() {
            if " !\"#$&'()*,;<=>?[\\]^`{|}".contains(c) || (c == "~" && index == 0) {
                out.append("\\")
            }
            out.append(c)
        }
        return out
    }

    /// How `set -x` shows a word: quoted only when it needs to be.
    static func xtraceQuote(_ text: String) -> String {
        if text.isEmpty { return "''" }
        let special = " \t\n!\"#$&'()*;<>?[\\]^`{|}~"
        guard text.contains(where: { special.contains($0) }) else { return text }
        if text.contains("'") { return shellQuote(text) }
        return "'" + text + "'"
    }
}

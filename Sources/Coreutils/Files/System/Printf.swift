import CommandKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `printf FORMAT [ARGUMENT]...` — /usr/bin/printf: the format is reused until the arguments
/// run out; numbers are checked as GNU does (`expected a numeric value`, …) with status 1.
let printfCommand = Command("printf") { inv in
    let arguments = Array(inv.operands)
    guard let format = arguments.first else {
        inv.usageFailure("missing operand")
        return 1
    }
    if arguments.count == 1, format == "--help" {
        inv.printHelp(usage: "printf FORMAT [ARGUMENT]...", summary: "Print ARGUMENT(s) according to FORMAT.")
        return 0
    }
    if arguments.count == 1, format == "--version" {
        inv.printVersion()
        return 0
    }
    var printer = PrintfRun(inv: inv, format: Array(format.utf8), arguments: arguments.dropFirst())
    return printer.run()
}

private struct PrintfRun {
    let inv: Invocation
    let format: [UInt8]
    var arguments: ArraySlice<String>
    var status: Int32 = 0
    var out: [UInt8] = []

    init(inv: Invocation, format: [UInt8], arguments: ArraySlice<String>) {
        self.inv = inv
        self.format = format
        self.arguments = arguments
    }

    mutating func run() -> Int32 {
        var rounds = 0
        while true {
            let before = arguments.count
            guard let stop = pass() else {
                inv.stdout.write(out)
                return status
            }
            rounds += 1
            if stop { break }
            if arguments.isEmpty { break }
            if arguments.count == before {
                inv.stdout.write(out)
                out = []
                inv.error("warning: ignoring excess arguments, starting with \(Quoting.locale(arguments.first ?? ""))")
                return status
            }
            if out.count > 16 << 20 || rounds > 1_000_000 { break }
        }
        inv.stdout.write(out)
        return status
    }

    /// One pass over the format. Returns true to stop (`\c`), nil after an invalid conversion.
    mutating func pass() -> Bool? {
        var index = 0
        while index < format.count {
            let byte = format[index]
            if byte == UInt8(ascii: "\\") {
                var end = index + 1
                if end < format.count { end += 1 }
                // Take the whole escape: octal and hex digits follow.
                while end < format.count, end - index < 12,
                      isEscapeContinuation(format[index + 1], format[end], length: end - index) { end += 1 }
                let (bytes, stop) = Escapes.expand(Array(format[index..<end]), octalNeedsZero: false, unicode: true)
                out += bytes
                if stop { return true }
                index = end
                continue
            }
            guard byte == UInt8(ascii: "%") else {
                out.append(byte)
                index += 1
                continue
            }
            var spec = Spec()
            var cursor = index + 1
            while cursor < format.count, "-+ #0'".utf8.contains(format[cursor]) {
                spec.flags.append(format[cursor])
                cursor += 1
            }
            if cursor < format.count, format[cursor] == UInt8(ascii: "*") {
                spec.width = starValue()
                cursor += 1
            } else {
                cursor = digits(from: cursor) { spec.width = $0 }
            }
            if cursor < format.count, format[cursor] == UInt8(ascii: ".") {
                cursor += 1
                spec.precision = 0
                if cursor < format.count, format[cursor] == UInt8(ascii: "*") {
                    spec.precision = starValue()
                    cursor += 1
                } else {
                    cursor = digits(from: cursor) { spec.precision = $0 }
                }
            }
            while cursor < format.count, "hlLjzt".utf8.contains(format[cursor]) { cursor += 1 }
            guard cursor < format.count else {
                inv.error("\(String(decoding: format[index...], as: UTF8.self)): invalid conversion specification")
                status = 1
                return nil
            }
            let conversion = format[cursor]
            cursor += 1
            if conversion == UInt8(ascii: "%") && cursor == index + 2 {
                out.append(conversion)
                index = cursor
                continue
            }
            guard "diouxXeEfFgGaAcsbq".utf8.contains(conversion) else {
                inv.error("\(String(decoding: format[index..<cursor], as: UTF8.self)): invalid conversion specification")
                status = 1
                return nil
            }
            if convert(conversion, spec) { return true }
            index = cursor
        }
        return false
    }

    private func isEscapeContinuation(_ letter: UInt8, _ next: UInt8, length: Int) -> Bool {
        let isOctal = next >= 0x30 && next <= 0x37
        let isHex = isOctal || (0x38...0x39).contains(next) || (0x41...0x46).contains(next) || (0x61...0x66).contains(next)
        switch letter {
        case 0x30...0x37: return isOctal && length < 4
        case UInt8(ascii: "x"): return isHex && length < 4
        case UInt8(ascii: "u"): return isHex && length < 6
        case UInt8(ascii: "U"): return isHex && length < 10
        default: return false
        }
    }

    private func digits(from start: Int, _ set: (Int) -> Void) -> Int {
        var cursor = start
        var value = 0
        while cursor < format.count, format[cursor] >= 0x30, format[cursor] <= 0x39 {
            value = min(value * 10 + Int(format[cursor] - 0x30), 1 << 20)
            cursor += 1
        }
        if cursor > start { set(value) }
        return cursor
    }

    private mutating func starValue() -> Int {
        let text = arguments.popFirst() ?? "0"
        return Int(clamping: signedValue(text))
    }

    struct Spec {
        var flags: [UInt8] = []
        var width: Int?
        var precision: Int?

        func c(_ length: String, _ conversion: UInt8) -> String {
            var text = "%" + String(decoding: flags.filter { $0 != UInt8(ascii: "'") }, as: UTF8.self)
            if let width { text += String(width) }
            if let precision { text += "." + String(precision) }
            return text + length + String(UnicodeScalar(conversion))
        }
    }

    /// Formats one conversion; returns true when `%b` met `\c`.
    private mutating func convert(_ conversion: UInt8, _ spec: Spec) -> Bool {
        let argument = arguments.popFirst()
        switch conversion {
        case UInt8(ascii: "s"), UInt8(ascii: "q"), UInt8(ascii: "b"), UInt8(ascii: "c"):
            var bytes = Array((argument ?? "").utf8)
            var stop = false
            switch conversion {
            case UInt8(ascii: "q"):
                bytes = Array(Quoting.ifNeeded(argument ?? "", quoteColon: false).utf8)
            case UInt8(ascii: "b"):
                (bytes, stop) = Escapes.expand(bytes, octalNeedsZero: true)
            case UInt8(ascii: "c"):
                bytes = Array(bytes.prefix(1))
            default: break
            }
            if let precision = spec.precision, conversion != UInt8(ascii: "c") { bytes = Array(bytes.prefix(precision)) }
            let width = spec.width ?? 0
            let padding = [UInt8](repeating: 0x20, count: max(0, abs(width) - bytes.count))
            if spec.flags.contains(UInt8(ascii: "-")) || width < 0 { out += bytes + padding } else { out += padding + bytes }
            return stop
        case UInt8(ascii: "d"), UInt8(ascii: "i"):
            let value = signedValue(argument ?? "0")
            out += cFormat(spec.c("ll", conversion), [value])
        case UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "x"), UInt8(ascii: "X"):
            let value = UInt64(bitPattern: signedValue(argument ?? "0", unsigned: true))
            out += cFormat(spec.c("ll", conversion), [value])
        default:
            let value = floatValue(argument ?? "0")
            out += cFormat(spec.c("", conversion), [value])
        }
        return false
    }

    private func cFormat(_ spec: String, _ arguments: [CVarArg]) -> [UInt8] {
        var buffer = [CChar](repeating: 0, count: 512)
        let count = spec.withCString { format in withVaList(arguments) { vsnprintf(&buffer, buffer.count, format, $0) } }
        guard count >= 0 else { return [] }
        if count >= buffer.count {
            buffer = [CChar](repeating: 0, count: min(Int(count) + 1, 1 << 21))
            _ = spec.withCString { format in withVaList(arguments) { vsnprintf(&buffer, buffer.count, format, $0) } }
        }
        return buffer.prefix(min(Int(count), buffer.count - 1)).map { UInt8(bitPattern: $0) }
    }

    /// A character constant (`'a`), or the number as `strtoll`/`strtoull` reads it, with GNU's checks.
    private mutating func signedValue(_ text: String, unsigned: Bool = false) -> Int64 {
        if let constant = characterConstant(text) { return constant }
        var result: Int64 = 0
        var failed = ""
        text.withCString { start in
            var end: UnsafeMutablePointer<CChar>?
            errno = 0
            if unsigned {
                let trimmed = text.drop { $0 == " " || $0 == "\t" }
                result = trimmed.hasPrefix("-") ? strtoll(start, &end, 0) : Int64(bitPattern: strtoull(start, &end, 0))
            } else {
                result = strtoll(start, &end, 0)
            }
            failed = check(start, end, errno)
        }
        if !failed.isEmpty {
            inv.error(Quoting.locale(text) + ": " + failed)
            status = 1
        }
        return result
    }

    private mutating func floatValue(_ text: String) -> Double {
        if let constant = characterConstant(text) { return Double(constant) }
        var result = 0.0
        var failed = ""
        text.withCString { start in
            var end: UnsafeMutablePointer<CChar>?
            errno = 0
            result = strtod(start, &end)
            failed = check(start, end, errno)
        }
        if !failed.isEmpty {
            inv.error(Quoting.locale(text) + ": " + failed)
            status = 1
        }
        return result
    }

    private func check(_ start: UnsafePointer<CChar>, _ end: UnsafeMutablePointer<CChar>?, _ error: Int32) -> String {
        guard let end else { return "expected a numeric value" }
        if UnsafePointer(end) == start { return "expected a numeric value" }
        if end.pointee != 0 { return "value not completely converted" }
        if error == ERANGE { return "Numerical result out of range" }
        return ""
    }

    private mutating func characterConstant(_ text: String) -> Int64? {
        guard let first = text.utf8.first, first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") else { return nil }
        let rest = text.dropFirst()
        guard let character = rest.unicodeScalars.first else { return 0 }
        if rest.unicodeScalars.count > 1 {
            inv.error("warning: \(String(rest.unicodeScalars.dropFirst())): character(s) following character constant have been ignored")
        }
        return Int64(character.value)
    }
}

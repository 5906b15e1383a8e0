import CommandKit
import NodeFS

/// Reading operands the way text filters do: `-` (or no operand) is standard input, which
/// can be read once; everything else is a file on the node's filesystem.
struct TextInput {
    private var stdinUsed = false

    /// The bytes of `operand`, or the filesystem error.
    mutating func read(_ operand: String, _ inv: Invocation) -> Result<[UInt8], FSError> {
        if operand == "-" {
            defer { stdinUsed = true }
            return .success(stdinUsed ? [] : inv.stdin)
        }
        do throws(FSError) {
            return .success(try inv.fileSystem.readFile(inv.resolvedPath(operand)))
        } catch {
            return .failure(error)
        }
    }
}

/// Lines of a byte buffer, split on a terminator byte (newline, or NUL for `-z`).
struct Lines {
    /// Each line without its terminator.
    var lines: [ArraySlice<UInt8>]
    /// Whether the last line ended with the terminator.
    var endsWithTerminator: Bool

    init(_ bytes: [UInt8], terminator: UInt8 = 0x0A) {
        var result: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == terminator {
                result.append(bytes[start..<index])
                start = index + 1
            }
            index += 1
        }
        endsWithTerminator = start == bytes.endIndex
        if start < bytes.endIndex { result.append(bytes[start..<bytes.endIndex]) }
        lines = result
    }
}

extension Array where Element == UInt8 {
    /// Bytes as text, for messages and numbers (invalid UTF-8 shown as U+FFFD).
    var text: String { String(decoding: self, as: UTF8.self) }
}

extension ArraySlice where Element == UInt8 {
    var text: String { String(decoding: self, as: UTF8.self) }
}

extension String {
    var bytes: [UInt8] { Array(utf8) }
}

/// Parses a decimal count the way coreutils' `xstrtoumax` does for line/byte counts, with
/// the multiplier suffixes (b, kB, K, MB, M, … , KiB, MiB).
enum CountParser {
    static func parse(_ text: String) -> Int? {
        var digits = Substring(text)
        while digits.first == " " || digits.first == "\t" { digits = digits.dropFirst() }
        if digits.first == "+" { digits = digits.dropFirst() }
        let number = digits.prefix { $0.isASCII && $0.isNumber }
        guard !number.isEmpty else { return nil }
        let suffix = String(digits.dropFirst(number.count))
        // Huge values saturate, as coreutils treat them as "infinite".
        let value = Int(number) ?? Int.max
        guard let multiplier = multipliers[suffix] else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
        return overflow ? Int.max : product
    }

    private static let multipliers: [String: Int] = {
        var table: [String: Int] = ["": 1, "b": 512, "c": 1, "w": 2]
        let letters = ["K", "M", "G", "T", "P", "E"]
        var power1000 = 1
        var power1024 = 1
        for letter in letters {
            power1000 = power1000.multipliedReportingOverflow(by: 1000).partialValue
            power1024 = power1024.multipliedReportingOverflow(by: 1024).partialValue
            table[letter] = power1024
            table[letter + "iB"] = power1024
            table[letter + "B"] = power1000
            if letter == "K" { table["k"] = power1024; table["kB"] = power1000 }
        }
        return table
    }()
}

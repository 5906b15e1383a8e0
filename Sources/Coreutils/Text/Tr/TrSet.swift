/// One of tr's SET operands, expanded to the bytes it stands for.
struct TrSet {
    /// The bytes in order, ranges and classes expanded.
    var bytes: [UInt8] = []
    /// Class names used, in order (tr only allows upper/lower in SET2 when translating).
    var classes: [String] = []
    /// Warnings tr prints while parsing (they do not stop it).
    var warnings: [String] = []

    enum Failure: Error {
        case message(String)
    }

    static let classMembers: [String: @Sendable (UInt8) -> Bool] = [
        "alpha": { isUpper($0) || isLower($0) },
        "upper": isUpper,
        "lower": isLower,
        "digit": { $0 >= 48 && $0 <= 57 },
        "xdigit": { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) || ($0 >= 97 && $0 <= 102) },
        "alnum": { isUpper($0) || isLower($0) || ($0 >= 48 && $0 <= 57) },
        "space": { $0 == 32 || ($0 >= 9 && $0 <= 13) },
        "blank": { $0 == 32 || $0 == 9 },
        "punct": { $0 > 32 && $0 < 127 && !(isUpper($0) || isLower($0) || ($0 >= 48 && $0 <= 57)) },
        "print": { $0 >= 32 && $0 < 127 },
        "graph": { $0 > 32 && $0 < 127 },
        "cntrl": { $0 < 32 || $0 == 127 },
    ]

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 }
    private static func isLower(_ byte: UInt8) -> Bool { byte >= 97 && byte <= 122 }

    init(_ text: String) throws(Failure) {
        let source = Array(text.utf8)
        // First unescape into (byte, wasEscaped) so `\-` is never a range.
        var items: [(UInt8, Bool)] = []
        var index = 0
        while index < source.count {
            let byte = source[index]
            guard byte == UInt8(ascii: "\\") else {
                items.append((byte, false))
                index += 1
                continue
            }
            guard index + 1 < source.count else {
                warnings.append("warning: an unescaped backslash at end of string is not portable")
                items.append((byte, true))
                index += 1
                continue
            }
            let next = source[index + 1]
            index += 2
            switch next {
            case UInt8(ascii: "n"): items.append((0x0A, true))
            case UInt8(ascii: "t"): items.append((0x09, true))
            case UInt8(ascii: "r"): items.append((0x0D, true))
            case UInt8(ascii: "a"): items.append((0x07, true))
            case UInt8(ascii: "b"): items.append((0x08, true))
            case UInt8(ascii: "f"): items.append((0x0C, true))
            case UInt8(ascii: "v"): items.append((0x0B, true))
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(next - 48)
                var digits = 1
                while digits < 3, index < source.count, source[index] >= 48, source[index] <= 55 {
                    let candidate = value * 8 + Int(source[index] - 48)
                    if candidate > 255 {
                        warnings.append("warning: the ambiguous octal escape \\\(String(value, radix: 8))\(UnicodeScalar(source[index])) is being\n\tinterpreted as the 2-byte sequence \\0\(String(value, radix: 8)), \(UnicodeScalar(source[index]))")
                        break
                    }
                    value = candidate
                    digits += 1
                    index += 1
                }
                items.append((UInt8(value), true))
            default: items.append((next, true))
            }
        }
        var cursor = 0
        while cursor < items.count {
            let (byte, escaped) = items[cursor]
            // [:class:]
            if !escaped, byte == UInt8(ascii: "["), cursor + 1 < items.count, items[cursor + 1].0 == UInt8(ascii: ":"),
               let close = TrSet.find(items, from: cursor + 2, ":]") {
                let name = String(decoding: items[(cursor + 2)..<close].map(\.0), as: UTF8.self)
                guard let member = TrSet.classMembers[name] else {
                    throw .message("invalid character class \(Quoting.locale(name))")
                }
                classes.append(name)
                bytes += (0...255).map { UInt8($0) }.filter(member)
                cursor = close + 2
                continue
            }
            // [=c=]
            if !escaped, byte == UInt8(ascii: "["), cursor + 3 < items.count, items[cursor + 1].0 == UInt8(ascii: "="),
               items[cursor + 3].0 == UInt8(ascii: "="), cursor + 4 < items.count, items[cursor + 4].0 == UInt8(ascii: "]") {
                bytes.append(items[cursor + 2].0)
                cursor += 5
                continue
            }
            // [c*n] repeats
            if !escaped, byte == UInt8(ascii: "["), cursor + 2 < items.count, items[cursor + 2].0 == UInt8(ascii: "*"),
               let close = TrSet.find(items, from: cursor + 3, "]") {
                let countText = String(decoding: items[(cursor + 3)..<close].map(\.0), as: UTF8.self)
                let count = countText.isEmpty ? 0 : (countText.hasPrefix("0") ? Int(countText, radix: 8) : Int(countText))
                if let count {
                    // A zero (or empty) count fills SET2 up to SET1's length; resolved by the caller.
                    bytes += Array(repeating: items[cursor + 1].0, count: min(count == 0 ? 0 : count, 1 << 16))
                    if count == 0 { fillByte = items[cursor + 1].0; fillIndex = bytes.count }
                    cursor = close + 1
                    continue
                }
            }
            // a-z ranges
            if cursor + 2 < items.count, items[cursor + 1] == (UInt8(ascii: "-"), false) {
                let high = items[cursor + 2].0
                if high < byte {
                    let low = TrSet.display(byte)
                    throw .message("range-endpoints of '\(low)-\(TrSet.display(high))' are in reverse collating sequence order")
                }
                bytes += Array(byte...high)
                cursor += 3
                continue
            }
            bytes.append(byte)
            cursor += 1
        }
    }

    /// Where a `[c*]` filler goes, if SET2 has one.
    var fillByte: UInt8?
    var fillIndex = 0

    private static func find(_ items: [(UInt8, Bool)], from start: Int, _ terminator: String) -> Int? {
        let pattern = Array(terminator.utf8)
        var index = start
        while index + pattern.count <= items.count {
            if zip(items[index..<(index + pattern.count)], pattern).allSatisfy({ $0.0.0 == $0.1 }) { return index }
            index += 1
        }
        return nil
    }

    private static func display(_ byte: UInt8) -> String {
        byte >= 32 && byte < 127 ? String(UnicodeScalar(byte)) : "\\" + String(byte, radix: 8)
    }
}

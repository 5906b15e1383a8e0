import CommandKit

/// What head and tail share: `-5` shorthand, counts, and `==> name <==` headers.
enum HeadTail {
    /// Rewrites `-5` / `-5c` (obsolete forms still accepted when first) as `-n 5` / `-c 5`.
    static func expandObsolete(_ arguments: [String]) -> [String] {
        guard let first = arguments.first, first.count > 1, first.hasPrefix("-") else { return arguments }
        let body = first.dropFirst()
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return arguments }
        let rest = body.dropFirst(digits.count)
        switch rest {
        case "", "l": return ["-n", String(digits)] + arguments.dropFirst()
        case "c": return ["-c", String(digits)] + arguments.dropFirst()
        default: return arguments
        }
    }

    /// Writes the header a file gets when several are shown (a blank line before all but the first).
    static func header(_ name: String, first: Bool, _ out: OutputSink) {
        out.write((first ? "" : "\n") + "==> \(name) <==\n")
    }

    /// Last `count` lines of `bytes` (lines end at `terminator`; a final partial line counts).
    static func lastLines(_ bytes: [UInt8], _ count: Int, terminator: UInt8) -> ArraySlice<UInt8> {
        guard count > 0 else { return [] }
        var index = bytes.count
        if index > 0 && bytes[index - 1] == terminator { index -= 1 }
        var seen = 0
        while index > 0 {
            if bytes[index - 1] == terminator {
                seen += 1
                if seen == count { return bytes[index...] }
            }
            index -= 1
        }
        return bytes[...]
    }

    /// Index just after the `count`-th terminator (or the end).
    static func afterLines(_ bytes: [UInt8], _ count: Int, terminator: UInt8) -> Int {
        guard count > 0 else { return 0 }
        var seen = 0
        for (index, byte) in bytes.enumerated() where byte == terminator {
            seen += 1
            if seen == count { return index + 1 }
        }
        return bytes.count
    }
}

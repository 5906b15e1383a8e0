import ShellSyntax

extension Shell {
    /// The most words one brace expansion may produce (`{1..1000000000}` would exhaust memory).
    static let maxBraceWords = 100_000

    /// `a{b,c}d` → `abd acd`, `{1..3}` → `1 2 3`, `{a..e..2}`, nested groups. Only braces inside one
    /// unquoted literal part expand, which covers what people type (`mkdir -p d/{a,b}`, `for i in {1..5}`).
    static func braceExpand(_ word: Word) -> [Word] {
        var results: [Word] = []
        var pending = [word]
        while let current = pending.popLast() {
            guard results.count + pending.count < maxBraceWords else {
                results.append(current)
                continue
            }
            guard let (index, alternatives, prefix, suffix) = firstBraceGroup(current.parts) else {
                results.append(current)
                continue
            }
            for alternative in alternatives.reversed() {
                var parts = current.parts
                parts[index] = .literal(prefix + alternative + suffix)
                if (prefix + alternative + suffix).isEmpty { parts.remove(at: index) }
                pending.append(Word(parts, position: current.position))
            }
        }
        return results
    }

    private static func firstBraceGroup(_ parts: [WordPart]) -> (Int, [String], String, String)? {
        for (index, part) in parts.enumerated() {
            guard case .literal(let text) = part, text.utf8.contains(UInt8(ascii: "{")), text.utf8.contains(UInt8(ascii: "}")) else { continue }
            let chars = Array(text)
            var start = 0
            while start < chars.count {
                guard chars[start] == "{" else { start += 1; continue }
                if start > 0, chars[start - 1] == "$" { start += 1; continue }
                var depth = 0
                var commas: [Int] = []
                var end: Int?
                var i = start
                while i < chars.count {
                    switch chars[i] {
                    case "{": depth += 1
                    case "}":
                        depth -= 1
                        if depth == 0 { end = i }
                    case ",": if depth == 1 { commas.append(i) }
                    default: break
                    }
                    if end != nil { break }
                    i += 1
                }
                guard let close = end else { break }
                let prefix = String(chars[..<start])
                let suffix = String(chars[(close + 1)...])
                if !commas.isEmpty {
                    var alternatives: [String] = []
                    var from = start + 1
                    for comma in commas + [close] {
                        alternatives.append(String(chars[from..<comma]))
                        from = comma + 1
                    }
                    return (index, alternatives, prefix, suffix)
                }
                if let sequence = sequence(String(chars[(start + 1)..<close])) {
                    return (index, sequence, prefix, suffix)
                }
                start += 1
            }
        }
        return nil
    }

    /// `1..5`, `05..10`, `a..e`, `10..1..3`.
    private static func sequence(_ text: String) -> [String]? {
        let pieces = text.components(separatedBy: "..")
        guard pieces.count == 2 || pieces.count == 3 else { return nil }
        var step = 1
        if pieces.count == 3 {
            guard let value = Int(pieces[2]) else { return nil }
            step = abs(value == 0 ? 1 : value)
        }
        if let first = Int(pieces[0]), let last = Int(pieces[1]) {
            let width = [pieces[0], pieces[1]].contains { $0.hasPrefix("0") && $0.count > 1 || $0.hasPrefix("-0") }
                ? max(pieces[0].count, pieces[1].count) : 0
            var values: [String] = []
            var value = first
            while values.count < maxBraceWords {
                var text = String(abs(value))
                let negative = value < 0
                let digits = width - (negative ? 1 : 0)
                if text.count < digits { text = String(repeating: "0", count: digits - text.count) + text }
                values.append((negative ? "-" : "") + text)
                if value == last { break }
                let next = first <= last ? value + step : value - step
                if first <= last ? next > last : next < last { break }
                value = next
            }
            return values
        }
        guard pieces[0].count == 1, pieces[1].count == 1, let a = pieces[0].unicodeScalars.first?.value,
              let b = pieces[1].unicodeScalars.first?.value, pieces[0].first?.isASCII == true, pieces[1].first?.isASCII == true else { return nil }
        var values: [String] = []
        var value = Int(a)
        while true {
            if let scalar = Unicode.Scalar(UInt32(value)) { values.append(String(Character(scalar))) }
            if value == Int(b) { break }
            let next = a <= b ? value + step : value - step
            if a <= b ? next > Int(b) : next < Int(b) { break }
            value = next
        }
        return values
    }
}

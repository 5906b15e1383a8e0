/// grep's patterns, compiled: one regex per pattern line, matched as an alternation.
struct GrepMatcher {
    enum Syntax { case basic, extended, fixed, perl }

    private let regexes: [PosixRegex]
    private let wordRegexp: Bool
    private let lineRegexp: Bool
    /// An empty pattern matches every line.
    private let matchesEverything: Bool

    /// Compiles `patterns`; throws the message grep prints after `grep: `.
    init(patterns: [[UInt8]], syntax: Syntax, ignoreCase: Bool, word: Bool, line: Bool) throws(RegexError) {
        wordRegexp = word && !line
        lineRegexp = line
        var compiled: [PosixRegex] = []
        var everything = false
        for pattern in patterns {
            var source = pattern
            var extended = syntax == .extended || syntax == .perl
            switch syntax {
            case .fixed:
                source = GrepMatcher.escapeFixed(pattern)
                extended = false
            case .perl:
                source = GrepMatcher.perlToExtended(pattern)
            case .basic, .extended:
                try GrepMatcher.checkGrepSpecificErrors(pattern)
            }
            if source.isEmpty && !word && !line { everything = true }
            if wordRegexp { source = GrepMatcher.wrapWord(source, extended: extended) }
            var options: PosixRegex.Options = extended ? [.extended] : []
            if ignoreCase { options.insert(.ignoreCase) }
            compiled.append(try PosixRegex(source, options: options))
        }
        regexes = compiled
        matchesEverything = everything
    }

    /// Whether `line` holds a match (before `-v`).
    func matches(_ line: [UInt8]) -> Bool {
        if matchesEverything { return true }
        return firstMatch(in: line, from: 0) != nil
    }

    /// The leftmost-longest match at or after `start` over all patterns, honouring -w / -x.
    func firstMatch(in line: [UInt8], from start: Int) -> Range<Int>? {
        var best: Range<Int>?
        for regex in regexes {
            guard let span = match(regex, line, from: start) else { continue }
            if let current = best {
                if span.lowerBound < current.lowerBound
                    || (span.lowerBound == current.lowerBound && span.upperBound > current.upperBound) {
                    best = span
                }
            } else {
                best = span
            }
        }
        return best
    }

    private func match(_ regex: PosixRegex, _ line: [UInt8], from start: Int) -> Range<Int>? {
        guard let groups = regex.firstMatch(in: line, from: start, notBOL: start > 0) else { return nil }
        if lineRegexp {
            guard let whole = groups.first ?? nil, whole == 0..<line.count else { return nil }
            return whole
        }
        if wordRegexp {
            // Group 2 of the wrapped pattern is the word itself.
            return groups.count > 2 ? groups[2] : nil
        }
        return groups.first ?? nil
    }

    /// Makes a fixed string a basic regex matching it literally.
    static func escapeFixed(_ pattern: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for byte in pattern {
            if "\\.[]*^$".utf8.contains(byte) { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
        }
        return out
    }

    /// `-P` without PCRE: Perl's common escapes rewritten for the extended engine.
    static func perlToExtended(_ pattern: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < pattern.count {
            let byte = pattern[index]
            if byte == UInt8(ascii: "\\"), index + 1 < pattern.count {
                let next = pattern[index + 1]
                switch next {
                case UInt8(ascii: "d"): out += Array("[0-9]".utf8)
                case UInt8(ascii: "D"): out += Array("[^0-9]".utf8)
                default: out += [byte, next]
                }
                index += 2
                continue
            }
            out.append(byte)
            index += 1
        }
        return out
    }

    /// `\(^\|\W\)\(PAT\)\(\W\|$\)`, with back-references shifted past the new first group.
    static func wrapWord(_ pattern: [UInt8], extended: Bool) -> [UInt8] {
        var shifted: [UInt8] = []
        var index = 0
        while index < pattern.count {
            let byte = pattern[index]
            if byte == UInt8(ascii: "\\"), index + 1 < pattern.count {
                let next = pattern[index + 1]
                if next >= UInt8(ascii: "1") && next <= UInt8(ascii: "8") {
                    shifted += [byte, next + 1]
                } else {
                    shifted += [byte, next]
                }
                index += 2
                continue
            }
            shifted.append(byte)
            index += 1
        }
        let nonWord = "[^[:alnum:]_]"
        let text = extended
            ? ["(^|\(nonWord))(", ")(\(nonWord)|$)"]
            : ["\\(^\\|\(nonWord)\\)\\(", "\\)\\(\(nonWord)\\|$\\)"]
        return Array(text[0].utf8) + shifted + Array(text[1].utf8)
    }

    /// Errors grep's own parser reports before the regex engine sees the pattern.
    static func checkGrepSpecificErrors(_ pattern: [UInt8]) throws(RegexError) {
        if pattern.last == UInt8(ascii: "["), !isEscaped(pattern, at: pattern.count - 1),
           !pattern.dropLast().contains(UInt8(ascii: "[")) {
            throw RegexError(message: "Invalid regular expression")
        }
        // `[:space:]` outside brackets is almost always a mistake; grep refuses it.
        // Only a pattern with `[:` can hold a bare class (and the String searches are slow).
        guard pattern.indices.contains(where: { $0 + 1 < pattern.count && pattern[$0] == UInt8(ascii: "[") && pattern[$0 + 1] == UInt8(ascii: ":") }) else { return }
        let text = String(decoding: pattern, as: UTF8.self)
        for name in ["alpha", "upper", "lower", "digit", "xdigit", "space", "punct", "alnum", "print", "graph", "cntrl", "blank"] {
            let bare = "[:\(name):]"
            if text.hasPrefix(bare) || (text.contains(bare) && !text.contains("[" + bare)) {
                throw RegexError(message: "character class syntax is [[:space:]], not [:space:]")
            }
        }
    }

    private static func isEscaped(_ pattern: [UInt8], at index: Int) -> Bool {
        var backslashes = 0
        var cursor = index - 1
        while cursor >= 0 && pattern[cursor] == UInt8(ascii: "\\") {
            backslashes += 1
            cursor -= 1
        }
        return backslashes % 2 == 1
    }
}

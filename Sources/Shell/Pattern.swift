/// A bash glob pattern (`*`, `?`, `[a-z]`, `[!x]`, `[[:digit:]]`), compiled from expanded
/// units so quoted characters match only themselves.
struct Pattern {
    enum Element: Equatable {
        case literal(Character)
        case any
        case star
        case set(items: [SetItem], negated: Bool)
    }

    enum SetItem: Equatable {
        case char(Character)
        case range(Character, Character)
        case charClass(String)
    }

    var elements: [Element]

    init(_ units: [ExpansionUnit]) {
        var chars: [(Character, Bool)] = []
        for unit in units {
            if case .char(let c, let quoted, _) = unit { chars.append((c, quoted)) }
        }
        elements = Self.compile(chars)
    }

    /// A pattern from plain text where every character is active.
    init(text: String) {
        elements = Self.compile(text.map { ($0, false) })
    }

    static func hasWildcards(_ units: [ExpansionUnit]) -> Bool {
        units.contains { unit in
            if case .char(let c, false, _) = unit { return c == "*" || c == "?" || c == "[" }
            return false
        }
    }

    var hasWildcards: Bool { elements.contains { if case .literal = $0 { false } else { true } } }

    private static func compile(_ chars: [(Character, Bool)]) -> [Element] {
        var elements: [Element] = []
        var index = 0
        while index < chars.count {
            let (c, quoted) = chars[index]
            index += 1
            if quoted { elements.append(.literal(c)); continue }
            switch c {
            case "*":
                if elements.last != .star { elements.append(.star) }
            case "?":
                elements.append(.any)
            case "\\":
                if index < chars.count {
                    elements.append(.literal(chars[index].0))
                    index += 1
                } else {
                    elements.append(.literal("\\"))
                }
            case "[":
                if let (set, next) = compileSet(chars, from: index) {
                    elements.append(set)
                    index = next
                } else {
                    elements.append(.literal("["))
                }
            default:
                elements.append(.literal(c))
            }
        }
        return elements
    }

    /// Reads a bracket expression after `[`; nil when it has no closing `]`.
    private static func compileSet(_ chars: [(Character, Bool)], from start: Int) -> (Element, Int)? {
        var index = start
        var negated = false
        if index < chars.count, !chars[index].1, chars[index].0 == "!" || chars[index].0 == "^" {
            negated = true
            index += 1
        }
        var items: [SetItem] = []
        var first = true
        while index < chars.count {
            let (c, quoted) = chars[index]
            if c == "]", !quoted, !first { return (.set(items: items, negated: negated), index + 1) }
            first = false
            if c == "[", !quoted, index + 1 < chars.count, chars[index + 1].0 == ":" {
                var end = index + 2
                var name = ""
                while end + 1 < chars.count, !(chars[end].0 == ":" && chars[end + 1].0 == "]") {
                    name.append(chars[end].0)
                    end += 1
                }
                if end + 1 < chars.count {
                    items.append(.charClass(name))
                    index = end + 2
                    continue
                }
            }
            var low = c
            if c == "\\", !quoted, index + 1 < chars.count {
                index += 1
                low = chars[index].0
            }
            if index + 2 < chars.count, chars[index + 1].0 == "-", !chars[index + 1].1, chars[index + 2].0 != "]" {
                items.append(.range(low, chars[index + 2].0))
                index += 3
            } else {
                items.append(.char(low))
                index += 1
            }
        }
        return nil
    }

    private static func setContains(_ items: [SetItem], _ c: Character) -> Bool {
        for item in items {
            switch item {
            case .char(let x): if x == c { return true }
            case .range(let low, let high): if low <= c && c <= high { return true }
            case .charClass(let name): if classContains(name, c) { return true }
            }
        }
        return false
    }

    private static func classContains(_ name: String, _ c: Character) -> Bool {
        guard let ascii = c.asciiValue else { return name == "alpha" || name == "alnum" ? c.isLetter : false }
        switch name {
        case "alpha": return c.isLetter
        case "digit": return c.isNumber
        case "alnum": return c.isLetter || c.isNumber
        case "upper": return c.isUppercase
        case "lower": return c.isLowercase
        case "space": return ascii == 32 || (9...13).contains(ascii)
        case "blank": return ascii == 32 || ascii == 9
        case "punct": return (33...47).contains(ascii) || (58...64).contains(ascii) || (91...96).contains(ascii) || (123...126).contains(ascii)
        case "xdigit": return c.isHexDigit
        case "cntrl": return ascii < 32 || ascii == 127
        case "print": return ascii >= 32 && ascii < 127
        case "graph": return ascii > 32 && ascii < 127
        default: return false
        }
    }

    private static func matchesOne(_ element: Element, _ c: Character) -> Bool {
        switch element {
        case .literal(let x): return x == c
        case .any: return true
        case .star: return true
        case .set(let items, let negated): return setContains(items, c) != negated
        }
    }

    /// Whether the whole of `text` matches.
    func matches(_ text: String) -> Bool {
        matches(Array(text))
    }

    func matches(_ text: [Character]) -> Bool {
        // Greedy matching with one backtrack point per star: linear, never exponential.
        var p = 0, t = 0
        var starP = -1, starT = 0
        while t < text.count {
            if p < elements.count, elements[p] == .star {
                starP = p
                starT = t
                p += 1
            } else if p < elements.count, Self.matchesOne(elements[p], text[t]) {
                p += 1
                t += 1
            } else if starP >= 0 {
                p = starP + 1
                starT += 1
                t = starT
            } else {
                return false
            }
        }
        while p < elements.count, elements[p] == .star { p += 1 }
        return p == elements.count
    }

    func removingPrefix(of value: String, longest: Bool) -> String {
        let chars = Array(value)
        let lengths = longest ? Array((0...chars.count).reversed()) : Array(0...chars.count)
        for length in lengths where matches(Array(chars[0..<length])) {
            return String(chars[length...])
        }
        return value
    }

    func removingSuffix(of value: String, longest: Bool) -> String {
        let chars = Array(value)
        let starts = longest ? Array(0...chars.count) : Array((0...chars.count).reversed())
        for start in starts where matches(Array(chars[start...])) {
            return String(chars[..<start])
        }
        return value
    }

    /// The longest match starting at `start`, as its end index.
    private func longestMatch(_ chars: [Character], from start: Int) -> Int? {
        for end in stride(from: chars.count, through: start, by: -1) where matches(Array(chars[start..<end])) {
            return end
        }
        return nil
    }

    func replacing(in value: String, with replacement: String, all: Bool) -> String {
        let chars = Array(value)
        guard !elements.isEmpty else { return value }
        var result = ""
        var index = 0
        var replaced = false
        while index < chars.count {
            if !(replaced && !all), let end = longestMatch(chars, from: index), end > index {
                result += replacement
                index = end
                replaced = true
                continue
            }
            result.append(chars[index])
            index += 1
        }
        return result
    }

    func replacingAnchored(in value: String, with replacement: String, atEnd: Bool) -> String {
        let chars = Array(value)
        if atEnd {
            for start in 0...chars.count where matches(Array(chars[start...])) {
                return String(chars[..<start]) + replacement
            }
            return value
        }
        if let end = longestMatch(chars, from: 0) { return replacement + String(chars[end...]) }
        return value
    }
}

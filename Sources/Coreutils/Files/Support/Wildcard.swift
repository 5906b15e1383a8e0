/// `fnmatch(3)` without flags, as find's `-name`/`-path` and the shell's patterns use it:
/// `*`, `?`, `[...]` (with `!`/`^`, ranges), backslash escapes. Works on Unicode scalars.
enum Wildcard {
    static func matches(_ pattern: String, _ text: String, caseInsensitive: Bool = false) -> Bool {
        let p = Array((caseInsensitive ? pattern.lowercased() : pattern).unicodeScalars)
        let t = Array((caseInsensitive ? text.lowercased() : text).unicodeScalars)
        var pi = 0, ti = 0
        var starP = -1, starT = 0
        var steps = 0
        while ti < t.count {
            steps += 1
            if steps > 1_000_000 { return false }
            if pi < p.count {
                switch p[pi] {
                case "*":
                    starP = pi
                    starT = ti
                    pi += 1
                    continue
                case "?":
                    pi += 1
                    ti += 1
                    continue
                case "[":
                    if let (matched, next) = bracket(p, pi, t[ti]) {
                        if matched {
                            pi = next
                            ti += 1
                            continue
                        }
                    } else if t[ti] == "[" {
                        pi += 1
                        ti += 1
                        continue
                    }
                case "\\" where pi + 1 < p.count:
                    if p[pi + 1] == t[ti] {
                        pi += 2
                        ti += 1
                        continue
                    }
                default:
                    if p[pi] == t[ti] {
                        pi += 1
                        ti += 1
                        continue
                    }
                }
            }
            guard starP >= 0 else { return false }
            pi = starP + 1
            starT += 1
            ti = starT
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// Matches one character against the bracket expression at `start`; nil if it is not one.
    private static func bracket(_ p: [Unicode.Scalar], _ start: Int, _ c: Unicode.Scalar) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < p.count && (p[i] == "!" || p[i] == "^") {
            negate = true
            i += 1
        }
        var matched = false
        var first = true
        while i < p.count {
            if p[i] == "]" && !first { return (matched != negate, i + 1) }
            first = false
            var low = p[i]
            if low == "\\" && i + 1 < p.count {
                i += 1
                low = p[i]
            }
            if low == "[" && i + 1 < p.count && p[i + 1] == ":" {
                if let end = (i + 2..<p.count).first(where: { p[$0] == ":" && $0 + 1 < p.count && p[$0 + 1] == "]" }) {
                    let name = String(String.UnicodeScalarView(p[(i + 2)..<end]))
                    if classMatches(name, c) { matched = true }
                    i = end + 2
                    continue
                }
            }
            if i + 2 < p.count && p[i + 1] == "-" && p[i + 2] != "]" {
                let high = p[i + 2]
                if low.value <= c.value && c.value <= high.value { matched = true }
                i += 3
                continue
            }
            if low == c { matched = true }
            i += 1
        }
        return nil
    }

    private static func classMatches(_ name: String, _ c: Unicode.Scalar) -> Bool {
        let p = c.properties
        switch name {
        case "alpha": return p.isAlphabetic
        case "digit": return ("0"..."9").contains(c)
        case "alnum": return p.isAlphabetic || ("0"..."9").contains(c)
        case "upper": return p.isUppercase
        case "lower": return p.isLowercase
        case "space": return p.isWhitespace
        case "punct": return c.isASCII && !p.isAlphabetic && !("0"..."9").contains(c) && c.value > 32 && c.value < 127
        case "xdigit": return ("0"..."9").contains(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c)
        default: return false
        }
    }
}

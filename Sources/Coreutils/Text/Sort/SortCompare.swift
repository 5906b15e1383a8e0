/// sort's comparisons: numeric, human, version, month, and text under the C.UTF-8 locale
/// (byte order, which is code-point order for UTF-8).
enum SortCompare {
    static func compare(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>, _ ordering: SortOrdering) -> Int {
        var a = a, b = b
        if ordering.ignoreBlanks {
            a = a.drop { $0 == 32 || $0 == 9 }
            b = b.drop { $0 == 32 || $0 == 9 }
        }
        let result: Int
        if ordering.numeric {
            result = compareNumbers(a, b)
        } else if ordering.human {
            let (aSuffix, bSuffix) = (humanSuffix(a), humanSuffix(b))
            let aSign = sign(a), bSign = sign(b)
            if aSign != bSign {
                result = aSign < bSign ? -1 : 1
            } else if aSuffix != bSuffix {
                result = (aSuffix < bSuffix ? -1 : 1) * (aSign < 0 ? -1 : 1)
            } else {
                result = compareNumbers(a, b)
            }
        } else if ordering.general {
            let x = Double(String(decoding: a.prefix { !($0 == 32 || $0 == 9) }, as: UTF8.self)) ?? -.infinity
            let y = Double(String(decoding: b.prefix { !($0 == 32 || $0 == 9) }, as: UTF8.self)) ?? -.infinity
            result = x < y ? -1 : (x > y ? 1 : 0)
        } else if ordering.month {
            result = month(a) - month(b)
        } else if ordering.version {
            result = VersionCompare.compare(Array(a), Array(b))
        } else {
            var x = a, y = b
            if ordering.dictionary || ordering.ignoreNonprinting {
                let dictionary = ordering.dictionary
                x = ArraySlice(x.filter { dictionary ? isDictionary($0) : isPrintable($0) })
                y = ArraySlice(y.filter { dictionary ? isDictionary($0) : isPrintable($0) })
            }
            if ordering.foldCase {
                x = ArraySlice(x.map { upper($0) })
                y = ArraySlice(y.map { upper($0) })
            }
            result = bytes(x, y)
        }
        return ordering.reverse ? -result : result
    }

    static func bytes(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    private static func isDictionary(_ c: UInt8) -> Bool {
        if c == 32 || c == 9 || c >= 128 { return true }
        if c >= 48 && c <= 57 { return true }
        return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    }

    private static func isPrintable(_ c: UInt8) -> Bool { (c >= 32 && c < 127) || c >= 128 }

    private static func upper(_ byte: UInt8) -> UInt8 { byte >= 97 && byte <= 122 ? byte - 32 : byte }

    private static func sign(_ text: ArraySlice<UInt8>) -> Int {
        let (negative, digits, fraction) = numberParts(text)
        let nonzero = digits.contains { $0 != 48 } || fraction.contains { $0 != 48 }
        return nonzero ? (negative ? -1 : 1) : 0
    }

    /// Sign, integer digits (no leading zeros), fraction digits (no trailing zeros).
    private static func numberParts(_ text: ArraySlice<UInt8>) -> (Bool, ArraySlice<UInt8>, ArraySlice<UInt8>) {
        var rest = text.drop { $0 == 32 || $0 == 9 }
        var negative = false
        if rest.first == UInt8(ascii: "-") { negative = true; rest = rest.dropFirst() }
        let integer = rest.prefix { $0 >= 48 && $0 <= 57 }
        rest = rest.dropFirst(integer.count)
        var fraction: ArraySlice<UInt8> = []
        if rest.first == UInt8(ascii: ".") {
            fraction = rest.dropFirst().prefix { $0 >= 48 && $0 <= 57 }
        }
        var trimmedFraction = fraction
        while trimmedFraction.last == 48 { trimmedFraction = trimmedFraction.dropLast() }
        return (negative, integer.drop { $0 == 48 }, trimmedFraction)
    }

    /// Compares leading numbers as sort -n does: by value, without converting to floating point.
    static func compareNumbers(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        let signA = sign(a), signB = sign(b)
        if signA != signB { return signA < signB ? -1 : 1 }
        if signA == 0 { return 0 }
        let (_, intA, fracA) = numberParts(a)
        let (_, intB, fracB) = numberParts(b)
        var magnitude: Int
        if intA.count != intB.count {
            magnitude = intA.count < intB.count ? -1 : 1
        } else {
            magnitude = bytes(intA, intB)
            if magnitude == 0 { magnitude = bytes(fracA, fracB) }
        }
        return signA < 0 ? -magnitude : magnitude
    }

    private static func humanSuffix(_ text: ArraySlice<UInt8>) -> Int {
        var rest = text.drop { $0 == 32 || $0 == 9 }
        if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        rest = rest.drop { ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }
        guard let letter = rest.first else { return 0 }
        let order = Array("kKMGTPEZYRQ".utf8)
        guard let index = order.firstIndex(of: letter) else { return 0 }
        return max(1, index)
    }

    private static func month(_ text: ArraySlice<UInt8>) -> Int {
        let name = String(decoding: text.drop { $0 == 32 || $0 == 9 }.prefix(3), as: UTF8.self).uppercased()
        let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        return (months.firstIndex(of: name) ?? -1) + 1
    }
}

/// gnulib's `filevercmp`, for `sort -V` and `ls -v`.
enum VersionCompare {
    static func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a == b { return 0 }
        if a.isEmpty { return -1 }
        if b.isEmpty { return 1 }
        let aPrefix = suffixStart(a), bPrefix = suffixStart(b)
        let result = verrevcmp(Array(a[..<aPrefix]), Array(b[..<bPrefix]))
        return result != 0 ? result : verrevcmp(a, b)
    }

    /// Where a trailing `(\.[A-Za-z~][A-Za-z0-9~]*)*` suffix starts.
    private static func suffixStart(_ s: [UInt8]) -> Int {
        var matchStart = s.count
        var index = 0
        var readAlpha = false
        var start: Int?
        while index < s.count {
            let c = s[index]
            if readAlpha {
                readAlpha = false
                if !(isAlpha(c) || c == UInt8(ascii: "~")) { start = nil }
            } else if c == UInt8(ascii: ".") {
                readAlpha = true
                if start == nil { start = index }
            } else if !(isAlnum(c) || c == UInt8(ascii: "~")) {
                start = nil
            }
            index += 1
        }
        if let start { matchStart = start }
        return matchStart
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    private static func isAlpha(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
    private static func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || isAlpha(c) }

    private static func order(_ s: [UInt8], _ index: Int) -> Int {
        guard index < s.count else { return 0 }
        let c = s[index]
        if isDigit(c) { return 0 }
        if isAlpha(c) { return Int(c) }
        if c == UInt8(ascii: "~") { return -1 }
        return Int(c) + 256
    }

    private static func verrevcmp(_ s1: [UInt8], _ s2: [UInt8]) -> Int {
        var i = 0, j = 0
        while i < s1.count || j < s2.count {
            var firstDiff = 0
            while (i < s1.count && !isDigit(s1[i])) || (j < s2.count && !isDigit(s2[j])) {
                let c1 = order(s1, i), c2 = order(s2, j)
                if c1 != c2 { return c1 - c2 }
                i += 1
                j += 1
            }
            while i < s1.count && s1[i] == 48 { i += 1 }
            while j < s2.count && s2[j] == 48 { j += 1 }
            while i < s1.count && j < s2.count && isDigit(s1[i]) && isDigit(s2[j]) {
                if firstDiff == 0 { firstDiff = Int(s1[i]) - Int(s2[j]) }
                i += 1
                j += 1
            }
            if i < s1.count && isDigit(s1[i]) { return 1 }
            if j < s2.count && isDigit(s2[j]) { return -1 }
            if firstDiff != 0 { return firstDiff }
        }
        return 0
    }
}

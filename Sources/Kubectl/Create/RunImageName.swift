/// distribution/reference's ReferenceRegexp, which `kubectl run` checks `--image` against:
/// `[domain[:port]/]path[:tag][@digest]`, path components lower case. Parsed by hand: the
/// pattern's empty `-*` separator backtracks exponentially outside RE2.
enum RunImageName {
    static func isValid(_ image: String) -> Bool {
        var rest = Substring(image)
        if let at = rest.firstIndex(of: "@") {
            guard isDigest(rest[rest.index(after: at)...]) else { return false }
            rest = rest[..<at]
        }
        let lastSlash = rest.lastIndex(of: "/") ?? rest.startIndex
        if let colon = rest[lastSlash...].lastIndex(of: ":") {
            guard isTag(rest[rest.index(after: colon)...]) else { return false }
            rest = rest[..<colon]
        }
        let components = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard let first = components.first else { return false }
        if components.dropFirst().allSatisfy(isPathComponent) {
            if isPathComponent(first) { return true }
            return components.count > 1 && isDomain(first)
        }
        return false
    }

    private static func isAlphanumeric(_ c: Character) -> Bool { ("a"..."z").contains(c) || ("0"..."9").contains(c) }
    private static func isWord(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_") }

    /// `[a-z0-9]+` runs joined by `.`, `_`, `__` or any number of `-`.
    private static func isPathComponent(_ text: Substring) -> Bool {
        guard let first = text.first, let last = text.last, isAlphanumeric(first), isAlphanumeric(last) else { return false }
        var separator = ""
        for c in text {
            if isAlphanumeric(c) {
                guard separator.isEmpty || [".", "_", "__"].contains(separator) || separator.allSatisfy({ $0 == "-" }) else { return false }
                separator = ""
            } else if c == "." || c == "_" || c == "-" {
                separator.append(c)
            } else {
                return false
            }
        }
        return true
    }

    /// Dot-separated host labels (letters of either case, inner dashes), then an optional `:port`.
    private static func isDomain(_ text: Substring) -> Bool {
        var host = text
        if let colon = text.firstIndex(of: ":") {
            let port = text[text.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
            host = text[..<colon]
        }
        return host.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            guard let first = label.first, let last = label.last, first.isASCII, last.isASCII,
                  first.isLetter || first.isNumber, last.isLetter || last.isNumber else { return false }
            return label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// `[\w][\w.-]{0,127}`.
    private static func isTag(_ text: Substring) -> Bool {
        guard let first = text.first, isWord(first), text.count <= 128 else { return false }
        return text.allSatisfy { isWord($0) || $0 == "." || $0 == "-" }
    }

    /// `algorithm:hex`, the hex at least 32 digits.
    private static func isDigest(_ text: Substring) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let algorithm = text[..<colon]
        let hex = text[text.index(after: colon)...]
        guard hex.count >= 32, hex.allSatisfy({ $0.isASCII && $0.isHexDigit }) else { return false }
        let parts = algorithm.split(omittingEmptySubsequences: false) { "-_+.".contains($0) }
        return parts.allSatisfy { part in
            guard let first = part.first, first.isASCII, first.isLetter else { return false }
            return part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}

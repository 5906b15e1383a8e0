/// How one key (or the whole line) compares: sort's ordering options.
struct SortOrdering: Equatable {
    var numeric = false
    var human = false
    var general = false
    var version = false
    var month = false
    var foldCase = false
    var ignoreBlanks = false
    var dictionary = false
    var ignoreNonprinting = false
    var reverse = false

    var isDefault: Bool { self == SortOrdering() }

    /// Letters of the conflicting ordering options, as sort names them (`-hn`).
    var conflicting: String? {
        let letters = [(general, "g"), (human, "h"), (month, "M"), (numeric, "n"), (version, "V")]
            .filter { $0.0 }.map(\.1)
        return letters.count > 1 ? letters.sorted { $0.lowercased() < $1.lowercased() }.joined() : nil
    }

    /// Sets the ordering for a letter; false if the letter is not an ordering option.
    mutating func apply(_ letter: Character) -> Bool {
        switch letter {
        case "n": numeric = true
        case "h": human = true
        case "g": general = true
        case "V": version = true
        case "M": month = true
        case "f": foldCase = true
        case "b": ignoreBlanks = true
        case "d": dictionary = true
        case "i": ignoreNonprinting = true
        case "r": reverse = true
        default: return false
        }
        return true
    }
}

/// A `-k START[,END]` key.
struct SortKey {
    var startField: Int
    var startChar: Int
    var endField: Int?
    var endChar: Int
    var ordering: SortOrdering
    /// Whether the `b` was given on the start / end position.
    var skipStartBlanks: Bool
    var skipEndBlanks: Bool

    enum Failure: Error { case message(String) }

    /// Parses a key spec, inheriting the global ordering when the key names none.
    init(_ spec: String, global: SortOrdering) throws(Failure) {
        let parts = spec.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
        var ordering = SortOrdering()
        let (field, char, startOptions) = try SortKey.position(parts[0], spec: spec, isStart: true, ordering: &ordering)
        startField = field
        startChar = char == 0 ? 1 : char
        skipStartBlanks = startOptions
        skipEndBlanks = false
        endChar = 0
        if parts.count > 1 {
            let (field, char, endOptions) = try SortKey.position(parts[1], spec: spec, isStart: false, ordering: &ordering)
            endField = field
            endChar = char
            skipEndBlanks = endOptions
        }
        if ordering.isDefault || ordering == SortOrdering(ignoreBlanks: true) && !skipStartBlanks {
            let blanks = ordering.ignoreBlanks
            ordering = global
            if blanks { ordering.ignoreBlanks = true }
        }
        if ordering.ignoreBlanks && !skipStartBlanks && !skipEndBlanks {
            skipStartBlanks = global.ignoreBlanks || ordering.ignoreBlanks
            skipEndBlanks = skipStartBlanks
        }
        self.ordering = ordering
    }

    private static func position(_ text: Substring, spec: String, isStart: Bool,
                                 ordering: inout SortOrdering) throws(Failure) -> (Int, Int, Bool) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard let field = Int(digits) else {
            throw .message("invalid number at field start: invalid count at start of \(Quoting.locale(String(text)))")
        }
        if field == 0 && isStart { throw .message("field number is zero: invalid field specification \(Quoting.locale(spec))") }
        var rest = text.dropFirst(digits.count)
        var char = 0
        if rest.first == "." {
            rest = rest.dropFirst()
            let charDigits = rest.prefix { $0.isASCII && $0.isNumber }
            guard let value = Int(charDigits) else {
                throw .message("invalid number after '.': invalid count at start of \(Quoting.locale(String(rest)))")
            }
            if value == 0 && isStart {
                throw .message("character offset is zero: invalid field specification \(Quoting.locale(spec))")
            }
            char = value
            rest = rest.dropFirst(charDigits.count)
        }
        var blanks = false
        for letter in rest {
            if letter == "b" { blanks = true }
            guard ordering.apply(letter) else {
                throw .message("stray character in field spec: invalid field specification \(Quoting.locale(spec))")
            }
        }
        return (field, char, blanks)
    }

    /// The bytes of `line` this key covers.
    func extract(_ line: ArraySlice<UInt8>, separator: UInt8?) -> ArraySlice<UInt8> {
        let start = SortKey.offset(line, field: startField, char: startChar, separator: separator,
                                   skipBlanks: skipStartBlanks, isEnd: false)
        guard let endField else { return line[min(start, line.endIndex)...] }
        let end = SortKey.offset(line, field: endField, char: endChar, separator: separator,
                                 skipBlanks: skipEndBlanks, isEnd: true)
        let clamped = min(start, line.endIndex)
        return clamped < end ? line[clamped..<end] : line[clamped..<clamped]
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 }

    /// Where field `field` (1-based), character `char` starts — or, for an end with char 0,
    /// where the field ends.
    private static func offset(_ line: ArraySlice<UInt8>, field: Int, char: Int, separator: UInt8?,
                               skipBlanks: Bool, isEnd: Bool) -> Int {
        var index = line.startIndex
        var remaining = field - 1
        while remaining > 0 && index < line.endIndex {
            if let separator {
                while index < line.endIndex && line[index] != separator { index += 1 }
                if index < line.endIndex { index += 1 }
            } else {
                while index < line.endIndex && isBlank(line[index]) { index += 1 }
                while index < line.endIndex && !isBlank(line[index]) { index += 1 }
            }
            remaining -= 1
        }
        if isEnd && char == 0 {
            if let separator {
                while index < line.endIndex && line[index] != separator { index += 1 }
            } else {
                while index < line.endIndex && isBlank(line[index]) { index += 1 }
                while index < line.endIndex && !isBlank(line[index]) { index += 1 }
            }
            return index
        }
        if skipBlanks {
            while index < line.endIndex && isBlank(line[index]) { index += 1 }
        }
        let target = index + (isEnd ? char : char - 1)
        if let separator {
            // Characters do not run past the field's end.
            var fieldEnd = index
            while fieldEnd < line.endIndex && line[fieldEnd] != separator { fieldEnd += 1 }
            return min(target, fieldEnd)
        }
        return min(target, line.endIndex)
    }
}

/// Parses sed scripts (GNU sed 4.9's grammar and its error messages).
struct SedParser {
    private let source: [UInt8]
    private var index = 0
    private let extended: Bool
    private var commands: [SedCommand] = []
    private var openBlocks: [Int] = []

    init(_ source: [UInt8], extended: Bool) {
        self.source = source
        self.extended = extended
    }

    private var current: UInt8? { index < source.count ? source[index] : nil }

    private func fail(_ message: String) -> SedError { SedError(message: message, offset: index) }

    private mutating func next() -> UInt8? {
        guard index < source.count else { return nil }
        defer { index += 1 }
        return source[index]
    }

    private mutating func skipSpaces() {
        while let c = current, c == 32 || c == 9 { index += 1 }
    }

    mutating func parse() throws(SedError) -> SedScript {
        while true {
            while let c = current, c == 32 || c == 9 || c == 10 || c == UInt8(ascii: ";") { index += 1 }
            guard current != nil else { break }
            try parseCommand()
        }
        if !openBlocks.isEmpty { throw SedError(message: "unmatched `{'", offset: 0) }
        return SedScript(commands: commands)
    }

    private mutating func parseCommand() throws(SedError) {
        var command = SedCommand(kind: .comment)
        if current == UInt8(ascii: "#") {
            while let c = next(), c != 10 {}
            return
        }
        command.address1 = try parseAddress(first: true)
        if command.address1 != nil {
            skipSpaces()
            if current == UInt8(ascii: ",") {
                index += 1
                skipSpaces()
                guard let second = try parseAddress(first: false) else { throw fail("unexpected `,'") }
                command.address2 = second
            }
        }
        skipSpaces()
        while current == UInt8(ascii: "!") {
            index += 1
            command.negated = true
            skipSpaces()
        }
        guard let letter = next() else { throw fail("missing command") }
        if case .line(0)? = command.address1 {
            var regexSecond = false
            if case .regex? = command.address2 { regexSecond = true }
            if !regexSecond { throw fail("invalid usage of line address 0") }
        }
        let hasAddress = command.address1 != nil
        switch letter {
        case UInt8(ascii: "{"):
            openBlocks.append(commands.count)
            command.kind = .blockStart(end: -1)
            commands.append(command)
            return
        case UInt8(ascii: "}"):
            guard let open = openBlocks.popLast() else { throw fail("unexpected `}'") }
            if hasAddress { throw fail("} doesn't want any addresses") }
            commands[open].kind = .blockStart(end: commands.count)
            command.kind = .blockEnd
        case UInt8(ascii: "#"):
            if hasAddress { throw fail("comments don't accept any addresses") }
            while let c = next(), c != 10 {}
            return
        case UInt8(ascii: ":"):
            if hasAddress { throw fail(": doesn't want any addresses") }
            skipSpaces()
            let label = readLabel(stopAtSemicolon: true)
            if label.isEmpty { throw fail("\":\" lacks a label") }
            command.kind = .label(label)
        case UInt8(ascii: "s"): command.kind = .substitute(try parseSubstitution())
        case UInt8(ascii: "y"): command.kind = .transliterate(try parseTransliteration())
        case UInt8(ascii: "p"): command.kind = .print
        case UInt8(ascii: "P"): command.kind = .printFirstLine
        case UInt8(ascii: "d"): command.kind = .delete
        case UInt8(ascii: "D"): command.kind = .deleteFirstLine
        case UInt8(ascii: "="): command.kind = .lineNumber
        case UInt8(ascii: "n"): command.kind = .next
        case UInt8(ascii: "N"): command.kind = .appendNext
        case UInt8(ascii: "h"): command.kind = .hold
        case UInt8(ascii: "H"): command.kind = .holdAppend
        case UInt8(ascii: "g"): command.kind = .get
        case UInt8(ascii: "G"): command.kind = .getAppend
        case UInt8(ascii: "x"): command.kind = .exchange
        case UInt8(ascii: "z"): command.kind = .zap
        case UInt8(ascii: "F"): command.kind = .fileName
        case UInt8(ascii: "l"): command.kind = .list
        case UInt8(ascii: "q"), UInt8(ascii: "Q"):
            if command.address2 != nil { throw fail("command only uses one address") }
            skipSpaces()
            var digits = ""
            while let c = current, c >= 48 && c <= 57 { digits.append(Character(UnicodeScalar(c))); index += 1 }
            let code = Int32(truncatingIfNeeded: Int(digits) ?? 0)
            command.kind = letter == UInt8(ascii: "q") ? .quit(code) : .quitSilently(code)
        case UInt8(ascii: "a"), UInt8(ascii: "i"), UInt8(ascii: "c"):
            let text = try parseText()
            command.kind = letter == UInt8(ascii: "a") ? .append(text) : letter == UInt8(ascii: "i") ? .insert(text) : .change(text)
            commands.append(command)
            return
        case UInt8(ascii: "b"), UInt8(ascii: "t"), UInt8(ascii: "T"):
            skipSpaces()
            let label = readLabel(stopAtSemicolon: true)
            let target = label.isEmpty ? nil : label
            command.kind = letter == UInt8(ascii: "b") ? .branch(target)
                : letter == UInt8(ascii: "t") ? .branchIfSubstituted(target) : .branchUnlessSubstituted(target)
        case UInt8(ascii: "r"), UInt8(ascii: "w"):
            let name = try readFileName()
            command.kind = letter == UInt8(ascii: "r") ? .readFile(name) : .writeFile(name)
            commands.append(command)
            return
        default:
            throw fail("unknown command: `\(String(decoding: [letter], as: UTF8.self))'")
        }
        try endOfCommand()
        commands.append(command)
    }

    /// After a command: only spaces, then `;`, a newline, `}`, `#` or the end.
    private mutating func endOfCommand() throws(SedError) {
        skipSpaces()
        guard let c = current else { return }
        if c == UInt8(ascii: ";") || c == 10 { index += 1; return }
        if c == UInt8(ascii: "}") || c == UInt8(ascii: "#") { return }
        index += 1
        throw fail("extra characters after command")
    }

    private mutating func readLabel(stopAtSemicolon: Bool) -> String {
        var bytes: [UInt8] = []
        while let c = current, c != 10, !(stopAtSemicolon && c == UInt8(ascii: ";")) {
            bytes.append(c)
            index += 1
        }
        while bytes.last == 32 || bytes.last == 9 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func readFileName() throws(SedError) -> String {
        skipSpaces()
        var bytes: [UInt8] = []
        while let c = current, c != 10 {
            bytes.append(c)
            index += 1
        }
        if bytes.isEmpty { throw fail("missing filename in r/R/w/W commands") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text of `a`, `i`, `c`: GNU's one-line form or the classic `a\` + lines.
    private mutating func parseText() throws(SedError) -> [UInt8] {
        skipSpaces()
        guard let first = current, first != 10 else { throw fail("expected \\ after `a', `c' or `i'") }
        if current == UInt8(ascii: "\\") {
            index += 1
            if current == 10 { index += 1 }
        }
        var text: [UInt8] = []
        while let c = next() {
            if c == 10 { break }
            if c == UInt8(ascii: "\\") {
                if let escaped = next() { text.append(escaped) }
                continue
            }
            text.append(c)
        }
        // `a\` with nothing after it appends nothing, not even a newline.
        return text.isEmpty && index >= source.count ? [] : text + [10]
    }

    private mutating func parseAddress(first: Bool) throws(SedError) -> SedAddress? {
        guard let c = current else { return nil }
        if c >= 48 && c <= 57 {
            let number = readNumber()
            if current == UInt8(ascii: "~") {
                index += 1
                let step = readNumber()
                return first ? .step(first: number, step: step) : .multiple(step)
            }
            return .line(number)
        }
        if c == UInt8(ascii: "$") {
            index += 1
            return .last
        }
        if !first && (c == UInt8(ascii: "+") || c == UInt8(ascii: "~")) {
            index += 1
            let number = readNumber()
            return c == UInt8(ascii: "+") ? .relative(number) : .multiple(number)
        }
        if c == UInt8(ascii: "/") || c == UInt8(ascii: "\\") {
            index += 1
            var delimiter = c
            if c == UInt8(ascii: "\\") {
                guard let d = next() else { throw fail("unexpected `,'") }
                delimiter = d
            }
            guard let pattern = readDelimited(delimiter, isRegex: true) else {
                throw fail("unterminated address regex")
            }
            var options: PosixRegex.Options = extended ? [.extended] : []
            while let flag = current, flag == UInt8(ascii: "I") || flag == UInt8(ascii: "M") {
                options.insert(flag == UInt8(ascii: "I") ? .ignoreCase : .newline)
                index += 1
            }
            return .regex(try compile(pattern, options))
        }
        return nil
    }

    private mutating func readNumber() -> Int {
        var value = 0
        while let c = current, c >= 48 && c <= 57 {
            value = value.multipliedReportingOverflow(by: 10).partialValue &+ Int(c - 48)
            index += 1
        }
        return value
    }

    /// Reads up to an unescaped delimiter; `\n` becomes a newline, `\<delim>` the delimiter.
    /// Returns nil at the end of the script.
    private mutating func readDelimited(_ delimiter: UInt8, isRegex: Bool) -> [UInt8]? {
        var bytes: [UInt8] = []
        while let c = next() {
            if c == delimiter { return bytes }
            if c == UInt8(ascii: "\\") {
                guard let escaped = next() else { return nil }
                if escaped == delimiter {
                    bytes.append(escaped)
                } else if escaped == UInt8(ascii: "n") && isRegex {
                    bytes.append(10)
                } else if escaped == 10 && isRegex {
                    bytes.append(10)
                } else {
                    bytes += [c, escaped]
                }
                continue
            }
            if c == 10 && isRegex { return nil }
            bytes.append(c)
        }
        return nil
    }

    private func compile(_ pattern: [UInt8], _ options: PosixRegex.Options) throws(SedError) -> PosixRegex? {
        if pattern.isEmpty { return nil }
        do throws(RegexError) {
            return try PosixRegex(SedParser.translateEscapes(pattern), options: options)
        } catch {
            throw fail(error.message)
        }
    }

    /// `\t` in a sed regex is a tab (GNU extension); the engine does not know it.
    static func translateEscapes(_ pattern: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < pattern.count {
            if pattern[index] == UInt8(ascii: "\\"), index + 1 < pattern.count {
                if pattern[index + 1] == UInt8(ascii: "t") {
                    out.append(9)
                } else {
                    out += [pattern[index], pattern[index + 1]]
                }
                index += 2
                continue
            }
            out.append(pattern[index])
            index += 1
        }
        return out
    }

    private mutating func parseSubstitution() throws(SedError) -> SedSubstitution {
        guard let delimiter = next(), delimiter != 10, delimiter != UInt8(ascii: "\\") else {
            throw fail("unterminated `s' command")
        }
        guard let pattern = readDelimited(delimiter, isRegex: true) else { throw fail("unterminated `s' command") }
        guard let replacement = try readReplacement(delimiter) else { throw fail("unterminated `s' command") }
        var substitution = SedSubstitution(regex: nil, replacement: replacement)
        var options: PosixRegex.Options = extended ? [.extended] : []
        var sawOccurrence = false
        flags: while let c = current {
            switch c {
            case UInt8(ascii: "g"): substitution.global = true
            case UInt8(ascii: "p"): substitution.print = true
            case UInt8(ascii: "i"), UInt8(ascii: "I"): options.insert(.ignoreCase)
            case UInt8(ascii: "m"), UInt8(ascii: "M"): options.insert(.newline)
            case UInt8(ascii: "e"): break
            case 48...57:
                if sawOccurrence { index += 1; throw fail("multiple number options to `s' command") }
                let number = readNumber()
                if number == 0 { throw fail("number option to `s' command may not be zero") }
                substitution.occurrence = number
                sawOccurrence = true
                continue flags
            case UInt8(ascii: "w"):
                index += 1
                substitution.writeFile = try readFileName()
                break flags
            case 32, 9, 10, UInt8(ascii: ";"), UInt8(ascii: "}"), UInt8(ascii: "#"):
                break flags
            default:
                index += 1
                throw fail("unknown option to `s'")
            }
            index += 1
        }
        substitution.regex = try compile(pattern, options)
        let groups = substitution.regex?.groupCount ?? 9
        for piece in replacement {
            if case .group(let number) = piece, number > groups {
                throw fail("invalid reference \\\(number) on `s' command's RHS")
            }
        }
        return substitution
    }

    private mutating func readReplacement(_ delimiter: UInt8) throws(SedError) -> [SedReplacementPiece]? {
        var pieces: [SedReplacementPiece] = []
        var literal: [UInt8] = []
        func flush() {
            if !literal.isEmpty { pieces.append(.literal(literal)); literal = [] }
        }
        while let c = next() {
            if c == delimiter { flush(); return pieces }
            if c == UInt8(ascii: "&") { flush(); pieces.append(.group(0)); continue }
            guard c == UInt8(ascii: "\\") else { literal.append(c); continue }
            guard let escaped = next() else { return nil }
            switch escaped {
            case 48...57: flush(); pieces.append(.group(Int(escaped - 48)))
            case UInt8(ascii: "n"): literal.append(10)
            case UInt8(ascii: "t"): literal.append(9)
            case UInt8(ascii: "r"): literal.append(13)
            case UInt8(ascii: "L"): flush(); pieces.append(.caseChange(.lower))
            case UInt8(ascii: "U"): flush(); pieces.append(.caseChange(.upper))
            case UInt8(ascii: "l"): flush(); pieces.append(.caseChange(.lowerNext))
            case UInt8(ascii: "u"): flush(); pieces.append(.caseChange(.upperNext))
            case UInt8(ascii: "E"): flush(); pieces.append(.caseChange(.end))
            default: literal.append(escaped)
            }
        }
        return nil
    }

    private mutating func parseTransliteration() throws(SedError) -> [UInt8: UInt8] {
        guard let delimiter = next(), delimiter != 10, delimiter != UInt8(ascii: "\\") else {
            throw fail("unterminated `y' command")
        }
        func read(_ parser: inout SedParser) -> [UInt8]? {
            var bytes: [UInt8] = []
            while let c = parser.next() {
                if c == delimiter { return bytes }
                if c == UInt8(ascii: "\\") {
                    guard let escaped = parser.next() else { return nil }
                    switch escaped {
                    case UInt8(ascii: "n"): bytes.append(10)
                    case UInt8(ascii: "t"): bytes.append(9)
                    case UInt8(ascii: "\\"): bytes.append(escaped)
                    case delimiter: bytes.append(escaped)
                    default: bytes += [c, escaped]
                    }
                    continue
                }
                bytes.append(c)
            }
            return nil
        }
        guard let from = read(&self), let to = read(&self) else { throw fail("unterminated `y' command") }
        if from.count != to.count { throw fail("strings for `y' command are different lengths") }
        var map: [UInt8: UInt8] = [:]
        for (a, b) in zip(from, to) where map[a] == nil { map[a] = b }
        return map
    }
}

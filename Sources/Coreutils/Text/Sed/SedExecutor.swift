/// Runs a sed script over a stream of lines (GNU sed 4.9 semantics).
struct SedExecutor {
    /// One input line and whether a newline ended it.
    struct InputLine {
        var bytes: [UInt8]
        var hadNewline: Bool
        var fileName: String
    }

    let script: SedScript
    let quiet: Bool
    /// What the script wrote with `w` (and `s///w`), by file name, in order.
    var writtenFiles: [(String, [UInt8])] = []
    /// Files `r` reads, provided by the caller.
    var readFile: (String) -> [UInt8]? = { _ in nil }
    /// Set by `q`/`Q`: stop reading input.
    private(set) var exitStatus: Int32?
    /// A runtime error (e.g. no previous regex), in sed's words.
    private(set) var runtimeError: String?

    private var hold: [UInt8] = []
    private var lastRegex: PosixRegex?
    private var rangeActive: [Bool]
    private var rangeEnd: [Int]
    private var lineNumber = 0
    private var labels: [String: Int] = [:]
    /// Output budget: sed scripts can loop (`:a;s/x/xx/;ta`).
    private var steps = 0
    private let stepBudget = 5_000_000

    init(script: SedScript, quiet: Bool) {
        self.script = script
        self.quiet = quiet
        rangeActive = Array(repeating: false, count: script.commands.count)
        rangeEnd = Array(repeating: 0, count: script.commands.count)
        for (index, command) in script.commands.enumerated() {
            if case .label(let name) = command.kind, labels[name] == nil { labels[name] = index }
        }
    }

    /// The first jump to a label that does not exist, if any.
    static func missingLabel(in script: SedScript) -> String? {
        var labels = Set<String>()
        for command in script.commands { if case .label(let name) = command.kind { labels.insert(name) } }
        for command in script.commands {
            switch command.kind {
            case .branch(let target?), .branchIfSubstituted(let target?), .branchUnlessSubstituted(let target?):
                if !labels.contains(target) { return target }
            default: continue
            }
        }
        return nil
    }

    /// Processes `lines`, appending output to `out`. Line numbers continue across calls
    /// unless `resetLineNumbers`.
    mutating func run(_ lines: [InputLine], out: inout [UInt8], resetLineNumbers: Bool) {
        if resetLineNumbers { lineNumber = 0 }
        var cursor = 0
        var pattern: [UInt8] = []
        var current = InputLine(bytes: [], hadNewline: true, fileName: "-")
        var restartWithoutReading = false
        while exitStatus == nil && runtimeError == nil {
            if !restartWithoutReading {
                guard cursor < lines.count else { break }
                current = lines[cursor]
                pattern = current.bytes
                cursor += 1
                lineNumber += 1
            }
            restartWithoutReading = false
            var appendQueue: [[UInt8]] = []
            var substituted = false
            var autoprint = !quiet
            var pc = 0
            cycle: while pc < script.commands.count {
                steps += 1
                if steps > stepBudget { runtimeError = "script ran too long"; return }
                let command = script.commands[pc]
                let isLast = cursor >= lines.count
                guard applies(pc, pattern: pattern, isLast: isLast) else {
                    if case .blockStart(let end) = command.kind { pc = end + 1 } else { pc += 1 }
                    continue
                }
                pc += 1
                switch command.kind {
                case .blockStart, .blockEnd, .label, .comment: break
                case .substitute(let substitution):
                    if substitute(substitution, &pattern) {
                        substituted = true
                        if substitution.print { emit(pattern, newline: true, &out) }
                        if let name = substitution.writeFile { write(pattern, to: name, &out) }
                    }
                case .transliterate(let map):
                    pattern = pattern.map { map[$0] ?? $0 }
                case .print: emit(pattern, newline: true, &out)
                case .printFirstLine:
                    emit(Array(pattern.prefix { $0 != 10 }), newline: true, &out)
                case .delete:
                    autoprint = false
                    break cycle
                case .deleteFirstLine:
                    guard let newline = pattern.firstIndex(of: 10) else {
                        autoprint = false
                        break cycle
                    }
                    pattern.removeSubrange(...newline)
                    flush(appendQueue, &out)
                    restartWithoutReading = true
                    autoprint = false
                    break cycle
                case .lineNumber: out += Array("\(lineNumber)\n".utf8)
                case .quit(let code):
                    exitStatus = code
                    break cycle
                case .quitSilently(let code):
                    exitStatus = code
                    autoprint = false
                    break cycle
                case .append(let text): appendQueue.append(text)
                case .insert(let text): out += text
                case .change(let text):
                    let inRange = command.address2 != nil && rangeActive[pc - 1]
                    if !inRange || command.negated { out += text }
                    autoprint = false
                    break cycle
                case .next:
                    guard cursor < lines.count else {
                        break cycle
                    }
                    if !quiet { emit(pattern, newline: current.hadNewline, &out) }
                    flush(appendQueue, &out)
                    appendQueue = []
                    current = lines[cursor]
                    pattern = current.bytes
                    cursor += 1
                    lineNumber += 1
                case .appendNext:
                    guard cursor < lines.count else {
                        break cycle
                    }
                    current = lines[cursor]
                    pattern += [10] + current.bytes
                    cursor += 1
                    lineNumber += 1
                case .hold: hold = pattern
                case .holdAppend: hold += [10] + pattern
                case .get: pattern = hold
                case .getAppend: pattern += [10] + hold
                case .exchange: swap(&pattern, &hold)
                case .zap: pattern = []
                case .fileName: out += Array((current.fileName + "\n").utf8)
                case .list: out += SedExecutor.listing(pattern)
                case .readFile(let name):
                    if let bytes = readFile(name) { appendQueue.append(bytes) }
                case .writeFile(let name): write(pattern, to: name, &out)
                case .branch(let target):
                    pc = target.flatMap { labels[$0] } ?? script.commands.count
                case .branchIfSubstituted(let target):
                    if substituted {
                        substituted = false
                        pc = target.flatMap { labels[$0] } ?? script.commands.count
                    }
                case .branchUnlessSubstituted(let target):
                    if !substituted {
                        pc = target.flatMap { labels[$0] } ?? script.commands.count
                    } else {
                        substituted = false
                    }
                }
            }
            if runtimeError != nil { return }
            if autoprint { emit(pattern, newline: current.hadNewline, &out) }
            flush(appendQueue, &out)
        }
    }

    private func emit(_ bytes: [UInt8], newline: Bool, _ out: inout [UInt8]) {
        out += bytes
        if newline { out.append(10) }
    }

    private func flush(_ queue: [[UInt8]], _ out: inout [UInt8]) {
        for text in queue { out += text }
    }

    private mutating func write(_ bytes: [UInt8], to name: String, _ out: inout [UInt8]) {
        if name == "/dev/stdout" { out += bytes + [10]; return }
        if let index = writtenFiles.firstIndex(where: { $0.0 == name }) {
            writtenFiles[index].1 += bytes + [10]
        } else {
            writtenFiles.append((name, bytes + [10]))
        }
    }

    private mutating func matches(_ regex: PosixRegex?, _ pattern: [UInt8]) -> Bool {
        guard let regex = regex ?? lastRegex else {
            runtimeError = "no previous regular expression"
            return false
        }
        lastRegex = regex
        return regex.matches(pattern)
    }

    private mutating func matchesSingle(_ address: SedAddress, pattern: [UInt8], isLast: Bool) -> Bool {
        switch address {
        case .line(let number): return lineNumber == number
        case .last: return isLast
        case .regex(let regex): return matches(regex, pattern)
        case .step(let first, let step):
            if step <= 0 { return lineNumber == first }
            return lineNumber >= first && (lineNumber - first) % step == 0
        case .relative, .multiple: return false
        }
    }

    private mutating func applies(_ index: Int, pattern: [UInt8], isLast: Bool) -> Bool {
        let command = script.commands[index]
        guard let first = command.address1 else { return true }
        guard let second = command.address2 else {
            return matchesSingle(first, pattern: pattern, isLast: isLast) != command.negated
        }
        var result = false
        if rangeActive[index] {
            result = true
            switch second {
            case .line(let number): if lineNumber >= number { rangeActive[index] = false }
            case .relative: if lineNumber >= rangeEnd[index] { rangeActive[index] = false }
            case .multiple(let step): if step <= 0 || lineNumber % step == 0 { rangeActive[index] = false }
            case .last: if isLast { rangeActive[index] = false }
            case .regex(let regex): if matches(regex, pattern) { rangeActive[index] = false }
            case .step: rangeActive[index] = false
            }
            // A line-number end already passed closes the range without including this line.
            if case .line(let number) = second, lineNumber > number, !rangeActive[index] { result = false }
        } else {
            let isZero: Bool
            if case .line(0) = first { isZero = lineNumber == 1 } else { isZero = false }
            if isZero || matchesSingle(first, pattern: pattern, isLast: isLast) {
                result = true
                rangeActive[index] = true
                switch second {
                case .line(let number): if number <= lineNumber { rangeActive[index] = false }
                case .relative(let count):
                    rangeEnd[index] = lineNumber + count
                    if count == 0 { rangeActive[index] = false }
                case .multiple(let step): if step <= 0 || lineNumber % step == 0 { rangeActive[index] = false }
                case .last: if isLast { rangeActive[index] = false }
                case .regex(let regex): if isZero && matches(regex, pattern) { rangeActive[index] = false }
                case .step: rangeActive[index] = false
                }
            }
        }
        return result != command.negated
    }

    /// Applies an `s` command; returns whether it replaced anything.
    private mutating func substitute(_ substitution: SedSubstitution, _ pattern: inout [UInt8]) -> Bool {
        guard let regex = substitution.regex ?? lastRegex else {
            runtimeError = "no previous regular expression"
            return false
        }
        lastRegex = regex
        var out: [UInt8] = []
        var position = 0
        var copied = 0
        var count = 0
        var replaced = false
        var previousEnd = -1
        while position <= pattern.count, let groups = regex.firstMatch(in: pattern, from: position, notBOL: position > 0),
              let whole = groups.first ?? nil {
            if whole.isEmpty && whole.lowerBound == previousEnd {
                // No empty match right after the previous match.
                position = whole.lowerBound + 1
                continue
            }
            count += 1
            if count >= substitution.occurrence {
                out += pattern[copied..<whole.lowerBound]
                out += SedExecutor.expand(substitution.replacement, groups: groups, in: pattern)
                copied = whole.upperBound
                replaced = true
                if !substitution.global { break }
            }
            previousEnd = whole.upperBound
            position = whole.isEmpty ? whole.upperBound + 1 : whole.upperBound
        }
        guard replaced else { return false }
        out += pattern[min(copied, pattern.count)...]
        pattern = out
        return true
    }

    static func expand(_ pieces: [SedReplacementPiece], groups: [Range<Int>?], in pattern: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var mode: SedCaseChange?
        var next: SedCaseChange?
        func append(_ bytes: ArraySlice<UInt8>) {
            for byte in bytes {
                var b = byte
                if mode == .upper { b = upper(b) } else if mode == .lower { b = lower(b) }
                if let one = next {
                    b = one == .upperNext ? upper(b) : lower(b)
                    next = nil
                }
                out.append(b)
            }
        }
        for piece in pieces {
            switch piece {
            case .literal(let bytes): append(bytes[...])
            case .group(let number):
                if number < groups.count, let span = groups[number] { append(pattern[span]) }
            case .caseChange(let change):
                switch change {
                case .upperNext, .lowerNext: next = change
                case .upper, .lower: mode = change
                case .end: mode = nil; next = nil
                }
            }
        }
        return out
    }

    private static func upper(_ b: UInt8) -> UInt8 { b >= 97 && b <= 122 ? b - 32 : b }
    private static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    /// The `l` command's unambiguous form, wrapped at 70 columns.
    static func listing(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var width = 0
        for byte in bytes {
            var piece: String
            switch byte {
            case 92: piece = "\\\\"
            case 7: piece = "\\a"
            case 8: piece = "\\b"
            case 12: piece = "\\f"
            case 10: piece = "\\n"
            case 13: piece = "\\r"
            case 9: piece = "\\t"
            case 11: piece = "\\v"
            case 32..<127: piece = String(UnicodeScalar(byte))
            default:
                let octal = String(byte, radix: 8)
                piece = "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            }
            if width + piece.count > 69 {
                out += Array("\\\n".utf8)
                width = 0
            }
            out += Array(piece.utf8)
            width += piece.count
        }
        out += Array("$\n".utf8)
        return out
    }
}

/// One file as diff reads it: its lines (without newlines) and whether the last one lacked one.
struct DiffFile {
    var name: String
    var lines: [ArraySlice<UInt8>]
    var missingNewline: Bool
    /// The header time of unified and context output.
    var modificationTime: Int64

    init(name: String, bytes: [UInt8], modificationTime: Int64) {
        self.name = name
        let split = Lines(bytes)
        lines = split.lines
        missingNewline = !bytes.isEmpty && !split.endsWithTerminator
        self.modificationTime = modificationTime
    }
}

/// Prints an edit script the ways diff can: normal (`2c2`), unified (`-u`) and context (`-c`).
struct DiffPrinter {
    var old: DiffFile
    var new: DiffFile
    var out: [UInt8] = []

    private mutating func text(_ string: String) { out += Array(string.utf8) }

    /// A line with its prefix, and diff's note when it is the last and has no newline.
    private mutating func line(_ prefix: String, _ file: DiffFile, _ index: Int) {
        guard file.lines.indices.contains(index) else { return }
        text(prefix)
        out += file.lines[index]
        out.append(0x0A)
        if file.missingNewline && index == file.lines.count - 1 { text("\\ No newline at end of file\n") }
    }

    /// `a,b` for several lines, `a` for one; 1-based, `b` for an empty range (the line before).
    private static func range(_ first: Int, _ last: Int) -> String {
        first < last ? "\(first + 1),\(last + 1)" : "\(last + 1)"
    }

    mutating func normal(_ script: [DiffChange]) {
        for change in script {
            let first0 = change.line0, last0 = change.line0 + change.deleted - 1
            let first1 = change.line1, last1 = change.line1 + change.inserted - 1
            let letter = change.deleted == 0 ? "a" : (change.inserted == 0 ? "d" : "c")
            text(Self.range(first0, last0) + letter + Self.range(first1, last1) + "\n")
            for i in first0...max(first0, last0) where i <= last0 { line("< ", old, i) }
            if change.deleted > 0 && change.inserted > 0 { text("---\n") }
            for i in first1...max(first1, last1) where i <= last1 { line("> ", new, i) }
        }
    }

    /// Groups changes closer than 2 × context + 1 unchanged lines into hunks (context.c).
    private static func hunks(_ script: [DiffChange], context: Int) -> [[DiffChange]] {
        var result: [[DiffChange]] = []
        for change in script {
            if let previous = result.last?.last,
               change.line0 - (previous.line0 + previous.deleted) < 2 * context + 1 {
                result[result.count - 1].append(change)
            } else {
                result.append([change])
            }
        }
        return result
    }

    mutating func unified(_ script: [DiffChange], context: Int, labels: (String, String)) {
        text("--- \(labels.0)\n+++ \(labels.1)\n")
        for hunk in Self.hunks(script, context: context) {
            guard let firstChange = hunk.first, let lastChange = hunk.last else { continue }
            let first0 = max(firstChange.line0 - context, 0)
            let first1 = max(firstChange.line1 - context, 0)
            let last0 = min(lastChange.line0 + lastChange.deleted - 1 + context, old.lines.count - 1)
            let last1 = min(lastChange.line1 + lastChange.inserted - 1 + context, new.lines.count - 1)
            text("@@ -\(Self.unifiedRange(first0, last0)) +\(Self.unifiedRange(first1, last1)) @@\n")
            var i = first0, j = first1
            var pending = hunk[...]
            while i <= last0 || j <= last1 {
                if let next = pending.first, i >= next.line0 {
                    for _ in 0..<next.deleted { line("-", old, i); i += 1 }
                    for _ in 0..<next.inserted { line("+", new, j); j += 1 }
                    pending = pending.dropFirst()
                } else {
                    line(" ", old, i)
                    i += 1
                    j += 1
                }
            }
        }
    }

    /// `start,count`, `start` when count is 1, `before,0` when empty (as `patch` expects).
    private static func unifiedRange(_ first: Int, _ last: Int) -> String {
        let a = first + 1, b = last + 1
        if b <= a { return b < a ? "\(b),0" : "\(b)" }
        return "\(a),\(b - a + 1)"
    }

    mutating func context(_ script: [DiffChange], context: Int, labels: (String, String)) {
        text("*** \(labels.0)\n--- \(labels.1)\n")
        for hunk in Self.hunks(script, context: context) {
            guard let firstChange = hunk.first, let lastChange = hunk.last else { continue }
            let first0 = max(firstChange.line0 - context, 0)
            let first1 = max(firstChange.line1 - context, 0)
            let last0 = min(lastChange.line0 + lastChange.deleted - 1 + context, old.lines.count - 1)
            let last1 = min(lastChange.line1 + lastChange.inserted - 1 + context, new.lines.count - 1)
            text("***************\n")
            text("*** \(Self.contextRange(first0, last0)) ****\n")
            contextSide(hunk, file: old, first: first0, last: last0, isOld: true)
            text("--- \(Self.contextRange(first1, last1)) ----\n")
            contextSide(hunk, file: new, first: first1, last: last1, isOld: false)
        }
    }

    /// One file's half of a context hunk, printed only when that file has changed lines:
    /// `- `/`+ ` for lines only one side has, `! ` for replaced ones, `  ` for context.
    private mutating func contextSide(_ hunk: [DiffChange], file: DiffFile, first: Int, last: Int, isOld: Bool) {
        func start(_ change: DiffChange) -> Int { isOld ? change.line0 : change.line1 }
        func count(_ change: DiffChange) -> Int { isOld ? change.deleted : change.inserted }
        func otherCount(_ change: DiffChange) -> Int { isOld ? change.inserted : change.deleted }
        guard hunk.contains(where: { count($0) > 0 }) else { return }
        var pending = hunk[...]
        for i in stride(from: first, through: last, by: 1) {
            while let next = pending.first, i >= start(next) + count(next) { pending = pending.dropFirst() }
            if let next = pending.first, i >= start(next) {
                line(otherCount(next) == 0 ? (isOld ? "- " : "+ ") : "! ", file, i)
            } else {
                line("  ", file, i)
            }
        }
    }

    /// Context format's ranges: `a,b`, or `b` when the range has at most one line.
    private static func contextRange(_ first: Int, _ last: Int) -> String {
        let a = first + 1, b = last + 1
        return a < b ? "\(a),\(b)" : "\(b)"
    }
}

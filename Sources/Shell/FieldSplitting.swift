extension Shell {
    /// The characters IFS splits on; unset IFS means space, tab and newline.
    var fieldSeparators: String {
        state.variables["IFS"]?.value ?? " \t\n"
    }

    /// Splits expanded units into fields on IFS, as bash does: runs of IFS whitespace separate,
    /// each other IFS character ends a field (so `a::b` gives an empty field), and leading or
    /// trailing whitespace makes nothing.
    func splitFields(_ units: [ExpansionUnit]) -> [[ExpansionUnit]] {
        let ifs = fieldSeparators
        var fields: [[ExpansionUnit]] = []
        var current: [ExpansionUnit] = []
        var started = false
        var index = 0
        func isSeparator(_ unit: ExpansionUnit) -> Bool {
            if case .char(let c, _, true) = unit { return ifs.contains(c) }
            return false
        }
        while index < units.count {
            let unit = units[index]
            if unit == .fieldBreak {
                if started { fields.append(current) }
                current = []
                started = false
                index += 1
                continue
            }
            if isSeparator(unit) {
                var sawHard = false
                while index < units.count, isSeparator(units[index]), case .char(let c, _, _) = units[index] {
                    if c == " " || c == "\t" || c == "\n" {
                        index += 1
                    } else if !sawHard {
                        sawHard = true
                        index += 1
                    } else {
                        break
                    }
                }
                if started || sawHard { fields.append(current) }
                current = []
                started = false
                continue
            }
            current.append(unit)
            started = true
            index += 1
        }
        if started { fields.append(current) }
        return fields
    }

    /// Splits a plain string on IFS (for `read`), at most `limit` fields: the last takes the rest.
    static func splitForRead(_ text: String, ifs: String, limit: Int) -> [String] {
        let whitespace = ifs.filter { " \t\n".contains($0) }
        let chars = Array(text)
        var index = 0
        var fields: [String] = []
        while index < chars.count, whitespace.contains(chars[index]) { index += 1 }
        while index < chars.count {
            if fields.count == limit - 1 {
                var rest = String(chars[index...])
                while let last = rest.last, whitespace.contains(last) { rest.removeLast() }
                // A single trailing non-whitespace separator is dropped too, as bash does.
                if rest.count >= 1, let last = rest.last, ifs.contains(last), !whitespace.contains(last) {
                    let trimmed = String(rest.dropLast())
                    if !trimmed.contains(where: { ifs.contains($0) && !whitespace.contains($0) }) { rest = trimmed }
                }
                fields.append(rest)
                return fields
            }
            var field = ""
            while index < chars.count, !ifs.contains(chars[index]) {
                field.append(chars[index])
                index += 1
            }
            fields.append(field)
            // Skip whitespace, at most one hard separator, then whitespace again.
            while index < chars.count, whitespace.contains(chars[index]) { index += 1 }
            if index < chars.count, ifs.contains(chars[index]), !whitespace.contains(chars[index]) {
                index += 1
                while index < chars.count, whitespace.contains(chars[index]) { index += 1 }
            }
        }
        return fields
    }
}

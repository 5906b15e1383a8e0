/// A `chmod`-style mode: octal (`755`) or symbolic (`u+x,g-w,a=r`, `+X`, `o=u`).
struct ModeChange {
    enum Operation { case add, remove, set }

    struct Clause {
        /// Bits of `ugo` this clause touches (0 = none named: all, minus the umask).
        var who: UInt16
        var operation: Operation
        /// `rwxst` as bits in every class; `X` separately; or copied from a class.
        var permissions: UInt16
        var conditionalExecute: Bool
        var copyFrom: Character?
    }

    var octal: UInt16?
    var clauses: [Clause] = []

    /// Whether the change is octal (then it sets the mode exactly).
    var isOctal: Bool { octal != nil }

    static func parse(_ text: String) -> ModeChange? {
        if !text.isEmpty, text.allSatisfy({ ("0"..."7").contains($0) }) {
            guard text.count <= 4, let value = UInt16(text, radix: 8) else { return nil }
            return ModeChange(octal: value)
        }
        var change = ModeChange()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            var characters = part[...]
            var who: UInt16 = 0
            while let c = characters.first, "ugoa".contains(c) {
                characters.removeFirst()
                switch c {
                case "u": who |= 0o4700
                case "g": who |= 0o2070
                case "o": who |= 0o1007
                default: who |= 0o7777
                }
            }
            guard !characters.isEmpty else { return nil }
            while let op = characters.first {
                let operation: Operation
                switch op {
                case "+": operation = .add
                case "-": operation = .remove
                case "=": operation = .set
                default: return nil
                }
                characters.removeFirst()
                var clause = Clause(who: who, operation: operation, permissions: 0, conditionalExecute: false, copyFrom: nil)
                if let c = characters.first, "ugo".contains(c) {
                    clause.copyFrom = c
                    characters.removeFirst()
                } else {
                    while let c = characters.first, "rwxXst".contains(c) {
                        characters.removeFirst()
                        switch c {
                        case "r": clause.permissions |= 0o444
                        case "w": clause.permissions |= 0o222
                        case "x": clause.permissions |= 0o111
                        case "X": clause.conditionalExecute = true
                        case "s": clause.permissions |= 0o6000
                        default: clause.permissions |= 0o1000
                        }
                    }
                }
                change.clauses.append(clause)
            }
        }
        return change.clauses.isEmpty ? nil : change
    }

    /// The new mode for a file whose mode is `mode`.
    func apply(to mode: UInt16, isDirectory: Bool, umask: UInt16 = 0o022) -> UInt16 {
        if let octal { return octal }
        var result = mode & 0o7777
        for clause in clauses {
            var permissions = clause.permissions
            if let source = clause.copyFrom {
                let bits: UInt16 = switch source {
                case "u": (result >> 6) & 7
                case "g": (result >> 3) & 7
                default: result & 7
                }
                permissions = bits | bits << 3 | bits << 6
            }
            if clause.conditionalExecute && (isDirectory || result & 0o111 != 0) { permissions |= 0o111 }
            let mask: UInt16 = clause.who == 0 ? (0o7777 & ~umask) : clause.who
            let affected = permissions & mask
            switch clause.operation {
            case .add: result |= affected
            case .remove: result &= ~affected
            case .set:
                let cleared: UInt16 = clause.who == 0 ? 0o7777 : clause.who
                // `=` keeps a directory's setuid/setgid bits unless named, as GNU does.
                let keep: UInt16 = isDirectory ? (result & 0o6000 & ~(permissions & 0o6000)) : 0
                result = (result & ~cleared) | affected | (keep & cleared)
            }
        }
        return result
    }
}

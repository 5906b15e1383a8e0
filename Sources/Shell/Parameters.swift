import ShellSyntax

extension Shell {
    /// The value of a scalar parameter, or nil when unset.
    func parameterValue(_ name: String) -> String? {
        switch name {
        case "?": return String(state.lastStatus)
        case "#": return String(state.positional.count)
        case "$": return "4102"
        case "!": return state.lastBackgroundPID.map(String.init)
        case "-": return optionFlags
        case "0": return scriptName
        case "@", "*": return state.positional.joined(separator: " ")
        case "LINENO": return String(currentLine)
        case "RANDOM":
            randomState = randomState &* 1_103_515_245 &+ 12_345
            return String((randomState >> 16) & 0x7FFF)
        case "SECONDS": return String(clock.seconds - startSeconds)
        case "PIPESTATUS": return state.pipeStatus.first.map(String.init)
        case "BASH_VERSION": return state.variables[name]?.value ?? "5.2.21(1)-release"
        case "UID", "EUID": return String(host.uid)
        case "PPID": return "4101"
        case "HOSTNAME": return state.variables[name]?.value ?? host.hostname
        default: break
        }
        if let first = name.first, first.isNumber {
            guard let index = Int(name), index >= 1, index <= state.positional.count else { return nil }
            return state.positional[index - 1]
        }
        if let (base, subscriptText) = Self.splitSubscript(name) {
            guard let values = arrayValues(base) else { return nil }
            if subscriptText == "@" || subscriptText == "*" { return values.joined(separator: " ") }
            guard let index = Int(subscriptText), values.indices.contains(index) else { return nil }
            return values[index]
        }
        return state.variables[name]?.value
    }

    /// `${a[1]}`, `${a[@]}`, `${#a[@]}` (which the parser leaves as bad substitutions).
    static func arrayReference(_ text: String) -> (name: String, length: Bool)? {
        guard text.hasPrefix("${"), text.hasSuffix("}") else { return nil }
        var inner = String(text.dropFirst(2).dropLast())
        let length = inner.hasPrefix("#")
        if length { inner.removeFirst() }
        guard let (base, subscriptText) = splitSubscript(inner), isValidName(base), !subscriptText.isEmpty,
              subscriptText == "@" || subscriptText == "*" || Int(subscriptText) != nil else { return nil }
        return (inner, length)
    }

    /// `a[1]` → (`a`, `1`).
    static func splitSubscript(_ name: String) -> (String, String)? {
        guard name.hasSuffix("]"), let open = name.firstIndex(of: "[") else { return nil }
        return (String(name[..<open]), String(name[name.index(after: open)..<name.index(before: name.endIndex)]))
    }

    func arrayValues(_ name: String) -> [String]? {
        if name == "PIPESTATUS" { return state.pipeStatus.map(String.init) }
        guard let variable = state.variables[name] else { return nil }
        return variable.array ?? [variable.value]
    }

    /// The words `$@`, `${a[@]}` and friends stand for, or nil for a scalar parameter.
    func listValues(_ name: String) -> [String]? {
        if name == "@" || name == "*" { return state.positional }
        if let (base, subscriptText) = Self.splitSubscript(name), subscriptText == "@" || subscriptText == "*" {
            return arrayValues(base) ?? []
        }
        return nil
    }

    var optionFlags: String {
        var flags = ""
        if state.options.errexit { flags += "e" }
        flags += "h"
        if flavor == .interactive { flags += "i" }
        if state.options.nounset { flags += "u" }
        if state.options.xtrace { flags += "x" }
        flags += "B"
        if flavor == .interactive { flags += "s" }
        if case .commandString = flavor { flags += "c" }
        return flags
    }

    private func unbound(_ name: String, io: IOContext) throws(ControlFlow) -> Never {
        shellError("\(name): unbound variable", io: io)
        throw flavor == .interactive ? .abortLine(1) : .exit(127)
    }

    func expandParameter(_ parameter: ParameterExpansion, quoted: Bool, into units: inout [ExpansionUnit], io: IOContext) throws(ControlFlow) {
        let name = parameter.name
        let isList = name == "@" || name == "*" || (Self.splitSubscript(name).map { $0.1 == "@" || $0.1 == "*" } ?? false)
        guard let operation = parameter.operation else {
            if let values = listValues(name) {
                appendList(values, star: name == "*" || name.hasSuffix("[*]"), quoted: quoted, into: &units)
                return
            }
            guard let value = parameterValue(name) else {
                if state.options.nounset, name != "@", name != "*" { try unbound(name, io: io) }
                return
            }
            Self.append(value, quoted: quoted, to: &units)
            return
        }
        let value = parameterValue(name)
        let isSet = isList ? !(listValues(name) ?? []).isEmpty : value != nil
        let isNull = (value ?? "").isEmpty
        switch operation {
        case .length:
            if let values = listValues(name) {
                Self.append(String(values.count), quoted: quoted, to: &units)
            } else {
                if value == nil, state.options.nounset { try unbound(name, io: io) }
                Self.append(String((value ?? "").count), quoted: quoted, to: &units)
            }
        case .useDefault(let word, let colon):
            if !isSet || (colon && isNull) {
                try expandParts(word.parts, quoted: quoted, into: &units, io: io)
            } else {
                try appendValue(name, value, quoted: quoted, into: &units)
            }
        case .assignDefault(let word, let colon):
            if !isSet || (colon && isNull) {
                let text = try expandToString(word, io: io)
                try assign(name, text, io: io)
                Self.append(text, quoted: quoted, to: &units)
            } else {
                try appendValue(name, value, quoted: quoted, into: &units)
            }
        case .errorIfUnset(let word, let colon):
            if !isSet || (colon && isNull) {
                var message = try expandToString(word, io: io)
                if message.isEmpty { message = colon ? "parameter null or not set" : "parameter not set" }
                shellError("\(name): \(message)", io: io)
                throw flavor == .interactive ? .abortLine(1) : .exit(127)
            }
            try appendValue(name, value, quoted: quoted, into: &units)
        case .useAlternative(let word, let colon):
            if isSet && !(colon && isNull) {
                try expandParts(word.parts, quoted: quoted, into: &units, io: io)
            } else if quoted {
                units.append(.keep)
            }
        case .badSubstitution(let text):
            if let array = Self.arrayReference(text) {
                let reference = ParameterExpansion(name: array.name, operation: array.length ? .length : nil)
                try expandParameter(reference, quoted: quoted, into: &units, io: io)
                return
            }
            shellError("\(text): bad substitution", io: io)
            throw .abortLine(1)
        default:
            if value == nil, !isList, state.options.nounset { try unbound(name, io: io) }
            if let values = listValues(name) {
                var results: [String] = []
                for item in values { results.append(try transform(item, operation, io: io)) }
                if case .substring(let offset, let length) = operation {
                    results = try sliceList(name == "@" || name == "*" ? [scriptName] + values : values,
                                            offset: offset, length: length, positional: name == "@" || name == "*", io: io)
                }
                appendList(results, star: name == "*", quoted: quoted, into: &units)
            } else {
                Self.append(try transform(value ?? "", operation, io: io), quoted: quoted, to: &units)
            }
        }
    }

    private func appendValue(_ name: String, _ value: String?, quoted: Bool, into units: inout [ExpansionUnit]) throws(ControlFlow) {
        if let values = listValues(name) {
            appendList(values, star: name == "*", quoted: quoted, into: &units)
        } else {
            Self.append(value ?? "", quoted: quoted, to: &units)
        }
    }

    /// `$@` / `$*`: quoted `"$@"` keeps each word, quoted `"$*"` joins with IFS's first character.
    func appendList(_ values: [String], star: Bool, quoted: Bool, into units: inout [ExpansionUnit]) {
        if quoted && star {
            let separator = fieldSeparators.first.map(String.init) ?? ""
            Self.append(values.joined(separator: separator), quoted: true, to: &units)
            return
        }
        for (index, value) in values.enumerated() {
            if index > 0 { units.append(.fieldBreak) }
            if quoted { units.append(.keep) }
            Self.append(value, quoted: quoted, to: &units)
        }
    }

    private func sliceList(_ values: [String], offset: String, length: String?, positional: Bool, io: IOContext) throws(ControlFlow) -> [String] {
        var start = Int(try evaluateArithmetic(offset, io: io))
        let items = values
        if start < 0 { start += items.count }
        start = max(0, min(start, items.count))
        var slice = Array(items[start...])
        if let length {
            let count = Int(try evaluateArithmetic(length, io: io))
            if count < 0 { slice = Array(slice.dropLast(-count)) } else { slice = Array(slice.prefix(count)) }
        }
        return slice
    }

    /// Applies a pattern, substring or case operation to one value.
    private func transform(_ value: String, _ operation: ParameterExpansion.Operation, io: IOContext) throws(ControlFlow) -> String {
        switch operation {
        case .removePrefix(let word, let longest):
            let pattern = try expandToPattern(word, io: io)
            return pattern.removingPrefix(of: value, longest: longest)
        case .removeSuffix(let word, let longest):
            let pattern = try expandToPattern(word, io: io)
            return pattern.removingSuffix(of: value, longest: longest)
        case .replace(let patternWord, let replacementWord, let all):
            let pattern = try expandToPattern(patternWord, io: io)
            let replacement = try expandToString(replacementWord, io: io)
            return pattern.replacing(in: value, with: replacement, all: all)
        case .replaceAnchored(let patternWord, let replacementWord, let atEnd):
            let pattern = try expandToPattern(patternWord, io: io)
            let replacement = try expandToString(replacementWord, io: io)
            return pattern.replacingAnchored(in: value, with: replacement, atEnd: atEnd)
        case .indirect:
            return parameterValue(value) ?? ""
        case .substring(let offsetText, let lengthText):
            let characters = Array(value)
            var offset = Int(try evaluateArithmetic(offsetText, io: io))
            if offset < 0 { offset += characters.count }
            guard offset >= 0, offset <= characters.count else { return "" }
            var end = characters.count
            if let lengthText {
                let length = Int(try evaluateArithmetic(lengthText, io: io))
                if length < 0 {
                    end = characters.count + length
                    guard end >= offset else {
                        shellError("\(lengthText): substring expression < 0", io: io)
                        throw .abortLine(1)
                    }
                } else {
                    end = min(characters.count, offset + length)
                }
            }
            return String(characters[offset..<end])
        case .changeCase(let upper, let all):
            if all { return upper ? value.uppercased() : value.lowercased() }
            guard let first = value.first else { return value }
            return (upper ? first.uppercased() : first.lowercased()) + value.dropFirst()
        default:
            return value
        }
    }
}

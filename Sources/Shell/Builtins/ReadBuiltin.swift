extension Shell {
    func read(_ args: [String], io: IOContext) -> Int32 {
        var raw = false
        var arrayName: String?
        var delimiter: UInt8 = 10
        var maxChars: Int?
        var names: [String] = []
        var index = 0
        while index < args.count {
            let arg = args[index]
            guard names.isEmpty, arg.hasPrefix("-"), arg.count > 1 else {
                names.append(arg)
                index += 1
                continue
            }
            if arg == "--" { index += 1; names += args[index...]; break }
            var letters = Array(arg.dropFirst())
            while !letters.isEmpty {
                let letter = letters.removeFirst()
                func value() -> String? {
                    if !letters.isEmpty {
                        defer { letters = [] }
                        return String(letters)
                    }
                    index += 1
                    return index < args.count ? args[index] : nil
                }
                switch letter {
                case "r": raw = true
                case "s", "e": break
                case "p", "t", "u", "i":
                    guard value() != nil else {
                        builtinError("read", "-\(letter): option requires an argument", io: io)
                        return 2
                    }
                case "a": arrayName = value()
                case "d": delimiter = value()?.utf8.first ?? 0
                case "n", "N":
                    guard let text = value(), let count = Int(text) else {
                        builtinError("read", "invalid number", io: io)
                        return 1
                    }
                    maxChars = count
                default:
                    builtinError("read", "-\(letter): invalid option", io: io)
                    io.stderr.line("read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]")
                    return 2
                }
            }
            index += 1
        }
        for name in names where !Self.isValidName(name) {
            builtinError("read", "`\(name)': not a valid identifier", io: io)
            return 1
        }
        let stream = io.stdin
        var bytes: [UInt8] = []
        var sawDelimiter = false
        while let byte = stream.readByte() {
            if byte == delimiter {
                if !raw, bytes.last == 92, delimiter == 10 {
                    bytes.removeLast()
                    continue
                }
                sawDelimiter = true
                break
            }
            bytes.append(byte)
            if let maxChars, bytes.count >= maxChars { sawDelimiter = true; break }
        }
        var line = String(decoding: bytes, as: UTF8.self)
        if !raw { line = Self.removeBackslashes(line) }
        let ifs = fieldSeparators
        if let arrayName {
            var variable = Variable("")
            let fields = Self.splitForRead(line, ifs: ifs, limit: Int.max)
            variable.array = fields
            variable.value = fields.first ?? ""
            state.variables[arrayName] = variable
        } else if names.isEmpty {
            setVariable("REPLY", line)
        } else {
            let fields = Self.splitForRead(line, ifs: ifs, limit: names.count)
            for (offset, name) in names.enumerated() {
                setVariable(name, offset < fields.count ? fields[offset] : "")
            }
        }
        return sawDelimiter ? 0 : 1
    }

    private static func removeBackslashes(_ text: String) -> String {
        var out = ""
        var escaped = false
        for c in text {
            if escaped {
                out.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }

    func mapfile(_ name: String, _ args: [String], io: IOContext) -> Int32 {
        var strip = false
        var target = "MAPFILE"
        for arg in args {
            if arg == "-t" { strip = true } else if !arg.hasPrefix("-") { target = arg }
        }
        let text = String(decoding: io.stdin.takeRest(), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") || text.isEmpty { lines.removeLast() }
        if !strip {
            lines = lines.enumerated().map { $0.offset < lines.count - 1 || text.hasSuffix("\n") ? $0.element + "\n" : $0.element }
        }
        var variable = Variable(lines.first ?? "")
        variable.array = lines
        state.variables[target] = variable
        return 0
    }

    func getopts(_ args: [String], io: IOContext) -> Int32 {
        guard args.count >= 2 else {
            io.stderr.line(errorPrefix + "getopts: usage: getopts optstring name [arg ...]")
            return 2
        }
        let spec = Array(args[0])
        let name = args[1]
        let operands = args.count > 2 ? Array(args[2...]) : state.positional
        var optind = Int(state.variables["OPTIND"]?.value ?? "1") ?? 1
        var charIndex = Int(state.variables["_GETOPTS_CHAR"]?.value ?? "1") ?? 1
        let silent = spec.first == ":"
        guard optind - 1 < operands.count else {
            setVariable(name, "?")
            return 1
        }
        let word = Array(operands[optind - 1])
        if charIndex == 1 {
            guard word.count > 1, word[0] == "-", word != ["-", "-"] else {
                if word == ["-", "-"] { setVariable("OPTIND", String(optind + 1)) }
                setVariable(name, "?")
                return 1
            }
        }
        let letter = word[min(charIndex, word.count - 1)]
        charIndex += 1
        func advance() {
            if charIndex >= word.count {
                optind += 1
                charIndex = 1
            }
            setVariable("OPTIND", String(optind))
            setVariable("_GETOPTS_CHAR", String(charIndex))
        }
        guard let position = spec.firstIndex(of: letter), letter != ":" else {
            advance()
            setVariable(name, "?")
            if silent { setVariable("OPTARG", String(letter)) } else {
                io.stderr.line("\(scriptName): illegal option -- \(letter)")
            }
            return 0
        }
        setVariable(name, String(letter))
        if position + 1 < spec.count, spec[position + 1] == ":" {
            if charIndex < word.count {
                setVariable("OPTARG", String(word[charIndex...]))
                optind += 1
                charIndex = 1
            } else if optind < operands.count {
                setVariable("OPTARG", operands[optind])
                optind += 2
                charIndex = 1
            } else {
                optind += 1
                charIndex = 1
                setVariable(name, silent ? ":" : "?")
                if silent { setVariable("OPTARG", String(letter)) } else {
                    io.stderr.line("\(scriptName): option requires an argument -- \(letter)")
                }
            }
            setVariable("OPTIND", String(optind))
            setVariable("_GETOPTS_CHAR", String(charIndex))
            return 0
        }
        advance()
        return 0
    }
}

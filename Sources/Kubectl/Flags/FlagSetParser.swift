/// pflag's FlagSet.Parse with interspersed arguments: flags anywhere, `--` ends them.
extension CommandLineParser {
    typealias Parsed = (flags: FlagValues, positionals: [String], beforeDash: Int?)

    static func parseFlags(_ arguments: [String], specs: [FlagSpec]) -> Result<Parsed, FlagParseFailure> {
        var values = FlagValues(specs: specs)
        var positionals: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if word.count <= 1 || !word.hasPrefix("-") {
                positionals.append(word)
                continue
            }
            if word == "--" {
                let before = positionals.count
                positionals += arguments[index...]
                return .success((values, positionals, before))
            }
            let result = word.hasPrefix("--")
                ? parseLong(word, arguments, &index, specs, &values)
                : parseShorts(word, arguments, &index, specs, &values)
            if case .failure(let failure) = result { return .failure(failure) }
        }
        return .success((values, positionals, nil))
    }

    private static func parseLong(
        _ word: String, _ arguments: [String], _ index: inout Int, _ specs: [FlagSpec], _ values: inout FlagValues
    ) -> Result<Void, FlagParseFailure> {
        let body = word.dropFirst(2)
        if body.isEmpty || body.hasPrefix("-") || body.hasPrefix("=") {
            return .failure(FlagParseFailure(message: "bad flag syntax: \(word)"))
        }
        let parts = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = normalized(String(parts[0]))
        guard let spec = specs.first(where: { $0.name == name }) else {
            return .failure(FlagParseFailure(message: "unknown flag: --\(name)"))
        }
        if parts.count == 2 { return set(spec, String(parts[1]), &values) }
        if let implicit = spec.noOptionDefault { return set(spec, implicit, &values) }
        guard index < arguments.count else {
            return .failure(FlagParseFailure(message: "flag needs an argument: \(word)"))
        }
        index += 1
        return set(spec, arguments[index - 1], &values)
    }

    private static func parseShorts(
        _ word: String, _ arguments: [String], _ index: inout Int, _ specs: [FlagSpec], _ values: inout FlagValues
    ) -> Result<Void, FlagParseFailure> {
        let all = word.dropFirst()
        var shorthands = Substring(all)
        while let letter = shorthands.first {
            let rest = shorthands.dropFirst()
            guard let spec = specs.first(where: { $0.shorthand == String(letter) }) else {
                return .failure(FlagParseFailure(message: "unknown shorthand flag: '\(letter)' in -\(shorthands)"))
            }
            if rest.first == "=", rest.count >= 1, shorthands.count > 2 {
                return set(spec, String(rest.dropFirst()), &values)
            }
            if let implicit = spec.noOptionDefault {
                if case .failure(let failure) = set(spec, implicit, &values) { return .failure(failure) }
                shorthands = rest
                continue
            }
            if !rest.isEmpty { return set(spec, String(rest), &values) }
            guard index < arguments.count else {
                return .failure(FlagParseFailure(message: "flag needs an argument: '\(letter)' in -\(shorthands)"))
            }
            index += 1
            return set(spec, arguments[index - 1], &values)
        }
        return .success(())
    }

    /// Checks the value as the flag's type would and records it.
    private static func set(_ spec: FlagSpec, _ value: String, _ values: inout FlagValues) -> Result<Void, FlagParseFailure> {
        let problem: String? =
            switch spec.kind {
            case .bool: FlagParsing.parseBool(value) == nil ? "strconv.ParseBool: parsing \(FlagParsing.goQuote(value)): invalid syntax" : nil
            case .int:
                if case .failure(let f) = intResult(value, spec) { f.message } else { nil }
            case .duration:
                if case .failure(let f) = FlagParsing.parseDuration(value) { f.message } else { nil }
            case .string, .slice, .array: nil
            }
        if let problem {
            return .failure(FlagParseFailure(
                message: "invalid argument \(FlagParsing.goQuote(value)) for \"\(spec.displayName)\" flag: \(problem)"))
        }
        values.append(value, for: spec.name)
        return .success(())
    }

    private static func intResult(_ value: String, _ spec: FlagSpec) -> Result<Int, FlagParseFailure> {
        // klog's -v parses base 10 only.
        if spec.name == "v", value.contains(where: { !($0.isNumber || $0 == "-" || $0 == "+") }) {
            return .failure(FlagParseFailure(message: "strconv.ParseInt: parsing \(FlagParsing.goQuote(value)): invalid syntax"))
        }
        return FlagParsing.parseIntResult(value, bits: spec.integerBits)
    }
}

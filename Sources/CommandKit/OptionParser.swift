/// One option a command accepts, GNU style: a short letter, a long name, or both.
public struct OptionSpec: Sendable {
    public enum Argument: Sendable { case none, required, optional }

    public let key: String
    public let short: Character?
    public let long: String?
    public let argument: Argument

    /// `key` names the option in the result; it defaults to the long name, else the letter.
    public init(_ short: Character? = nil, _ long: String? = nil, argument: Argument = .none, key: String? = nil) {
        self.short = short
        self.long = long
        self.argument = argument
        self.key = key ?? long ?? short.map { String($0) } ?? "?"
    }
}

/// The options and operands of one command line, in the order given.
public struct ParsedOptions: Sendable {
    public var options: [(key: String, value: String?)] = []
    public var operands: [String] = []

    public func has(_ key: String) -> Bool { options.contains { $0.key == key } }

    /// The last value given for `key` (later options win, as with getopt loops).
    public func value(_ key: String) -> String? { options.last { $0.key == key }?.value }

    public func values(_ key: String) -> [String] { options.filter { $0.key == key }.compactMap(\.value) }

    /// How many times `key` was given (`-vv`).
    public func count(_ key: String) -> Int { options.filter { $0.key == key }.count }
}

/// A command-line error in getopt_long's own words.
public enum OptionError: Error, Equatable, Sendable {
    case invalidShort(Character)
    case unrecognizedLong(String)
    case missingShortArgument(Character)
    case missingLongArgument(String)
    case unexpectedLongArgument(String)
    case ambiguousLong(String, [String])

    public var message: String {
        switch self {
        case .invalidShort(let c): "invalid option -- '\(c)'"
        case .unrecognizedLong(let s): "unrecognized option '\(s)'"
        case .missingShortArgument(let c): "option requires an argument -- '\(c)'"
        case .missingLongArgument(let s): "option '--\(s)' requires an argument"
        case .unexpectedLongArgument(let s): "option '--\(s)' doesn't allow an argument"
        case .ambiguousLong(let s, let candidates):
            "option '\(s)' is ambiguous; possibilities:" + candidates.map { " '--\($0)'" }.joined()
        }
    }
}

/// Parses arguments as glibc's `getopt_long` does: bundled short options (`-la`),
/// attached or separate values (`-n5`, `-n 5`, `--lines=5`, `--lines 5`), unambiguous
/// long prefixes (`--recur`), `--` ending options, and (unless `permute` is off or
/// POSIXLY_CORRECT is set) options after operands. A lone `-` is an operand.
public func parseOptions(
    _ arguments: ArraySlice<String>, _ specs: [OptionSpec], permute: Bool = true
) throws(OptionError) -> ParsedOptions {
    var result = ParsedOptions()
    var index = arguments.startIndex
    while index < arguments.endIndex {
        let argument = arguments[index]
        index += 1
        if argument == "--" {
            result.operands.append(contentsOf: arguments[index...])
            break
        }
        if argument.hasPrefix("--") {
            let body = argument.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            let attached: String? = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
            let spec = try matchLong(name, argument: argument, specs)
            let longName = spec.long ?? name
            switch spec.argument {
            case .none:
                if attached != nil { throw .unexpectedLongArgument(longName) }
                result.options.append((spec.key, nil))
            case .optional:
                result.options.append((spec.key, attached))
            case .required:
                if let attached {
                    result.options.append((spec.key, attached))
                } else if index < arguments.endIndex {
                    result.options.append((spec.key, arguments[index]))
                    index += 1
                } else {
                    throw .missingLongArgument(longName)
                }
            }
            continue
        }
        if argument.hasPrefix("-") && argument.count > 1 {
            var letters = Substring(argument.dropFirst())
            while let letter = letters.first {
                letters = letters.dropFirst()
                guard let spec = specs.first(where: { $0.short == letter }) else { throw .invalidShort(letter) }
                switch spec.argument {
                case .none:
                    result.options.append((spec.key, nil))
                case .optional:
                    result.options.append((spec.key, letters.isEmpty ? nil : String(letters)))
                    letters = ""
                case .required:
                    if !letters.isEmpty {
                        result.options.append((spec.key, String(letters)))
                    } else if index < arguments.endIndex {
                        result.options.append((spec.key, arguments[index]))
                        index += 1
                    } else {
                        throw .missingShortArgument(letter)
                    }
                    letters = ""
                }
            }
            continue
        }
        result.operands.append(argument)
        if !permute {
            result.operands.append(contentsOf: arguments[index...])
            break
        }
    }
    return result
}

private func matchLong(_ name: String, argument: String, _ specs: [OptionSpec]) throws(OptionError) -> OptionSpec {
    if let exact = specs.first(where: { $0.long == name }) { return exact }
    let candidates = specs.filter { $0.long?.hasPrefix(name) ?? false }
    let distinct = Dictionary(grouping: candidates, by: \.key)
    if distinct.count == 1, let first = candidates.first { return first }
    if candidates.isEmpty || name.isEmpty {
        throw .unrecognizedLong(argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument)
    }
    throw .ambiguousLong(argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument,
                         candidates.compactMap(\.long))
}

extension Invocation {
    /// Parses options; on error prints getopt's message and `Try '<name> --help' …`,
    /// and returns nil (the command then exits with its usage status).
    public func parse(_ specs: [OptionSpec], permute: Bool = true, usage: String? = nil) -> ParsedOptions? {
        do {
            return try parseOptions(operands, specs, permute: permute)
        } catch {
            stderr.line("\(name): \(error.message)")
            if let usage { stderr.line("Usage: \(usage)") }
            stderr.line("Try '\(name) --help' for more information.")
            return nil
        }
    }
}

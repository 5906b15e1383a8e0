/// urfave/cli v2's flag parsing as crictl uses it: Go's `flag` package (`-x`, `--x`, `-x=v`, `-x v`,
/// stops at the first argument), with `-aq` split into short bool flags.
struct CrictlFlags {
    struct Spec {
        var names: [String]
        var isBool = false
        var defaultValue = ""
    }

    private var values: [String: String] = [:]
    private(set) var arguments: [String] = []
    /// `-h`/`--help` was given.
    private(set) var help = false

    func bool(_ name: String) -> Bool { values[name] == "true" }
    func string(_ name: String) -> String { values[name] ?? "" }
    func isSet(_ name: String) -> Bool { values[name] != nil }

    /// Parses `words`; the error is the flag package's text (`flag provided but not defined: -x`).
    static func parse(_ words: [String], specs: [Spec]) -> Result<CrictlFlags, CrictlFailure> {
        var result = CrictlFlags()
        for spec in specs where !spec.defaultValue.isEmpty { result.values[spec.names[0]] = spec.defaultValue }
        func spec(_ name: String) -> Spec? { specs.first { $0.names.contains(name) } }
        var index = 0
        while index < words.count {
            let word = words[index]
            guard word.count > 1, word.hasPrefix("-") else { break }
            index += 1
            if word == "--" { break }
            var name = String(word.dropFirst(word.hasPrefix("--") ? 2 : 1))
            if name.isEmpty || name.hasPrefix("-") || name.hasPrefix("=") {
                return .failure(.usage("bad flag syntax: \(word)"))
            }
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let found = spec(name) else {
                if name == "h" || name == "help" {
                    result.help = true
                    continue
                }
                // UseShortOptionHandling: `-aq` is `-a -q`.
                if !word.hasPrefix("--"), value == nil, name.count > 1,
                   name.allSatisfy({ spec(String($0))?.isBool == true }) {
                    for letter in name { if let short = spec(String(letter)) { result.values[short.names[0]] = "true" } }
                    continue
                }
                return .failure(.usage("flag provided but not defined: -\(name)"))
            }
            if found.isBool {
                switch value {
                case nil, "1", "t", "T", "true", "TRUE", "True": result.values[found.names[0]] = "true"
                case "0", "f", "F", "false", "FALSE", "False": result.values[found.names[0]] = "false"
                case let other?:
                    return .failure(.usage("invalid boolean value \"\(other)\" for -\(name): parse error"))
                }
                continue
            }
            if value == nil {
                guard index < words.count else { return .failure(.usage("flag needs an argument: -\(name)")) }
                value = words[index]
                index += 1
            }
            result.values[found.names[0]] = value
        }
        result.arguments = Array(words[index...])
        return .success(result)
    }
}

/// How a crictl command failed: a usage error (urfave/cli's `Incorrect Usage:` first) or logrus' fatal line.
enum CrictlFailure: Error {
    case usage(String)
    case fatal(String)
    /// Text on stderr and an exit status, as urfave/cli's Exit prints it.
    case exit(String, Int32)
}

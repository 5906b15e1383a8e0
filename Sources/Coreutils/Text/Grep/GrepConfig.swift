import CommandKit

/// What grep was asked to do, from its command line.
struct GrepConfig {
    var syntax = GrepMatcher.Syntax.basic
    var patterns: [[UInt8]] = []
    var ignoreCase = false
    var wordRegexp = false
    var lineRegexp = false
    var invert = false
    var count = false
    var listMatching = false
    var listNonMatching = false
    var quiet = false
    var noMessages = false
    var onlyMatching = false
    var lineNumber = false
    var byteOffset = false
    /// nil: decided by the number of files (and -r).
    var withFilename: Bool?
    var binaryAsText = false
    var skipBinary = false
    var initialTab = false
    var nullAfterName = false
    var maxCount: Int?
    var before = 0
    var after = 0
    var color = false
    var recursive = false
    var dereferenceRecursive = false
    var includes: [String] = []
    var excludes: [String] = []
    var excludeDirectories: [String] = []
    var label = "(standard input)"

    var hasContext: Bool { (before > 0 || after > 0) && !onlyMatching }

    static let specs: [OptionSpec] = [
        OptionSpec("E", "extended-regexp"), OptionSpec("F", "fixed-strings"), OptionSpec("G", "basic-regexp"),
        OptionSpec("P", "perl-regexp"), OptionSpec("e", "regexp", argument: .required),
        OptionSpec("f", "file", argument: .required), OptionSpec("i", "ignore-case"), OptionSpec("y"),
        OptionSpec(nil, "no-ignore-case"), OptionSpec("w", "word-regexp"), OptionSpec("x", "line-regexp"),
        OptionSpec("z", "null-data"), OptionSpec("s", "no-messages"), OptionSpec("v", "invert-match"),
        OptionSpec("V", "version"), OptionSpec(nil, "help"), OptionSpec("m", "max-count", argument: .required),
        OptionSpec("b", "byte-offset"), OptionSpec("n", "line-number"), OptionSpec(nil, "no-line-number"),
        OptionSpec(nil, "line-buffered"), OptionSpec("H", "with-filename"), OptionSpec("h", "no-filename"),
        OptionSpec(nil, "label", argument: .required), OptionSpec("o", "only-matching"),
        OptionSpec("q", "quiet"), OptionSpec(nil, "silent", key: "quiet"),
        OptionSpec(nil, "binary-files", argument: .required), OptionSpec("a", "text"), OptionSpec("I"),
        OptionSpec("d", "directories", argument: .required), OptionSpec("D", "devices", argument: .required),
        OptionSpec("r", "recursive"), OptionSpec("R", "dereference-recursive"),
        OptionSpec(nil, "include", argument: .required), OptionSpec(nil, "exclude", argument: .required),
        OptionSpec(nil, "exclude-from", argument: .required), OptionSpec(nil, "exclude-dir", argument: .required),
        OptionSpec("L", "files-without-match"), OptionSpec("l", "files-with-matches"), OptionSpec("c", "count"),
        OptionSpec("T", "initial-tab"), OptionSpec("Z", "null"), OptionSpec("A", "after-context", argument: .required),
        OptionSpec("B", "before-context", argument: .required), OptionSpec("C", "context", argument: .required),
        OptionSpec(nil, "color", argument: .optional), OptionSpec(nil, "colour", argument: .optional, key: "color"),
        OptionSpec("U", "binary"),
    ]

    /// The problem grep reports (after `grep: `) for a bad option value, if any.
    enum Failure: Error {
        case message(String)
        case usage(String)
    }

    /// Applies parsed options in order (later ones win, as grep's getopt loop does).
    mutating func apply(_ options: ParsedOptions, _ inv: Invocation) throws(Failure) {
        var input = TextInput()
        var sawPattern = false
        for (key, value) in options.options {
            let argument = value ?? ""
            switch key {
            case "extended-regexp": syntax = .extended
            case "fixed-strings": syntax = .fixed
            case "basic-regexp": syntax = .basic
            case "perl-regexp": syntax = .perl
            case "regexp":
                patterns += GrepConfig.split(Array(argument.utf8))
                sawPattern = true
            case "file":
                switch input.read(argument, inv) {
                case .success(let bytes):
                    var lines = GrepConfig.split(bytes)
                    if bytes.last == 0x0A { lines.removeLast() }
                    patterns += lines
                case .failure(let error):
                    throw .message("\(argument): \(error.message)")
                }
                sawPattern = true
            case "ignore-case", "y": ignoreCase = true
            case "no-ignore-case": ignoreCase = false
            case "word-regexp": wordRegexp = true
            case "line-regexp": lineRegexp = true
            case "no-messages": noMessages = true
            case "invert-match": invert = true
            case "max-count":
                guard let number = Int(argument) else { throw .message("invalid max count") }
                maxCount = number < 0 ? nil : number
            case "byte-offset": byteOffset = true
            case "line-number": lineNumber = true
            case "no-line-number": lineNumber = false
            case "with-filename": withFilename = true
            case "no-filename": withFilename = false
            case "label": label = argument
            case "only-matching": onlyMatching = true
            case "quiet": quiet = true
            case "binary-files":
                switch argument {
                case "text": binaryAsText = true
                case "without-match": skipBinary = true
                case "binary": binaryAsText = false; skipBinary = false
                default: throw .message("unknown binary-files type")
                }
            case "text": binaryAsText = true
            case "I": skipBinary = true
            case "recursive": recursive = true
            case "dereference-recursive": recursive = true; dereferenceRecursive = true
            case "include": includes.append(argument)
            case "exclude": excludes.append(argument)
            case "exclude-dir": excludeDirectories.append(argument)
            case "files-without-match": listNonMatching = true; listMatching = false
            case "files-with-matches": listMatching = true; listNonMatching = false
            case "count": count = true
            case "initial-tab": initialTab = true
            case "null": nullAfterName = true
            case "after-context": after = try GrepConfig.context(argument)
            case "before-context": before = try GrepConfig.context(argument)
            case "context":
                let number = try GrepConfig.context(argument)
                after = number
                before = number
            case "color":
                switch value {
                case nil, "always", "yes", "force": color = value != nil || inv.stdoutIsTerminal
                case "never", "no", "none": color = false
                case "auto", "tty", "if-tty": color = inv.stdoutIsTerminal
                default:
                    throw .usage("invalid argument '\(argument)' for '--color'\nValid arguments are:\n  - 'always', 'yes', 'force'\n  - 'never', 'no', 'none'\n  - 'auto', 'tty', 'if-tty'")
                }
            default: break
            }
        }
        if !sawPattern { patterns = [] }
    }

    /// Splits a pattern argument on newlines: each line is a pattern of its own.
    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }

    private static func context(_ text: String) throws(Failure) -> Int {
        guard let number = Int(text), number >= 0 else {
            throw .message("\(text): invalid context length argument")
        }
        return number
    }
}

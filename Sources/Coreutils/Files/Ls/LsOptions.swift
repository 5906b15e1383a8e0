import CommandKit

/// What `ls` was asked for, from GNU's options.
struct LsOptions {
    enum Format { case long, columns, across, single, commas }
    enum Sort { case name, time, size, none, `extension`, version }
    enum Hidden { case none, almostAll, all }
    enum Indicator { case none, slash, classify, fileType }
    enum Quoting { case literal, shellEscape, c, escape }

    var format = Format.single
    var sort = Sort.name
    var reverse = false
    var hidden = Hidden.none
    var indicator = Indicator.none
    var quoting = Quoting.literal
    var directoryItself = false
    var recursive = false
    var human = false
    var inode = false
    var numeric = false
    var showOwner = true
    var showGroup = true
    var color = false
    var dereferenceAll = false
    var dereferenceArguments = false
    var showBlocks = false
    var groupDirectoriesFirst = false
    var hideControl = false
    var timeStyle = "locale"
    var width = 80
    var tabSize = 8
    var ignoreBackups = false

    /// `--color` and `--classify` values, synonyms together as argmatch lists them.
    static let whenGroups = [["always", "yes", "force"], ["never", "no", "none"], ["auto", "tty", "if-tty"]]

    static let specs: [OptionSpec] = [
        OptionSpec("a", "all"), OptionSpec("A", "almost-all"), OptionSpec("l"), OptionSpec("1"), OptionSpec("C"),
        OptionSpec("x"), OptionSpec("m"), OptionSpec("d", "directory"), OptionSpec("h", "human-readable"),
        OptionSpec(nil, "si"), OptionSpec("R", "recursive"), OptionSpec("t"), OptionSpec("S"), OptionSpec("U"),
        OptionSpec("X"), OptionSpec("v"), OptionSpec("f"), OptionSpec("r", "reverse"), OptionSpec("F", "classify", argument: .optional),
        OptionSpec(nil, "file-type"), OptionSpec("p"), OptionSpec("i", "inode"), OptionSpec("n", "numeric-uid-gid"),
        OptionSpec("g"), OptionSpec("o"), OptionSpec("G", "no-group"), OptionSpec(nil, "color", argument: .optional),
        OptionSpec(nil, "colour", argument: .optional, key: "color"), OptionSpec(nil, "full-time"),
        OptionSpec(nil, "time-style", argument: .required), OptionSpec("L", "dereference"),
        OptionSpec("H", "dereference-command-line"), OptionSpec("s", "size"), OptionSpec(nil, "group-directories-first"),
        OptionSpec("q", "hide-control-chars"), OptionSpec(nil, "show-control-chars"), OptionSpec("N", "literal"),
        OptionSpec("Q", "quote-name"), OptionSpec("b", "escape"), OptionSpec(nil, "quoting-style", argument: .required),
        OptionSpec("w", "width", argument: .required), OptionSpec("T", "tabsize", argument: .required),
        OptionSpec("c"), OptionSpec("u"), OptionSpec(nil, "time", argument: .required), OptionSpec(nil, "sort", argument: .required),
        OptionSpec("k", "kibibytes"), OptionSpec("B", "ignore-backups"), OptionSpec(nil, "format", argument: .required),
        OptionSpec("Z", "context"), OptionSpec(nil, "author"), OptionSpec("I", "ignore", argument: .required),
        OptionSpec(nil, "hide", argument: .required), OptionSpec(nil, "indicator-style", argument: .required),
        OptionSpec(nil, "hyperlink", argument: .optional), OptionSpec("D", "dired"),
        OptionSpec(nil, "zero"),
    ] + standardOptionSpecs

    /// Reads the options in order (later ones win, as in ls.c); returns an error message for bad values.
    init(_ parsed: ParsedOptions, terminal: Bool, terminalWidth: Int, environment: [String: String]) throws(LsError) {
        format = terminal ? .columns : .single
        quoting = terminal ? .shellEscape : .literal
        hideControl = terminal
        width = terminal ? max(1, terminalWidth) : 80
        if let columns = environment["COLUMNS"], let value = Int(columns), value > 0, terminal { width = value }
        var colorWhen = "never"
        for (key, value) in parsed.options {
            switch key {
            case "all": hidden = .all
            case "almost-all": hidden = .almostAll
            case "l": format = .long
            case "1": format = .single
            case "C": format = .columns
            case "x": format = .across
            case "m": format = .commas
            case "g": format = .long; showOwner = false
            case "o": format = .long; showGroup = false
            case "numeric-uid-gid": format = .long; numeric = true
            case "directory": directoryItself = true
            case "human-readable", "si": human = true
            case "recursive": recursive = true
            case "t": sort = .time
            case "S": sort = .size
            case "U": sort = .none
            case "X": sort = .extension
            case "v": sort = .version
            case "f": sort = .none; hidden = .all; colorWhen = "never"
            case "reverse": reverse = true
            case "classify":
                switch value {
                case nil, "always", "yes", "force": indicator = .classify
                case "auto", "tty", "if-tty": indicator = terminal ? .classify : .none
                case "never", "no", "none": indicator = .none
                case let other?: throw .invalidArgument(other, "--classify", Self.whenGroups)
                }
            case "file-type": indicator = .fileType
            case "p": indicator = .slash
            case "inode": inode = true
            case "no-group": showGroup = false
            case "color":
                let when = value ?? "always"
                guard ["always", "yes", "force", "never", "no", "none", "auto", "tty", "if-tty"].contains(when) else {
                    throw .invalidArgument(when, "--color", Self.whenGroups)
                }
                colorWhen = when
            case "full-time": format = .long; timeStyle = "full-iso"
            case "time-style":
                let style = value ?? ""
                timeStyle = style.hasPrefix("posix-") ? String(style.dropFirst(6)) : style
            case "dereference": dereferenceAll = true
            case "dereference-command-line": dereferenceArguments = true
            case "size": showBlocks = true
            case "group-directories-first": groupDirectoriesFirst = true
            case "hide-control-chars": hideControl = true
            case "show-control-chars": hideControl = false
            case "literal": quoting = .literal
            case "quote-name": quoting = .c
            case "escape": quoting = .escape
            case "quoting-style":
                switch value ?? "" {
                case "literal": quoting = .literal
                case "shell", "shell-escape", "shell-always", "shell-escape-always": quoting = .shellEscape
                case "c": quoting = .c
                case "escape": quoting = .escape
                case let other: throw .invalidArgument(other, "--quoting-style", [["literal"], ["shell"], ["shell-always"], ["shell-escape"], ["shell-escape-always"], ["c"], ["escape"], ["locale"], ["clocale"]])
                }
            case "width":
                guard let text = value, let number = Int(text), number >= 0 else { throw .invalidWidth(value ?? "") }
                width = number == 0 ? Int.max / 4 : number
            case "tabsize":
                guard let text = value, let number = Int(text), number >= 0 else { throw .invalidTabSize(value ?? "") }
                tabSize = number
            case "sort":
                switch value ?? "" {
                case "none": sort = .none
                case "time": sort = .time
                case "size": sort = .size
                case "extension": sort = .extension
                case "version": sort = .version
                case "name": sort = .name
                case let other: throw .invalidArgument(other, "--sort", [["none"], ["time"], ["size"], ["extension"], ["version"], ["width"], ["name"]])
                }
            case "format":
                switch value ?? "" {
                case "long", "verbose": format = .long
                case "single-column": format = .single
                case "vertical": format = .columns
                case "across", "horizontal": format = .across
                case "commas": format = .commas
                case let other: throw .invalidArgument(other, "--format", [["verbose", "long"], ["commas"], ["horizontal", "across"], ["vertical"], ["single-column"]])
                }
            case "ignore-backups": ignoreBackups = true
            default: break
            }
        }
        if format == .long, !timeStyle.hasPrefix("+"), !["full-iso", "long-iso", "iso", "locale"].contains(timeStyle) {
            throw .invalidTimeStyle(timeStyle)
        }
        switch colorWhen {
        case "always", "yes", "force": color = true
        case "auto", "tty", "if-tty": color = terminal
        default: color = false
        }
    }
}

/// A bad option value, in ls's words.
enum LsError: Error {
    case invalidArgument(String, String, [[String]])
    case invalidTimeStyle(String)
    case invalidWidth(String)
    case invalidTabSize(String)

    /// Bad `--color`-style values exit 1 (argmatch's usage); the others 2.
    var status: Int32 {
        if case .invalidArgument = self { return 1 }
        return 2
    }

    /// The lines ls prints (without the `ls: ` prefix of the first).
    var lines: [String] {
        switch self {
        case .invalidArgument(let value, let option, let valid):
            var result = ["invalid argument \(Quoting.locale(value)) for \(Quoting.locale(option))", "Valid arguments are:"]
            result += valid.map { "  - " + $0.map { Quoting.locale($0) }.joined(separator: ", ") }
            result.append("Try 'ls --help' for more information.")
            return result
        case .invalidTimeStyle(let value):
            return ["invalid argument \(Quoting.locale(value)) for \(Quoting.locale("time style"))", "Valid arguments are:",
                    "  - [posix-]full-iso", "  - [posix-]long-iso", "  - [posix-]iso", "  - [posix-]locale", "  - +FORMAT (e.g., +%H:%M) for a 'date'-style format",
                    "Try 'ls --help' for more information."]
        case .invalidWidth(let value):
            return ["invalid line width: \(Quoting.locale(value))"]
        case .invalidTabSize(let value):
            return ["invalid tab size: \(Quoting.locale(value))"]
        }
    }
}

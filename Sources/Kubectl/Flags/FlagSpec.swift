/// How a flag's value is parsed, as pflag's value types do.
public enum FlagKind: Sendable {
    /// `--x`, `--x=false`; a following word is never its value.
    case bool
    case string
    /// Whole numbers (strconv.ParseInt with base 0).
    case int
    /// Go durations: `5s`, `1m30s`.
    case duration
    /// StringSlice: repeatable, each value split at commas.
    case slice
    /// StringArray: repeatable, each value kept whole.
    case array
}

/// One flag of a command, as registered with pflag.
public struct FlagSpec: Sendable {
    public let name: String
    /// One character, or "" when the flag has no shorthand.
    public let shorthand: String
    public let kind: FlagKind
    /// The default as `--help` shows it (`[]` for empty lists).
    public let defaultValue: String
    /// The value a bare `--flag` sets (pflag's NoOptDefVal); nil when the flag needs a value.
    public let noOptionDefault: String?

    public init(_ name: String, _ shorthand: String, _ kind: FlagKind, _ defaultValue: String) {
        self.name = name
        self.shorthand = shorthand
        self.kind = kind
        self.defaultValue = defaultValue
        noOptionDefault = kind == .bool ? "true" : FlagSpec.knownNoOptionDefaults[name]
    }

    /// String flags that kubectl lets stand alone (`--dry-run` means `--dry-run=unchanged`).
    static let knownNoOptionDefaults: [String: String] = [
        "dry-run": "unchanged", "validate": "strict", "cascade": "background",
    ]

    /// How pflag names the flag in errors: `-r, --replicas` or `--port`.
    var displayName: String {
        shorthand.isEmpty ? "--\(name)" : "-\(shorthand), --\(name)"
    }

    /// Bits of the integer type behind an `.int` flag (kubectl's replicas and ports are int32).
    var integerBits: Int {
        switch name {
        case "replicas", "port", "v", "target-port", "node-port": 32
        default: 64
        }
    }
}

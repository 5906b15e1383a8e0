/// The flags set on one command line, read by name with the command's defaults behind them.
public struct FlagValues: Sendable {
    /// The command's flags by long name.
    let specs: [String: FlagSpec]
    /// Raw values in the order given, by long name.
    private(set) var values: [String: [String]] = [:]

    init(specs: [FlagSpec]) {
        var byName: [String: FlagSpec] = [:]
        for spec in specs where byName[spec.name] == nil { byName[spec.name] = spec }
        self.specs = byName
    }

    mutating func append(_ value: String, for name: String) {
        values[name, default: []].append(value)
    }

    /// Whether the flag was given on the command line (pflag's `Changed`).
    public func changed(_ name: String) -> Bool { values[name] != nil }

    /// The last value given, or the default ("" for flags the command does not have).
    public func string(_ name: String) -> String {
        if let last = values[name]?.last { return last }
        guard let spec = specs[name] else { return "" }
        return spec.defaultValue == "[]" ? "" : spec.defaultValue
    }

    public func bool(_ name: String) -> Bool {
        FlagParsing.parseBool(string(name)) ?? false
    }

    public func int(_ name: String) -> Int {
        FlagParsing.parseInt(string(name), bits: 64) ?? 0
    }

    /// Every value of a repeatable flag, slices split at commas; the default when not given.
    public func strings(_ name: String) -> [String] {
        guard let given = values[name] else {
            guard let spec = specs[name], spec.defaultValue.hasPrefix("["), spec.defaultValue.count > 2 else { return [] }
            return spec.defaultValue.dropFirst().dropLast().split(separator: ",").map(String.init)
        }
        guard specs[name]?.kind == .slice else { return given }
        return given.flatMap { FlagParsing.splitSlice($0) }
    }

    /// Nanoseconds of a duration flag (0 when unset or invalid).
    public func duration(_ name: String) -> Int64 {
        (try? FlagParsing.parseDuration(string(name)).get()) ?? 0
    }
}

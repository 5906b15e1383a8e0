/// What a check found, kept as catalogue keys with their values so that the lab can say it in
/// the learner's language when it prints it; the grader's reports render it in English.
/// Checks stay pure: they know nothing of languages.
public indirect enum CheckDetail: Sendable, Equatable {
    /// A catalogue text with its `{name}` values, themselves details.
    case message(LabMessage, [String: CheckDetail])
    /// Quoted from the system as it is, in every language: names, paths, file contents, strerror
    /// texts, Kubernetes reasons and messages, field values, command output.
    case verbatim(String)
    /// Parts joined by a catalogue separator (`; ` between problems, `, ` in a listing).
    case list([CheckDetail], separator: LabMessage)

    /// The detail in the language of `say`.
    public func rendered(_ say: LabMessages) -> String {
        switch self {
        case let .message(key, values):
            return say(key, values.mapValues { $0.rendered(say) })
        case let .verbatim(text):
            return text
        case let .list(parts, separator):
            return parts.map { $0.rendered(say) }.joined(separator: say(separator))
        }
    }

    /// In English, as the grader's reports (CSV, JSON, JUnit) and `ckalab verify` print it.
    public var english: String { rendered(LabMessages(.english)) }

    /// A catalogue text with these values.
    static func say(_ key: LabMessage, _ values: [String: CheckDetail] = [:]) -> CheckDetail {
        .message(key, values)
    }

    /// A number, as written in every language.
    static func number(_ value: Int) -> CheckDetail { .verbatim(String(value)) }

    /// `node01: <problem>`.
    static func onNode(_ node: String, _ problem: CheckDetail) -> CheckDetail {
        .message(.nodeProblem, ["node": .verbatim(node), "problem": problem])
    }

    /// Problems one after another (`; `).
    static func problems(_ parts: [CheckDetail]) -> CheckDetail {
        .list(parts, separator: .detailSeparator)
    }
}

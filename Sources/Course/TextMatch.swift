import Foundation

/// How a text (a file's contents, a field, a command's output) must look.
public enum TextMatch: Sendable, Equatable {
    case equals(String)
    case contains(String)
    /// A regular expression that must match somewhere in the text.
    case matches(String)

    static let keys = ["equals", "contains", "matches"]

    /// At most one of `equals`, `contains`, `matches` from a check's mapping; regexes are compiled now.
    static func decode(_ map: YAMLMapping) throws(ContentError) -> TextMatch? {
        let present = keys.compactMap { key in map.optional(key).map { (key, $0) } }
        guard let (key, field) = present.first else { return nil }
        if present.count > 1 { throw present[1].1.error("only one of equals, contains, matches may be given") }
        let text = try field.string()
        switch key {
        case "equals": return .equals(text)
        case "contains": return .contains(text)
        default:
            do {
                _ = try Regex(text)
            } catch {
                throw field.error("not a valid regular expression: \(text)")
            }
            return .matches(text)
        }
    }

    public func accepts(_ text: String) -> Bool {
        switch self {
        case .equals(let expected): return text == expected
        case .contains(let part): return text.contains(part)
        case .matches(let pattern):
            guard let regex = try? Regex(pattern) else { return false }
            return text.contains(regex)
        }
    }

    /// `equal to "x"`, `containing "x"`, `matching /x/`, in English.
    public var expectation: String { expected.english }

    /// The expectation as catalogue keys (`lab check` says it in the learner's language).
    var expected: CheckDetail {
        switch self {
        case .equals(let text): .say(.matchEquals, ["text": .verbatim(Quoted.text(text))])
        case .contains(let text): .say(.matchContains, ["text": .verbatim(Quoted.text(text))])
        case .matches(let pattern): .say(.matchMatches, ["pattern": .verbatim(pattern)])
        }
    }
}

/// Texts in feedback: quoted, newlines escaped, long ones cut.
enum Quoted {
    static func text(_ text: String, limit: Int = 80) -> String {
        var escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\"", with: "\\\"")
        if escaped.count > limit { escaped = String(escaped.prefix(limit)) + "…" }
        return "\"" + escaped + "\""
    }
}

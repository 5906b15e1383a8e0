import KubeModel

/// One term of a label selector: `app=web`, `tier!=db`, `env in (a,b)`, `gpu`, `!gpu`.
/// (KubeModel's Selectors hold the full grammar; this is what the store indexes and matches.)
public enum LabelRequirement: Sendable, Equatable {
    case equals(String, String)
    case notEquals(String, String)
    case isIn(String, [String])
    case notIn(String, [String])
    case exists(String)
    case doesNotExist(String)

    public func matches(_ labels: JSONObject?) -> Bool {
        switch self {
        case let .equals(key, value): return labels?[key]?.stringValue == value
        case let .notEquals(key, value): return labels?[key]?.stringValue != value
        case let .isIn(key, values): return labels?[key]?.stringValue.map { values.contains($0) } ?? false
        case let .notIn(key, values): return labels?[key]?.stringValue.map { !values.contains($0) } ?? true
        case let .exists(key): return labels?[key] != nil
        case let .doesNotExist(key): return labels?[key] == nil
        }
    }

    /// Parses a selector string the simple way (`a=b,c!=d,e in (f,g),h,!i`); nil if malformed.
    public static func parse(_ selector: String) -> [LabelRequirement]? {
        var terms: [String] = []
        var current = ""
        var depth = 0
        for character in selector {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                terms.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        terms.append(current)
        var result: [LabelRequirement] = []
        for raw in terms {
            let term = raw.trimmingSpaces
            if term.isEmpty {
                if terms.count == 1 { return [] }
                return nil
            }
            guard let requirement = parseTerm(term) else { return nil }
            result.append(requirement)
        }
        return result
    }

    private static func parseTerm(_ term: String) -> LabelRequirement? {
        if let range = term.firstRange(of: "!=") {
            return .notEquals(String(term[..<range.lowerBound]).trimmingSpaces, String(term[range.upperBound...]).trimmingSpaces)
        }
        if let range = term.firstRange(of: "==") ?? term.firstRange(of: "=") {
            return .equals(String(term[..<range.lowerBound]).trimmingSpaces, String(term[range.upperBound...]).trimmingSpaces)
        }
        for (word, notIn) in [(" notin ", true), (" in ", false)] {
            guard let range = term.firstRange(of: word) else { continue }
            let key = String(term[..<range.lowerBound]).trimmingSpaces
            var list = String(term[range.upperBound...]).trimmingSpaces
            guard list.hasPrefix("("), list.hasSuffix(")") else { return nil }
            list = String(list.dropFirst().dropLast())
            let values = list.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            return notIn ? .notIn(key, values) : .isIn(key, values)
        }
        if term.hasPrefix("!") { return .doesNotExist(String(term.dropFirst()).trimmingSpaces) }
        return term.contains(" ") ? nil : .exists(term)
    }
}

/// One term of a field selector: `spec.nodeName=node01`, `status.phase!=Running`.
public struct FieldRequirement: Sendable, Equatable {
    public var path: String
    public var value: String
    public var negated: Bool

    public init(path: String, value: String, negated: Bool = false) {
        self.path = path
        self.value = value
        self.negated = negated
    }

    /// A missing field compares as "" (as the API server's field sets do).
    public func matches(_ object: KubeObject) -> Bool {
        let actual: String
        switch path {
        case "metadata.name": actual = object.name
        case "metadata.namespace": actual = object.namespace
        default:
            let components = path.split(separator: ".").map(String.init)
            switch object[path: components] {
            case .string(let text): actual = text
            case .bool(let flag): actual = flag ? "true" : "false"
            case .int(let number): actual = String(number)
            default: actual = ""
            }
        }
        return (actual == value) != negated
    }

    /// Parses `a=b,c!=d` (also `a==b`); nil if a term has no operator.
    public static func parse(_ selector: String) -> [FieldRequirement]? {
        var result: [FieldRequirement] = []
        for raw in selector.split(separator: ",") {
            let term = String(raw).trimmingSpaces
            if let range = term.firstRange(of: "!=") {
                result.append(FieldRequirement(path: String(term[..<range.lowerBound]), value: String(term[range.upperBound...]),
                                               negated: true))
            } else if let range = term.firstRange(of: "==") ?? term.firstRange(of: "=") {
                result.append(FieldRequirement(path: String(term[..<range.lowerBound]), value: String(term[range.upperBound...])))
            } else {
                return nil
            }
        }
        return result
    }
}

extension String {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return String(slice)
    }
}

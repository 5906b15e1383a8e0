/// A label selector as apimachinery's `labels.Selector`: requirements ANDed, sorted by key.
public struct LabelSelector: Sendable, Equatable, CustomStringConvertible {
    /// `selection.Operator` values.
    public enum Operator: String, Sendable {
        case `in` = "in", notIn = "notin", equals = "=", doubleEquals = "==", notEquals = "!="
        case exists = "exists", doesNotExist = "!", greaterThan = "gt", lessThan = "lt"
    }

    public struct Requirement: Sendable, Equatable, CustomStringConvertible {
        public let key: String
        public let op: Operator
        /// Values as given (the parser's are sorted and unique).
        public let values: [String]

        /// `Requirement.Matches`.
        public func matches(_ labels: [String: String]) -> Bool {
            switch op {
            case .in, .equals, .doubleEquals:
                guard let value = labels[key] else { return false }
                return values.contains(value)
            case .notIn, .notEquals:
                guard let value = labels[key] else { return true }
                return !values.contains(value)
            case .exists: return labels[key] != nil
            case .doesNotExist: return labels[key] == nil
            case .greaterThan, .lessThan:
                guard let text = labels[key], let have = Int64(text), values.count == 1,
                      let first = values.first, let want = Int64(first) else { return false }
                return op == .greaterThan ? have > want : have < want
            }
        }

        /// `Requirement.String`: `a=b`, `a in (x,y)`, `!a`.
        public var description: String {
            var text = op == .doesNotExist ? "!" + key : key
            switch op {
            case .equals: text += "="
            case .doubleEquals: text += "=="
            case .notEquals: text += "!="
            case .in: text += " in "
            case .notIn: text += " notin "
            case .greaterThan: text += ">"
            case .lessThan: text += "<"
            case .exists, .doesNotExist: return text
            }
            let list = values.count == 1 ? (values.first ?? "") : values.sorted(by: goLess).joined(separator: ",")
            return (op == .in || op == .notIn) ? text + "(" + list + ")" : text + list
        }
    }

    public let requirements: [Requirement]
    /// False for `labels.Nothing()` (a nil `LabelSelector` in an object selects nothing).
    public let selectsAnything: Bool

    public init(requirements: [Requirement], selectsAnything: Bool = true) {
        // sort.Sort(ByKey) is not stable; equal keys keep input order here.
        self.requirements = requirements.enumerated().sorted { a, b in
            a.element.key == b.element.key ? a.offset < b.offset : goLess(a.element.key, b.element.key)
        }.map(\.element)
        self.selectsAnything = selectsAnything
    }

    /// Selects everything.
    public static let everything = LabelSelector(requirements: [])
    /// Selects nothing.
    public static let nothing = LabelSelector(requirements: [], selectsAnything: false)

    public var isEmpty: Bool { selectsAnything && requirements.isEmpty }

    public func matches(_ labels: [String: String]) -> Bool {
        selectsAnything && requirements.allSatisfy { $0.matches(labels) }
    }

    public var description: String { requirements.map(\.description).joined(separator: ",") }

    /// `labels.SelectorFromSet`: `k=v` for every member (a Service's `spec.selector`).
    public static func fromSet(_ set: [String: String]) -> LabelSelector {
        LabelSelector(requirements: set.map { Requirement(key: $0.key, op: .equals, values: [$0.value]) })
    }

    /// `metav1.LabelSelectorAsSelector` for a `{matchLabels, matchExpressions}` object:
    /// nil selects nothing, `{}` everything. The error is the message apimachinery returns.
    public static func fromObject(_ object: JSONValue?) -> Result<LabelSelector, SelectorError> {
        guard let object, !object.isNull else { return .success(.nothing) }
        var requirements: [Requirement] = []
        let labels = object["matchLabels"]?.objectValue ?? [:]
        for key in labels.keys.sorted(by: goLess) {
            let value = labels[key]?.stringValue ?? ""
            switch newRequirement(key, .equals, [value]) {
            case .success(let r): requirements.append(r)
            case .failure(let e): return .failure(e)
            }
        }
        for expression in object["matchExpressions"]?.arrayValue ?? [] {
            let name = expression["operator"]?.stringValue ?? ""
            let op: Operator
            switch name {
            case "In": op = .in
            case "NotIn": op = .notIn
            case "Exists": op = .exists
            case "DoesNotExist": op = .doesNotExist
            default: return .failure(SelectorError("\(GoSyntax.quote(name)) is not a valid label selector operator"))
            }
            let values = (expression["values"]?.arrayValue ?? []).map { $0.stringValue ?? "" }
            switch newRequirement(expression["key"]?.stringValue ?? "", op, values) {
            case .success(let r): requirements.append(r)
            case .failure(let e): return .failure(e)
            }
        }
        return .success(LabelSelector(requirements: requirements))
    }

    /// `labels.NewRequirement` with a nil path: the checks and their aggregated message.
    public static func newRequirement(_ key: String, _ op: Operator, _ values: [String]) -> Result<Requirement, SelectorError> {
        var errors: [FieldError] = []
        let keyProblems = NameRules.qualifiedName(key)
        if !keyProblems.isEmpty { errors.append(.invalid("key", .string(key), keyProblems.joined(separator: "; "))) }
        let valuesGo = BadValue.go(GoSyntax.stringSlice(values))
        switch op {
        case .in, .notIn:
            if values.isEmpty { errors.append(.invalid("values", valuesGo, "for 'in', 'notin' operators, values set can't be empty")) }
        case .equals, .doubleEquals, .notEquals:
            if values.count != 1 { errors.append(.invalid("values", valuesGo, "exact-match compatibility requires one single value")) }
        case .exists, .doesNotExist:
            if !values.isEmpty { errors.append(.invalid("values", valuesGo, "values set must be empty for exists and does not exist")) }
        case .greaterThan, .lessThan:
            if values.count != 1 { errors.append(.invalid("values", valuesGo, "for 'Gt', 'Lt' operators, exactly one value is required")) }
            for (i, value) in values.enumerated() where Int64(value) == nil {
                errors.append(.invalid("values[\(i)]", .string(value), "for 'Gt', 'Lt' operators, the value must be an integer"))
            }
        }
        for (i, value) in values.enumerated() {
            let problems = NameRules.labelValue(value)
            if !problems.isEmpty {
                errors.append(.invalid("values[\(i)][\(key)]", .string(value), problems.joined(separator: "; ")))
            }
        }
        if !errors.isEmpty { return .failure(SelectorError(aggregateMessage(errors))) }
        return .success(Requirement(key: key, op: op, values: values))
    }
}

/// A selector that does not parse or convert; `message` is apimachinery's text.
public struct SelectorError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Go's string order (bytes).
func goLess(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

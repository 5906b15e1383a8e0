import KubeModel

/// One `nodeSelectorTerms[i]` requirement (`matchExpressions` on labels, `matchFields` on the name).
public struct NodeSelectorRequirement: Equatable, Sendable {
    public var key: String
    public var `operator`: String
    public var values: [String]

    public init(key: String, operator: String, values: [String] = []) {
        self.key = key
        self.operator = `operator`
        self.values = values
    }

    init(_ json: JSONValue) {
        self.init(key: json["key"]?.stringValue ?? "", operator: json["operator"]?.stringValue ?? "",
                  values: (json["values"]?.arrayValue ?? []).compactMap(\.stringValue))
    }

    /// Whether `value` (nil: the label is absent) satisfies the requirement (`labels.Requirement.Matches`).
    func matches(_ value: String?) -> Bool {
        switch self.operator {
        case "In": return value.map { values.contains($0) } ?? false
        case "NotIn": return value.map { !values.contains($0) } ?? true
        case "Exists": return value != nil
        case "DoesNotExist": return value == nil
        case "Gt", "Lt":
            guard let value, let have = Int64(value), values.count == 1, let bound = values.first.flatMap({ Int64($0) })
            else { return false }
            return self.operator == "Gt" ? have > bound : have < bound
        default: return false
        }
    }
}

/// One node selector term: every expression and field requirement must hold; an empty term matches nothing.
public struct NodeSelectorTerm: Equatable, Sendable {
    public var matchExpressions: [NodeSelectorRequirement]
    public var matchFields: [NodeSelectorRequirement]

    public init(matchExpressions: [NodeSelectorRequirement] = [], matchFields: [NodeSelectorRequirement] = []) {
        self.matchExpressions = matchExpressions
        self.matchFields = matchFields
    }

    init(_ json: JSONValue) {
        self.init(matchExpressions: (json["matchExpressions"]?.arrayValue ?? []).map(NodeSelectorRequirement.init),
                  matchFields: (json["matchFields"]?.arrayValue ?? []).map(NodeSelectorRequirement.init))
    }

    func matches(name: String, labels: [String: String]) -> Bool {
        if matchExpressions.isEmpty, matchFields.isEmpty { return false }
        for requirement in matchExpressions where !requirement.matches(labels[requirement.key]) { return false }
        for requirement in matchFields {
            // Only `metadata.name` is a node field selector; any other key fails the term.
            guard requirement.key == "metadata.name", requirement.operator == "In" || requirement.operator == "NotIn",
                  requirement.matches(name) else { return false }
        }
        return true
    }
}

/// A `metav1.LabelSelector` (`matchLabels` and `matchExpressions`); nil selects nothing, empty selects all.
public struct PodLabelSelector: Equatable, Sendable {
    public var requirements: [NodeSelectorRequirement]

    public init(requirements: [NodeSelectorRequirement]) {
        self.requirements = requirements
    }

    /// nil when the selector is absent (a term without `labelSelector` matches no pod).
    init?(_ json: JSONValue?) {
        guard let json, json.objectValue != nil else { return nil }
        var requirements: [NodeSelectorRequirement] = []
        for (key, value) in json["matchLabels"]?.objectValue ?? [:] {
            requirements.append(NodeSelectorRequirement(key: key, operator: "In", values: [value.stringValue ?? ""]))
        }
        requirements += (json["matchExpressions"]?.arrayValue ?? []).map(NodeSelectorRequirement.init)
        self.requirements = requirements
    }

    func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { $0.matches(labels[$0.key]) }
    }
}

/// A required pod (anti-)affinity term: pods in `namespaces` matching `selector`, per `topologyKey` domain.
public struct PodAffinityTerm: Equatable, Sendable {
    public var selector: PodLabelSelector?
    /// The namespaces the term looks in; empty with `allNamespaces` false means the pod's own.
    public var namespaces: Set<String>
    /// A `namespaceSelector: {}` selects every namespace.
    public var allNamespaces: Bool
    public var topologyKey: String

    public init(selector: PodLabelSelector?, namespaces: Set<String>, allNamespaces: Bool = false, topologyKey: String) {
        self.selector = selector
        self.namespaces = namespaces
        self.allNamespaces = allNamespaces
        self.topologyKey = topologyKey
    }

    init(_ json: JSONValue, podNamespace: String) {
        var namespaces = Set((json["namespaces"]?.arrayValue ?? []).compactMap(\.stringValue))
        let namespaceSelector = json["namespaceSelector"]
        let selectsAll = namespaceSelector?.objectValue.map { ($0["matchLabels"]?.objectValue ?? [:]).isEmpty
            && ($0["matchExpressions"]?.arrayValue ?? []).isEmpty } ?? false
        if namespaces.isEmpty, namespaceSelector == nil || namespaceSelector?.isNull == true { namespaces = [podNamespace] }
        self.init(selector: PodLabelSelector(json["labelSelector"]), namespaces: namespaces, allNamespaces: selectsAll,
                  topologyKey: json["topologyKey"]?.stringValue ?? "")
    }

    /// `AffinityTerm.Matches`: the pod is in one of the term's namespaces and its labels match.
    func matches(namespace: String, labels: [String: String]) -> Bool {
        guard allNamespaces || namespaces.contains(namespace), let selector else { return false }
        return selector.matches(labels)
    }
}

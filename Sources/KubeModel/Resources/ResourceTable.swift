/// The resource types a cluster serves, in discovery order, and kubectl's way of finding one
/// from what a user typed (`po`, `pods`, `Pod`, `deployments.apps`, `deploy.v1.apps`).
public struct ResourceTable: Sendable {
    /// Discovery order: core first, then the groups as the API server lists them. When a name
    /// matches in several groups (`events`), the first wins, as kubectl's priority mapper does.
    public let types: [ResourceType]
    private let byKey: [String: Int]
    private let byGroupKind: [String: Int]
    /// The types `type(apiVersion:kind:)` finds, by the apiVersion and kind as objects carry them:
    /// every write asks, and splitting and joining the strings cost more than the lookup.
    private let byVersionKind: [VersionKind: Int]

    private struct VersionKind: Hashable {
        var apiVersion: String
        var kind: String
    }

    public init(_ types: [ResourceType]) {
        self.types = types
        var byKey: [String: Int] = [:]
        var byGroupKind: [String: Int] = [:]
        for (index, type) in types.enumerated() {
            if byKey[type.key] == nil { byKey[type.key] = index }
            let groupKind = type.group + "/" + type.kind
            if byGroupKind[groupKind] == nil { byGroupKind[groupKind] = index }
        }
        self.byKey = byKey
        self.byGroupKind = byGroupKind
        var byVersionKind: [VersionKind: Int] = [:]
        for index in byGroupKind.values {
            byVersionKind[VersionKind(apiVersion: types[index].apiVersion, kind: types[index].kind)] = index
        }
        self.byVersionKind = byVersionKind
    }

    /// The type whose objects carry this `apiVersion` and `kind` (exact, as the API server decodes).
    public func type(apiVersion: String, kind: String) -> ResourceType? {
        if let index = byVersionKind[VersionKind(apiVersion: apiVersion, kind: kind)] { return types[index] }
        let (group, version) = Self.split(apiVersion: apiVersion)
        guard let index = byGroupKind[group + "/" + kind], types[index].version == version else { return nil }
        return types[index]
    }

    /// The type stored under `key` (`pods`, `deployments.apps`).
    public func type(key: String) -> ResourceType? {
        byKey[key].map { types[$0] }
    }

    /// What `kubectl get <argument>` means: plural, singular, short name or kind, any case,
    /// optionally qualified as `name.group` or `name.version.group`. nil: kubectl says
    /// `the server doesn't have a resource type "<argument>"`.
    public func lookup(_ argument: String) -> ResourceType? {
        let name = argument.lowercased()
        guard !name.isEmpty else { return nil }
        // `deployments.v1.apps` names a version; `deployments.apps` only a group.
        if let firstDot = name.firstIndex(of: ".") {
            let resource = String(name[..<firstDot])
            let rest = String(name[name.index(after: firstDot)...])
            if let secondDot = rest.firstIndex(of: ".") {
                let version = String(rest[..<secondDot])
                let group = String(rest[rest.index(after: secondDot)...])
                if let match = match(resource, group: group, version: version) { return match }
            }
            if let match = match(resource, group: rest, version: nil) { return match }
            // A dotted name is also tried whole (kubectl falls back the same way).
        }
        return match(name, group: nil, version: nil)
    }

    /// Short names first (kubectl's shortcut expander), then plural/singular/kind.
    private func match(_ resource: String, group: String?, version: String?) -> ResourceType? {
        func fits(_ type: ResourceType) -> Bool {
            (group == nil || type.group == group) && (version == nil || type.version == version)
        }
        if let type = types.first(where: { fits($0) && $0.shortNames.contains(resource) }) { return type }
        return types.first { fits($0) && ($0.plural == resource || $0.singular == resource || $0.kind.lowercased() == resource) }
    }

    /// The types `kubectl get <category>` expands to, e.g. `all`.
    public func category(_ name: String) -> [ResourceType] {
        types.filter { $0.categories.contains(name) }
    }

    /// `apps/v1` → ("apps", "v1"); `v1` → ("", "v1").
    public static func split(apiVersion: String) -> (group: String, version: String) {
        guard let slash = apiVersion.lastIndex(of: "/") else { return ("", apiVersion) }
        return (String(apiVersion[..<slash]), String(apiVersion[apiVersion.index(after: slash)...]))
    }
}

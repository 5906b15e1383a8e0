/// One row of `kubectl api-resources`: a REST resource the API server serves.
///
/// A class of constants, compared by value: every watch event and store call carries one, and
/// copying a struct of eleven fields (three arrays) cost more than the lookups that made it.
public final class ResourceType: Sendable, Hashable {
    /// The URL segment, e.g. `deployments`.
    public let plural: String
    /// e.g. `deployment`; discovery's `singularName`.
    public let singular: String
    public let shortNames: [String]
    /// "" for the core group.
    public let group: String
    public let version: String
    public let namespaced: Bool
    public let kind: String
    /// Sorted, as discovery lists them.
    public let verbs: [String]
    /// e.g. `all` for the kinds `kubectl get all` shows.
    public let categories: [String]
    /// Whether the API server keeps `metadata.generation` for this kind (bumped on spec changes).
    public let hasGeneration: Bool
    /// Whether a `status` subresource exists: the main resource ignores status writes and vice versa.
    public let hasStatus: Bool
    /// A key unique across the table: `pods`, `events.events.k8s.io` (kept: every watch event's
    /// resource is compared by it in every control loop).
    public let key: String

    public init(plural: String, singular: String, shortNames: [String] = [], group: String = "", version: String = "v1",
                namespaced: Bool, kind: String, verbs: [String] = ResourceType.standardVerbs, categories: [String] = [],
                hasGeneration: Bool = false, hasStatus: Bool = false) {
        self.plural = plural
        self.singular = singular
        self.shortNames = shortNames
        self.group = group
        self.version = version
        self.namespaced = namespaced
        self.kind = kind
        self.verbs = verbs
        self.categories = categories
        self.hasGeneration = hasGeneration
        self.hasStatus = hasStatus
        key = group.isEmpty ? plural : plural + "." + group
    }

    public static func == (a: ResourceType, b: ResourceType) -> Bool {
        a === b || (a.key == b.key && a.singular == b.singular && a.shortNames == b.shortNames && a.version == b.version
            && a.namespaced == b.namespaced && a.kind == b.kind && a.verbs == b.verbs && a.categories == b.categories
            && a.hasGeneration == b.hasGeneration && a.hasStatus == b.hasStatus)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(version)
        hasher.combine(kind)
    }

    /// create, delete, deletecollection, get, list, patch, update, watch.
    public static let standardVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]

    /// `v1` or `apps/v1`: the `apiVersion` of its objects and the APIVERSION column.
    public var apiVersion: String { group.isEmpty ? version : group + "/" + version }

    /// `pods`, `deployments.apps`: how API messages name the resource (`GroupResource.String()`).
    public var groupResource: String { group.isEmpty ? plural : plural + "." + group }

    /// `Pod`, `Deployment.apps`: how `Invalid` messages name the kind (`GroupKind.String()`).
    public var groupKind: String { group.isEmpty ? kind : kind + "." + group }

    /// `pod`, `daemonset.apps`: the prefix of `kubectl create`/`-o name` lines.
    public var kubectlName: String { group.isEmpty ? kind.lowercased() : kind.lowercased() + "." + group }
}

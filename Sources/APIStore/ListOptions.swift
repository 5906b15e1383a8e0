import KubeModel

/// What a list (or a `kubectl get`) asks for.
public struct ListOptions: Sendable {
    /// nil: every namespace (`-A`); ignored for cluster-scoped resources.
    public var namespace: String?
    /// All must match (`-l`).
    public var labels: [LabelRequirement]
    /// All must match (`--field-selector`); `spec.nodeName=` on pods uses the node index.
    public var fields: [FieldRequirement]

    public init(namespace: String? = nil, labels: [LabelRequirement] = [], fields: [FieldRequirement] = []) {
        self.namespace = namespace
        self.labels = labels
        self.fields = fields
    }
}

/// How a delete treats the object's dependents (`--cascade`), recorded for the garbage collector.
public enum PropagationPolicy: String, Sendable {
    case orphan = "Orphan"
    case background = "Background"
    case foreground = "Foreground"
}

/// What a delete asks for.
public struct DeleteOptions: Sendable {
    /// nil: the object's own (a pod's `terminationGracePeriodSeconds`, 30 by default).
    public var gracePeriodSeconds: Int?
    public var propagationPolicy: PropagationPolicy?
    /// Delete only if the stored object still has this uid (the kubelet's final delete does this).
    public var preconditionUID: String?
    public var preconditionResourceVersion: String?

    public init(gracePeriodSeconds: Int? = nil, propagationPolicy: PropagationPolicy? = nil,
                preconditionUID: String? = nil, preconditionResourceVersion: String? = nil) {
        self.gracePeriodSeconds = gracePeriodSeconds
        self.propagationPolicy = propagationPolicy
        self.preconditionUID = preconditionUID
        self.preconditionResourceVersion = preconditionResourceVersion
    }
}

/// What a create asks for.
public struct CreateOptions: Sendable {
    /// Keep `status` as given instead of resetting it (for building a world's initial state).
    public var keepStatus: Bool
    /// Stamp this time instead of the clock's (objects that existed before the lab began).
    public var creationTime: Int64?
    /// `--dry-run=server`: admitted and returned as it would be stored, but not stored.
    public var dryRun: Bool
    /// The store's own well-formed writes (events it records) skip decoding and validation.
    var trusted = false

    public init(keepStatus: Bool = false, creationTime: Int64? = nil, dryRun: Bool = false) {
        self.keepStatus = keepStatus
        self.creationTime = creationTime
        self.dryRun = dryRun
    }
}

/// A change the store made, in the order it made them: what controllers and `kubectl get -w` consume.
public struct WatchEvent: Sendable {
    public enum EventType: String, Sendable {
        case added = "ADDED"
        case modified = "MODIFIED"
        case deleted = "DELETED"
    }

    /// Position in the store's log (monotonic, starts at 0).
    public var sequence: Int
    public var type: EventType
    public var resource: ResourceType
    /// The object after the change (for DELETED: its last state).
    public var object: KubeObject
    /// For DELETED events: the cascade the delete asked for (nil when a finalizer completed it).
    public var propagation: PropagationPolicy?
    /// A write of the status subresource: only `status` (and the resourceVersion) changed.
    public var statusOnly = false
}

import KubeModel

/// What kubectl's verbs need from the cluster: the API (through the object store) and the
/// kubeconfig's current namespace. The clock, filesystem and streams come with the Invocation.
///
/// The Cluster module implements it over the world's APIStore; verbs see only this.
public protocol KubectlContext: AnyObject {
    /// The namespace of the current kubeconfig context (`default` unless set).
    var defaultNamespace: String { get }

    /// Objects of a resource (`pods`, `deployments.apps`), in one namespace or all (nil),
    /// in the API server's order (namespace, then name).
    func list(resource: String, namespace: String?) throws(KubectlServerError) -> [KubeObject]
    func get(resource: String, namespace: String?, name: String) throws(KubectlServerError) -> KubeObject
    /// Stores a new object and returns it as stored (uid, resourceVersion, creationTimestamp filled in).
    func create(_ object: KubeObject, dryRun: Bool) throws(KubectlServerError) -> KubeObject
    /// Replaces an object (its resourceVersion must match) and returns it as stored.
    func update(_ object: KubeObject, dryRun: Bool) throws(KubectlServerError) -> KubeObject
    func delete(resource: String, namespace: String?, name: String) throws(KubectlServerError) -> KubeObject

    /// The resource types the server serves (default: `ResourceTable.standard`).
    var resourceTable: ResourceTable { get }
    /// Objects of a type matching both selectors, in list order (default: `list(resource:)` then filtered).
    func list(_ type: ResourceType, namespace: String?, labels: LabelSelector,
              fields: FieldSelector) throws(KubectlServerError) -> [KubeObject]
    /// DELETE with kubectl delete's options; returns the object as it was (or is, while terminating).
    func delete(resource: String, namespace: String?, name: String,
                options: KubectlDeleteOptions) throws(KubectlServerError) -> KubeObject
    /// Lets the cluster run on until `condition` holds or `seconds` of simulated time pass
    /// (`wait`, `rollout status`, `get -w`); returns whether it held. Default: no time passes.
    func wait(upTo seconds: Double, until condition: () -> Bool) -> Bool
    /// Lets the cluster run on, calling `step` after each change, while anything is due within
    /// `seconds` (`get --watch`: a quiet cluster ends the watch). Default: no time passes.
    func watch(upTo seconds: Double, step: () -> Void)
}

extension KubectlContext {
    public func wait(upTo seconds: Double, until condition: () -> Bool) -> Bool { condition() }
    public func watch(upTo seconds: Double, step: () -> Void) {}
}

/// An API error as the server words it; kubectl prints `Error from server (Reason): message`.
public struct KubectlServerError: Error, Equatable, Sendable {
    /// `NotFound`, `AlreadyExists`, `Invalid`, … ("" when the status has no reason).
    public var reason: String
    public var code: Int
    public var message: String
    /// `details.kind` and `details.name` (what kubectl's Invalid text names: `The Pod "x" is invalid`).
    public var kind: String = ""
    public var name: String = ""
    /// `details.causes` as `field: detail` lines, in the server's order.
    public var causes: [String] = []

    public init(reason: String, code: Int, message: String) {
        self.reason = reason
        self.code = code
        self.message = message
    }

    public init(reason: String, code: Int, message: String, kind: String, name: String, causes: [String]) {
        self.init(reason: reason, code: code, message: message)
        self.kind = kind
        self.name = name
        self.causes = causes
    }

    /// What kubectl writes to stderr for it (cmdutil.CheckErr: Invalid statuses name the object).
    public var stderr: String {
        if reason == "Invalid", !kind.isEmpty || !name.isEmpty { return invalidText }
        return standardMessage
    }

    /// `StandardErrorMessage`: how kubectl words a status inside a list of several errors.
    public var standardMessage: String {
        if isConnectionRefused { return message + "\n" }
        return reason.isEmpty ? "Error from server: \(message)\n" : "Error from server (\(reason)): \(message)\n"
    }
}

/// What `kubectl get` and the informational verbs read (defaults keep other conformers compiling).
extension KubectlContext {
    /// The resource types the server's discovery lists (`kubectl api-resources`).
    public var resourceTable: ResourceTable { .standard }

    /// A list with selectors applied, as the API server answers `?labelSelector=&fieldSelector=`.
    public func list(_ type: ResourceType, namespace: String?, labels: LabelSelector,
                     fields: FieldSelector) throws(KubectlServerError) -> [KubeObject] {
        let all = try list(resource: type.key, namespace: type.namespaced ? namespace : nil)
        if labels.isEmpty, fields.isEmpty { return all }
        return all.filter { object in
            (labels.isEmpty || labels.matches(object.labels))
                && (fields.isEmpty || fields.matches(FieldSelector.fields(of: object.content)))
        }
    }

    /// The API server's address as the kubeconfig names it (`https://172.30.1.2:6443`): the
    /// control plane node's InternalIP.
    public var serverURL: String {
        let nodes = (try? list(resource: "nodes", namespace: nil)) ?? []
        let controlPlane = nodes.first { $0.labels["node-role.kubernetes.io/control-plane"] != nil } ?? nodes.first
        let addresses = controlPlane?.content[path: ["status", "addresses"]]?.arrayValue ?? []
        let internalIP = addresses.first { $0["type"]?.stringValue == "InternalIP" }?["address"]?.stringValue
        return "https://\(internalIP ?? "172.30.1.2"):6443"
    }
}

/// What `kubectl delete` asks of a DELETE.
public struct KubectlDeleteOptions: Sendable {
    /// `--grace-period` (nil: the object's own).
    public var gracePeriodSeconds: Int?
    /// `Background`, `Foreground` or `Orphan`.
    public var propagationPolicy: String
    /// `--dry-run=server`: checked, not done.
    public var dryRun: Bool

    public init(gracePeriodSeconds: Int? = nil, propagationPolicy: String = "Background", dryRun: Bool = false) {
        self.gracePeriodSeconds = gracePeriodSeconds
        self.propagationPolicy = propagationPolicy
        self.dryRun = dryRun
    }
}

/// The verbs' DELETE with options (default: the plain delete, options ignored).
extension KubectlContext {
    public func delete(resource: String, namespace: String?, name: String,
                       options: KubectlDeleteOptions) throws(KubectlServerError) -> KubeObject {
        if options.dryRun { return try get(resource: resource, namespace: namespace, name: name) }
        return try delete(resource: resource, namespace: namespace, name: name)
    }
}

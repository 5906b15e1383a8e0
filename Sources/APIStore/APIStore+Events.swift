import KubeModel

extension APIStore {
    /// Records a core/v1 Event about `object` the way client-go's event recorder does: a repeat of
    /// the same (source, object, type, reason, message) bumps `count` and `lastTimestamp` of the
    /// existing Event instead of creating another. Returns the Event as stored.
    @discardableResult
    public func recordEvent(regarding object: KubeObject, type: String = "Normal", reason: String, message: String,
                            component: String, host: String? = nil, fieldPath: String? = nil) -> KubeObject? {
        guard let eventType = resources.type(key: "events") else { return nil }
        let namespace = object.namespace.isEmpty ? "default" : object.namespace
        let key = EventKey(uid: object.uid, reason: reason, message: message,
                           context: [component, host ?? "", object.kind, namespace, object.name, fieldPath ?? "",
                                     object.apiVersion, type])
        let now = stamp()
        let recorder = EventSource(component: component, host: host ?? "")
        if let existingName = eventKeys[recorder]?.name(for: key), var existing = self.object(eventType, namespace: namespace, name: existingName) {
            existing.content["count"] = .int((existing.content["count"]?.intValue ?? 1) + 1)
            existing.content["lastTimestamp"] = .string(now)
            if let updated = try? update(existing) { return updated }
        }
        var involved: JSONObject = ["apiVersion": .string(object.apiVersion), "kind": .string(object.kind)]
        involved.reserveCapacity(7)
        if let fieldPath { involved["fieldPath"] = .string(fieldPath) }
        involved["name"] = .string(object.name)
        if !object.namespace.isEmpty { involved["namespace"] = .string(object.namespace) }
        if let version = object[path: ["metadata", "resourceVersion"]] { involved["resourceVersion"] = version }
        involved["uid"] = .string(object.uid)
        var source: JSONObject = ["component": .string(component)]
        if let host { source["host"] = .string(host) }
        // Event names are `<object>.<hex of the Unix nanoseconds>`; distinct even within one tick.
        lastEventNanoseconds = max(lastEventNanoseconds + 1, clock.now)
        let event: JSONValue = [
            "apiVersion": "v1", "kind": "Event",
            "metadata": ["name": .string(object.name + "." + String(UInt64(bitPattern: lastEventNanoseconds), radix: 16)),
                         "namespace": .string(namespace)],
            "involvedObject": .object(involved),
            "reason": .string(reason), "message": .string(message), "source": .object(source),
            "firstTimestamp": .string(now), "lastTimestamp": .string(now), "count": 1, "type": .string(type),
            "eventTime": nil, "reportingComponent": .string(component), "reportingInstance": .string(host ?? ""),
        ]
        var options = CreateOptions()
        options.trusted = true
        guard let created = try? create(KubeObject(event), namespace: namespace, options: options) else { return nil }
        eventKeys[recorder, default: EventCorrelatorCache()].remember(created.name, for: key)
        return created
    }
}

/// What makes two events the same event for client-go's aggregation: source, object, type,
/// reason and message. Hashed by the object's uid, the reason and the message only (the uid
/// stands for the object's kind, namespace and name); equality compares the context too.
struct EventKey: Hashable {
    let uid: String
    let reason: String
    let message: String
    /// Source, the object's other coordinates and the type (kept as parts: joining them into one
    /// string cost more than the lookup).
    let context: [String]
    /// uid, reason and message hashed once: a key meets two or three tables.
    private let fingerprint: Int

    init(uid: String, reason: String, message: String, context: [String]) {
        self.uid = uid
        self.reason = reason
        self.message = message
        self.context = context
        var hasher = Hasher()
        hasher.combine(uid)
        hasher.combine(reason)
        hasher.combine(message)
        fingerprint = hasher.finalize()
    }

    static func == (a: EventKey, b: EventKey) -> Bool {
        a.fingerprint == b.fingerprint && a.uid == b.uid && a.reason == b.reason && a.message == b.message && a.context == b.context
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprint)
    }
}

/// Whose event recorder: each component (each node's kubelet) has its own correlator.
struct EventSource: Hashable {
    var component: String
    var host: String
}

/// One recorder's correlator memory of recent events, bounded as client-go's LRU of 4,096 entries
/// (`maxLruCacheEntries`): an event not seen for that long starts a new Event. Two generations
/// approximate least-recently-used: a hit moves to the young one; when the young one is full it
/// becomes the old one and the old one is forgotten.
struct EventCorrelatorCache {
    static let capacity = 4_096
    private var young: [EventKey: String] = [:]
    private var old: [EventKey: String] = [:]

    mutating func name(for key: EventKey) -> String? {
        if let name = young[key] { return name }
        guard let name = old.removeValue(forKey: key) else { return nil }
        remember(name, for: key)
        return name
    }

    mutating func remember(_ name: String, for key: EventKey) {
        if young.count >= Self.capacity / 2, young[key] == nil {
            old = young
            // A recorder this busy fills the next generation too: its table is sized once.
            young = Dictionary(minimumCapacity: Self.capacity / 2)
        }
        young[key] = name
    }
}

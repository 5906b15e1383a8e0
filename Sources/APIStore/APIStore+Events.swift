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
        let key = EventKey(parts: [component, host ?? "", object.kind, namespace, object.name, fieldPath ?? "", object.uid,
                                   object.apiVersion, type, reason, message])
        let now = stamp()
        if let existingName = eventKeys[key], var existing = self.object(eventType, namespace: namespace, name: existingName) {
            existing.content["count"] = .int((existing.content["count"]?.intValue ?? 1) + 1)
            existing.content["lastTimestamp"] = .string(now)
            if let updated = try? update(existing) { return updated }
        }
        var involved: JSONObject = ["apiVersion": .string(object.apiVersion), "kind": .string(object.kind)]
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
        eventKeys[key] = created.name
        return created
    }
}

/// What makes two events the same event for client-go's aggregation: source, object, type,
/// reason and message (kept as parts: joining them into one string cost more than the lookup).
struct EventKey: Hashable {
    var parts: [String]
}

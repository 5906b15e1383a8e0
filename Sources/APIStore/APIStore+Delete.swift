import KubeModel

/// What a delete did.
public enum DeleteOutcome: Sendable {
    /// The object is gone; this was its last state.
    case deleted(KubeObject)
    /// The object stays, marked with a deletionTimestamp, until finalizers are removed or (pods)
    /// the kubelet confirms the containers stopped.
    case terminating(KubeObject)

    public var object: KubeObject {
        switch self {
        case .deleted(let object), .terminating(let object): object
        }
    }
}

extension APIStore {
    /// Namespaces the NamespaceLifecycle admission plugin never lets go.
    public static let immortalNamespaces: Set<String> = ["default", "kube-system", "kube-public"]

    /// Deletes an object as `DELETE` does: graceful for pods bound to a node, pending while
    /// finalizers remain, `orphan`/`foreground` cascades recorded as finalizers.
    @discardableResult
    public func delete(_ type: ResourceType, namespace: String, name: String,
                       options: DeleteOptions = DeleteOptions()) throws(APIError) -> DeleteOutcome {
        guard type.verbs.contains("delete") else { throw .methodNotAllowed(type, verb: "delete") }
        let key = ObjectKey(namespace: type.namespaced ? namespace : "", name: name)
        let bucket = bucket(for: type)
        guard var object = bucket.objects[key] else { throw .notFound(type, name: name) }
        if let uid = options.preconditionUID, uid != object.uid {
            throw .conflict(type, name: name,
                            detail: "Precondition failed: UID in precondition: \(uid), UID in object meta: \(object.uid)")
        }
        let storedVersion = object[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        if let version = options.preconditionResourceVersion, version != storedVersion {
            throw .conflict(type, name: name, detail: "Precondition failed: ResourceVersion in precondition: \(version), "
                                + "ResourceVersion in object meta: \(storedVersion)")
        }
        if type.key == "namespaces" { return try terminateNamespace(object, type: type, bucket: bucket) }

        var finalizers = (object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).compactMap(\.stringValue)
        switch options.propagationPolicy {
        case .orphan?: if !finalizers.contains("orphan") { finalizers.append("orphan") }
        case .foreground?: if !finalizers.contains("foregroundDeletion") { finalizers.append("foregroundDeletion") }
        default: break
        }
        let alreadyTerminating = object[path: ["metadata", "deletionTimestamp"]] != nil
        let grace = gracePeriod(of: object, type: type, requested: options.gracePeriodSeconds)
        if finalizers.isEmpty, grace == 0 {
            bucket.remove(key)
            object[path: ["metadata", "resourceVersion"]] = .string(nextResourceVersion())
            record(.deleted, type, object, propagation: options.propagationPolicy ?? .background)
            return .deleted(object)
        }
        // Graceful or finalized: mark, keep, and let the kubelet / the finalizers' owners finish.
        let currentGrace = object[path: ["metadata", "deletionGracePeriodSeconds"]]?.intValue
        if alreadyTerminating, let currentGrace, currentGrace <= grace,
           finalizers == (object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).compactMap(\.stringValue) {
            return .terminating(object)
        }
        object[path: ["metadata", "deletionTimestamp"]] = .string(stamp(clock.now + Int64(grace) * 1_000_000_000))
        object[path: ["metadata", "deletionGracePeriodSeconds"]] = .int(grace)
        object[path: ["metadata", "finalizers"]] = finalizers.isEmpty ? nil : .array(finalizers.map { .string($0) })
        object[path: ["metadata", "resourceVersion"]] = .string(nextResourceVersion())
        bucket.replace(object, at: key)
        record(.modified, type, object)
        return .terminating(object)
    }

    /// Pods bound to a node wait `terminationGracePeriodSeconds` (30) for the kubelet; everything
    /// else (and unbound pods) goes at once.
    private func gracePeriod(of object: KubeObject, type: ResourceType, requested: Int?) -> Int {
        guard type.key == "pods" else { return 0 }
        let bound = !(object[path: ["spec", "nodeName"]]?.stringValue ?? "").isEmpty
        guard bound else { return 0 }
        let finished = ["Succeeded", "Failed"].contains(object[path: ["status", "phase"]]?.stringValue ?? "")
        if finished { return 0 }
        let grace = requested ?? object[path: ["spec", "terminationGracePeriodSeconds"]]?.intValue ?? 30
        return max(0, grace)
    }

    /// A namespace turns `Terminating`; the namespace controller empties it and calls
    /// `finishNamespaceDeletion`.
    private func terminateNamespace(_ namespace: KubeObject, type: ResourceType, bucket: Bucket) throws(APIError) -> DeleteOutcome {
        if Self.immortalNamespaces.contains(namespace.name) {
            throw .forbidden(type, name: namespace.name, why: "this namespace may not be deleted")
        }
        if namespace[path: ["metadata", "deletionTimestamp"]] != nil { return .terminating(namespace) }
        var object = namespace
        object[path: ["metadata", "deletionTimestamp"]] = .string(stamp())
        object[path: ["metadata", "deletionGracePeriodSeconds"]] = 0
        object[path: ["status", "phase"]] = "Terminating"
        object[path: ["metadata", "resourceVersion"]] = .string(nextResourceVersion())
        bucket.replace(object, at: ObjectKey(namespace: "", name: object.name))
        record(.modified, type, object)
        return .terminating(object)
    }

    /// The namespace controller's last step: removes every object left in a terminating namespace
    /// (as DELETED events), then the namespace itself.
    public func finishNamespaceDeletion(_ name: String) {
        guard let namespaceType = resources.type(key: "namespaces"),
              let namespace = object(namespaceType, namespace: "", name: name),
              namespace[path: ["metadata", "deletionTimestamp"]] != nil else { return }
        for type in resources.types where type.namespaced {
            guard let bucket = buckets[type.key] else { continue }
            for key in bucket.keys(namespace: name) {
                guard var object = bucket.remove(key) else { continue }
                object[path: ["metadata", "resourceVersion"]] = .string(nextResourceVersion())
                record(.deleted, type, object, propagation: .background)
            }
        }
        var last = namespace
        buckets[namespaceType.key]?.remove(ObjectKey(namespace: "", name: name))
        last[path: ["metadata", "resourceVersion"]] = .string(nextResourceVersion())
        record(.deleted, namespaceType, last, propagation: .background)
    }
}

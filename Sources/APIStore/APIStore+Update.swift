import KubeModel

extension APIStore {
    /// Which part of an object an update writes.
    public enum Subresource: Sendable {
        /// The object; `status` changes are ignored for kinds with a status subresource.
        case main
        /// Only `status` (what controllers and the kubelet write).
        case status
    }

    /// Replaces an object as `PUT` does. A non-empty `metadata.resourceVersion` must be the stored
    /// one (else Conflict); an unchanged object is not written (no new resourceVersion).
    @discardableResult
    public func update(_ object: KubeObject, subresource: Subresource = .main) throws(APIError) -> KubeObject {
        guard let type = resources.type(apiVersion: object.apiVersion, kind: object.kind) else {
            throw APIError(reason: .notFound, code: 404, message: "the server could not find the requested resource")
        }
        let namespace = type.namespaced ? (object.namespace.isEmpty ? "default" : object.namespace) : ""
        let key = ObjectKey(namespace: namespace, name: object.name)
        let bucket = bucket(for: type)
        guard let old = bucket.objects[key] else { throw .notFound(type, name: object.name) }
        let sentVersion = object[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        if !sentVersion.isEmpty, sentVersion != old[path: ["metadata", "resourceVersion"]]?.stringValue {
            throw .conflict(type, name: object.name)
        }
        var updated: KubeObject
        switch subresource {
        case .status:
            updated = old
            updated.content["status"] = object.content["status"]
        case .main:
            updated = object
            updated.namespace = namespace
            if type.hasStatus { updated.content["status"] = old.content["status"] }
            try admission.admit(&updated, type: type, operation: .update, old: old)
            for field in ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"] {
                updated[path: ["metadata", field]] = old[path: ["metadata", field]]
            }
            if type.key == "daemonsets.apps", updated[path: ["spec", "template"]] != old[path: ["spec", "template"]] {
                let generation = Int(old.annotation("deprecated.daemonset.template.generation") ?? "") ?? 0
                updated.annotations["deprecated.daemonset.template.generation"] = String(generation + 1)
            }
        }
        // A status write starts from the stored object: only its status can differ.
        if subresource == .status {
            if old.content["status"] == object.content["status"] { return old }
        } else {
            updated[path: ["metadata", "resourceVersion"]] = old[path: ["metadata", "resourceVersion"]]
            if updated == old { return old }
        }
        // A status write leaves everything else as stored: only a main write can change the spec.
        if type.hasGeneration, subresource == .main, Self.specChanged(old, updated) {
            updated[path: ["metadata", "generation"]] = .int((old[path: ["metadata", "generation"]]?.intValue ?? 0) + 1)
        }
        // A terminating object whose last finalizer is gone is deleted now.
        if updated[path: ["metadata", "deletionTimestamp"]] != nil,
           (updated[path: ["metadata", "finalizers"]]?.arrayValue ?? []).isEmpty,
           type.key != "namespaces" {
            bucket.remove(key)
            updated[path: ["metadata", "resourceVersion"]] = .string(nextResourceVersion())
            record(.deleted, type, updated)
            return updated
        }
        updated[path: ["metadata", "resourceVersion"]] = .string(nextResourceVersion())
        bucket.replace(updated, at: key)
        record(.modified, type, updated, statusOnly: subresource == .status)
        return updated
    }

    /// Everything but metadata and status: what `generation` counts changes of.
    static func specChanged(_ old: KubeObject, _ new: KubeObject) -> Bool {
        let a = old.content.objectValue ?? [:]
        let b = new.content.objectValue ?? [:]
        func counted(_ key: String) -> Bool { key != "metadata" && key != "status" && key != "apiVersion" && key != "kind" }
        // The two as maps without those four members (compared in place, not copied without them).
        var compared = 0
        for (key, value) in a where counted(key) {
            guard b.member(key) == value else { return true }
            compared += 1
        }
        return b.keys.filter(counted).count != compared
    }
}

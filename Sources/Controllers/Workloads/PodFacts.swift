import APIStore
import KubeModel

/// What controllers read from a pod: phase, readiness, availability, its controller.
enum PodFacts {
    static func phase(_ pod: KubeObject) -> String { pod[path: ["status", "phase"]]?.stringValue ?? "" }

    static func isTerminating(_ object: KubeObject) -> Bool { object[path: ["metadata", "deletionTimestamp"]] != nil }

    /// `IsPodActive`: not finished and not being deleted.
    static func isActive(_ pod: KubeObject) -> Bool {
        let phase = phase(pod)
        return phase != "Succeeded" && phase != "Failed" && !isTerminating(pod)
    }

    static func nodeName(_ pod: KubeObject) -> String { pod[path: ["spec", "nodeName"]]?.stringValue ?? "" }

    /// The pod's Ready condition, if any.
    static func readyCondition(_ pod: KubeObject) -> JSONValue? {
        (pod[path: ["status", "conditions"]]?.arrayValue ?? []).first { $0["type"]?.stringValue == "Ready" }
    }

    static func isReady(_ pod: KubeObject) -> Bool { readyCondition(pod)?["status"]?.stringValue == "True" }

    static func isRunningAndReady(_ pod: KubeObject) -> Bool { phase(pod) == "Running" && isReady(pod) }

    /// When the pod turned Ready (nanoseconds), if it is.
    static func readySince(_ pod: KubeObject) -> Int64? {
        guard let condition = readyCondition(pod), condition["status"]?.stringValue == "True" else { return nil }
        return condition["lastTransitionTime"]?.stringValue.flatMap(Timestamp.parse)
    }

    /// `IsPodAvailable`: ready for at least `minReadySeconds`.
    static func isAvailable(_ pod: KubeObject, minReadySeconds: Int, now: Int64) -> Bool {
        guard isReady(pod) else { return false }
        if minReadySeconds <= 0 { return true }
        guard let since = readySince(pod) else { return false }
        return since + Int64(minReadySeconds) * 1_000_000_000 <= now
    }

    /// When a ready pod becomes available, if that is still ahead.
    static func availableAt(_ pod: KubeObject, minReadySeconds: Int, now: Int64) -> Int64? {
        guard minReadySeconds > 0, let since = readySince(pod) else { return nil }
        let due = since + Int64(minReadySeconds) * 1_000_000_000
        return due > now ? due : nil
    }

    static func restarts(_ pod: KubeObject) -> Int {
        (pod[path: ["status", "containerStatuses"]]?.arrayValue ?? []).reduce(0) { $0 + ($1["restartCount"]?.intValue ?? 0) }
    }

    static func created(_ object: KubeObject) -> Int64 {
        object[path: ["metadata", "creationTimestamp"]]?.stringValue.flatMap(Timestamp.parse) ?? 0
    }
}

/// An ownerReference with `controller: true`.
struct ControllerRef: Equatable {
    var kind: String
    var name: String
    var uid: String

    init(kind: String, name: String, uid: String) {
        self.kind = kind
        self.name = name
        self.uid = uid
    }

    /// The object's controller, if it has one.
    init?(of object: KubeObject) {
        for ref in object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? [] where ref["controller"]?.boolValue == true {
            self.init(kind: ref["kind"]?.stringValue ?? "", name: ref["name"]?.stringValue ?? "",
                      uid: ref["uid"]?.stringValue ?? "")
            return
        }
        return nil
    }

    /// The ownerReference controllers put on what they create.
    static func reference(to owner: KubeObject) -> JSONValue {
        ["apiVersion": .string(owner.apiVersion), "blockOwnerDeletion": true, "controller": true,
         "kind": .string(owner.kind), "name": .string(owner.name), "uid": .string(owner.uid)]
    }
}

extension APIStore {
    /// A resource type by its key (`pods`, `replicasets.apps`).
    func resourceType(_ key: String) -> ResourceType? { resources.type(key: key) }
}

import APIStore
import KubeModel

/// A CronJob's status as the controller edits it: `active` references, `lastScheduleTime`,
/// `lastSuccessfulTime`. Written back only when it changed.
struct CronJobStatus {
    /// An ObjectReference to a Job, in the API's field order.
    struct Reference {
        var json: JSONValue
        var uid: String { json["uid"]?.stringValue ?? "" }
        var name: String { json["name"]?.stringValue ?? "" }
        var namespace: String { json["namespace"]?.stringValue ?? "" }

        init(json: JSONValue) { self.json = json }

        init(_ job: KubeObject) {
            var reference: JSONObject = ["kind": "Job", "namespace": .string(job.namespace), "name": .string(job.name),
                                         "uid": .string(job.uid), "apiVersion": "batch/v1"]
            if let version = job[path: ["metadata", "resourceVersion"]] { reference["resourceVersion"] = version }
            json = .object(reference)
        }
    }

    var active: [Reference]
    var lastScheduleTime: Int64?
    var lastSuccessfulTime: Int64?
    private let original: JSONValue?

    init(_ cronJob: KubeObject) {
        original = cronJob.content["status"]
        active = (cronJob[path: ["status", "active"]]?.arrayValue ?? []).map(Reference.init(json:))
        lastScheduleTime = cronJob[path: ["status", "lastScheduleTime"]]?.stringValue.flatMap(Timestamp.parse)
        lastSuccessfulTime = cronJob[path: ["status", "lastSuccessfulTime"]]?.stringValue.flatMap(Timestamp.parse)
    }

    func isActive(uid: String) -> Bool { active.contains { $0.uid == uid } }

    mutating func removeActive(uid: String) { active.removeAll { $0.uid == uid } }

    /// The status object (`active` omitted when empty, as Go's omitempty does).
    var json: JSONValue {
        var object: JSONObject = [:]
        if !active.isEmpty { object["active"] = .array(active.map(\.json)) }
        if let lastScheduleTime { object["lastScheduleTime"] = .string(Timestamp.rfc3339(nanoseconds: lastScheduleTime)) }
        if let lastSuccessfulTime { object["lastSuccessfulTime"] = .string(Timestamp.rfc3339(nanoseconds: lastSuccessfulTime)) }
        return .object(object)
    }

    func write(over cronJob: KubeObject, store: APIStore) {
        let updated = json
        guard updated != (original ?? .emptyObject) else { return }
        var object = cronJob
        object.content["status"] = updated
        _ = try? store.update(object, subresource: .status)
    }
}

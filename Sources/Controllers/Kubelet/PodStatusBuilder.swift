import APIStore
import KubeModel

/// Builds a pod's `status` from its worker, as the kubelet's status manager posts it.
enum PodStatusBuilder {
    static func status(of worker: PodWorker, hostIP: String, now: Int64) -> JSONValue {
        let previous = worker.lastStatus?["conditions"]?.arrayValue ?? []
        let phase = worker.phase
        let unready = worker.containers.filter { !$0.isRunning }.map(\.name)
        let incomplete = worker.initContainers.filter { $0.exitCode != 0 }.map(\.name)
        let completed = phase == "Succeeded" || phase == "Failed"
        func notReady(_ names: [String]) -> (String, String?, String?) {
            if completed { return ("False", "PodCompleted", nil) }
            if names.isEmpty { return ("True", nil, nil) }
            return ("False", "ContainersNotReady", "containers with unready status: [\(names.joined(separator: " "))]")
        }
        let initialized: (String, String?, String?) = completed && worker.initialized ? ("True", "PodCompleted", nil)
            : incomplete.isEmpty ? ("True", nil, nil)
            : ("False", "ContainersNotInitialized", "containers with incomplete status: [\(incomplete.joined(separator: " "))]")
        let ready = notReady(unready)
        let sandbox = worker.sandboxReady && !completed ? "True" : "False"
        let conditions: [JSONValue] = [
            condition("PodReadyToStartContainers", (sandbox, nil, nil), previous: previous, at: 0, now: now),
            condition("Initialized", initialized, previous: previous, at: 1, now: now),
            condition("Ready", ready, previous: previous, at: 2, now: now),
            condition("ContainersReady", ready, previous: previous, at: 3, now: now),
            condition("PodScheduled", ("True", nil, nil), previous: previous, at: 4, now: now),
        ]
        var status: JSONObject = ["conditions": .array(conditions)]
        status.reserveCapacity(12)
        // The kubelet reports containers sorted by name.
        status["containerStatuses"] = .array(worker.containers.sorted { $0.name < $1.name }.map {
            containerStatus($0, worker: worker)
        })
        status["hostIP"] = .string(hostIP)
        status["hostIPs"] = [["ip": .string(hostIP)]]
        if !worker.initContainers.isEmpty {
            status["initContainerStatuses"] = .array(worker.initContainers.map { containerStatus($0, worker: worker) })
        }
        status["phase"] = .string(phase)
        if let ip = worker.podIP {
            status["podIP"] = .string(ip)
            status["podIPs"] = [["ip": .string(ip)]]
        }
        status["qosClass"] = .string(worker.qosClass)
        if let start = worker.startTime { status["startTime"] = .string(Timestamp.rfc3339(nanoseconds: start)) }
        return .object(status)
    }

    private static func condition(_ type: String, _ value: (status: String, reason: String?, message: String?),
                                  previous: [JSONValue], at place: Int, now: Int64) -> JSONValue {
        // Where this builder put it last time, else wherever it is (an adopted status).
        let old = place < previous.count && previous[place]["type"]?.stringValue == type
            ? previous[place] : previous.first { $0["type"]?.stringValue == type }
        // Unchanged: the same value again, so the status compares equal to the last one at once.
        if let old, case .object(let members) = old, members.count == 4 + (value.message == nil ? 0 : 1) + (value.reason == nil ? 0 : 1),
           members.member("lastProbeTime") == .null, members.member("lastTransitionTime")?.stringValue != nil,
           members.member("status")?.stringValue == value.status, members.member("reason")?.stringValue == value.reason,
           members.member("message")?.stringValue == value.message {
            return old
        }
        let since: JSONValue = old?["status"]?.stringValue == value.status
            ? (old?["lastTransitionTime"] ?? .string(Timestamp.rfc3339(nanoseconds: now)))
            : .string(Timestamp.rfc3339(nanoseconds: now))
        var condition: JSONObject = ["lastProbeTime": nil, "lastTransitionTime": since]
        condition.reserveCapacity(6)
        if let message = value.message { condition["message"] = .string(message) }
        if let reason = value.reason { condition["reason"] = .string(reason) }
        condition["status"] = .string(value.status)
        condition["type"] = .string(type)
        return .object(condition)
    }

    private static func containerStatus(_ record: ContainerRecord, worker: PodWorker) -> JSONValue {
        var status: JSONObject = [:]
        status.reserveCapacity(10)
        if let id = record.containerID { status["containerID"] = .string("containerd://" + id) }
        status["image"] = .string(record.image)
        status["imageID"] = .string(record.imageID ?? "")
        status["lastState"] = ContainerRecord.json(record.lastState)
        status["name"] = .string(record.name)
        status["ready"] = .bool(record.isInit ? record.exitCode == 0 : record.isRunning)
        status["restartCount"] = .int(record.restartCount)
        status["started"] = .bool(record.isRunning)
        status["state"] = ContainerRecord.json(record.state)
        status["volumeMounts"] = .array((worker.spec(of: record)["volumeMounts"]?.arrayValue ?? []).map { mount in
            var entry: JSONObject = ["mountPath": mount["mountPath"] ?? "", "name": mount["name"] ?? ""]
            if mount["readOnly"]?.boolValue == true {
                entry["readOnly"] = true
                entry["recursiveReadOnly"] = "Disabled"
            }
            return .object(entry)
        })
        return .object(status)
    }
}

import APIStore
import KubeModel

extension SchedulerLoop {
    /// The scheduler's name in events and its `FailedScheduling`/`Scheduled` reasons (`schedule_one.go`).
    static let name = "default-scheduler"
    /// `podMaxInUnschedulablePodsDuration`: an unschedulable pod is retried at least this often.
    static let unschedulableFlushSeconds = 300.0

    func scheduleOne(_ key: ObjectKey, _ entry: PendingPod) {
        if let type = context.store.resourceType("pods"),
           let pod = context.store.object(type, namespace: key.namespace, name: key.name),
           let why = VolumeBinding.preFilterFailure(pod.content, namespace: key.namespace, store: context.store) {
            let nodes = cache.nodeList.count
            let message = "0/\(nodes) nodes are available: \(why). preemption: 0/\(nodes) nodes are available: "
                + "\(nodes) Preemption is not helpful for scheduling."
            fail(key, entry, message: message, reason: "Unschedulable", plugins: [.volumeBinding])
            return
        }
        let decision = cache.schedule(entry.info) { [context] count in Int(context.random.next() % UInt64(count)) }
        switch decision {
        case .bind(let node):
            bind(key, entry, to: node)
        case let .unschedulable(message, plugins):
            fail(key, entry, message: message, reason: "Unschedulable", plugins: plugins)
        case .error(let message):
            fail(key, entry, message: message, reason: "SchedulerError", plugins: [])
        }
    }

    private func bind(_ key: ObjectKey, _ entry: PendingPod, to node: String) {
        let store = context.store
        guard let bound = try? store.bind(podNamespace: key.namespace, name: key.name, to: node) else {
            // Gone or bound meanwhile: the watch will tell.
            forget(key)
            return
        }
        var info = entry.info
        info.nodeName = node
        forget(key)
        cache.setBound(key, info)
        // The binding's own watch event then finds the pod counted as it is (the info read the
        // same spec and labels; the binding set only nodeName).
        boundSources[key] = (bound.content["spec"] ?? .emptyObject, bound.content["metadata"]?["labels"])
        store.recordEvent(regarding: bound, reason: "Scheduled",
                          message: "Successfully assigned \(key.namespace)/\(key.name) to \(node)", component: Self.name)
    }

    private func fail(_ key: ObjectKey, _ entry: PendingPod, message: String, reason: String, plugins: Set<FilterPlugin>) {
        var entry = entry
        entry.attempts += 1
        entry.backoffUntil = context.now + Int64(entry.backoffSeconds * 1_000_000_000)
        entry.rejectedBy = plugins
        markUnschedulable(key, entry)
        let store = context.store
        guard let type = store.resources.type(key: "pods"),
              var pod = store.object(type, namespace: key.namespace, name: key.name) else { return }
        let text = Self.truncated(message)
        store.recordEvent(regarding: pod, type: "Warning", reason: "FailedScheduling", message: text, component: Self.name)
        var conditions = pod[path: ["status", "conditions"]]?.arrayValue ?? []
        let index = conditions.firstIndex { $0["type"]?.stringValue == "PodScheduled" }
        let old = index.map { conditions[$0] }
        if old?["status"]?.stringValue == "False", old?["reason"]?.stringValue == reason,
           old?["message"]?.stringValue == text { return }
        var transition = JSONValue.string(Self.stamp(context.now))
        if old?["status"]?.stringValue == "False", let kept = old?["lastTransitionTime"] { transition = kept }
        let condition: JSONValue = ["lastProbeTime": nil, "lastTransitionTime": transition, "message": .string(text),
                                    "reason": .string(reason), "status": "False", "type": "PodScheduled"]
        if let index { conditions[index] = condition } else { conditions.append(condition) }
        pod[path: ["status", "conditions"]] = .array(conditions)
        _ = try? store.update(pod, subresource: .status)
    }

    /// Events carry at most 1024 bytes of message (`truncateMessage`).
    static func truncated(_ message: String) -> String {
        message.utf8.count <= 1024 ? message : String(decoding: message.utf8.prefix(1021), as: UTF8.self) + "..."
    }

    static func stamp(_ nanoseconds: Int64) -> String { Timestamp.rfc3339(nanoseconds: nanoseconds) }
}

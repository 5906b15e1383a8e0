import KubeModel

/// podutils.ByLogging: which of a controller's pods `kubectl logs TYPE/NAME` reads first.
enum PodLoggingOrder {
    /// The pods sorted best first (a stable sort, as Go's insertion sort is for short lists).
    static func sorted(_ pods: [KubeObject]) -> [KubeObject] {
        let indexed = pods.enumerated().map { ($0.offset, $0.element) }
        return indexed.sorted { lhs, rhs in
            if less(lhs.1, rhs.1) { return true }
            if less(rhs.1, lhs.1) { return false }
            return lhs.0 < rhs.0
        }.map(\.1)
    }

    /// `sort.Reverse(controller.ActivePods)`: the pod `kubectl exec TYPE/NAME` attaches to comes first.
    static func attachable(_ pods: [KubeObject]) -> [KubeObject] {
        let indexed = pods.enumerated().map { ($0.offset, $0.element) }
        return indexed.sorted { lhs, rhs in
            if activeLess(rhs.1, lhs.1) { return true }
            if activeLess(lhs.1, rhs.1) { return false }
            return lhs.0 < rhs.0
        }.map(\.1)
    }

    /// controller.ActivePods' Less: unassigned, pending, not ready, newer come first.
    private static func activeLess(_ a: KubeObject, _ b: KubeObject) -> Bool {
        let nodeA = a[path: ["spec", "nodeName"]]?.stringValue ?? ""
        let nodeB = b[path: ["spec", "nodeName"]]?.stringValue ?? ""
        if nodeA != nodeB, nodeA.isEmpty || nodeB.isEmpty { return nodeA.isEmpty }
        func rank(_ pod: KubeObject) -> Int {
            switch pod[path: ["status", "phase"]]?.stringValue ?? "" {
            case "Unknown": 1
            case "Running": 2
            default: 0
            }
        }
        if rank(a) != rank(b) { return rank(a) < rank(b) }
        let readyA = readyTime(a), readyB = readyTime(b)
        if (readyA != nil) != (readyB != nil) { return readyA == nil }
        if let readyA, let readyB, readyA != readyB { return afterOrZero(readyA, readyB) }
        if restarts(a) != restarts(b) { return restarts(a) > restarts(b) }
        let createdA = a[path: ["metadata", "creationTimestamp"]]?.stringValue ?? ""
        let createdB = b[path: ["metadata", "creationTimestamp"]]?.stringValue ?? ""
        if createdA != createdB { return afterOrZero(createdA, createdB) }
        return false
    }

    static func less(_ a: KubeObject, _ b: KubeObject) -> Bool {
        let nodeA = a[path: ["spec", "nodeName"]]?.stringValue ?? ""
        let nodeB = b[path: ["spec", "nodeName"]]?.stringValue ?? ""
        // 1. assigned < unassigned
        if nodeA != nodeB, nodeA.isEmpty || nodeB.isEmpty { return !nodeA.isEmpty }
        // 2. Running < Unknown < Pending (other phases count as Running: Go's map default)
        if phaseRank(a) != phaseRank(b) { return phaseRank(a) < phaseRank(b) }
        // 3. ready < not ready
        let readyA = readyTime(a), readyB = readyTime(b)
        if (readyA != nil) != (readyB != nil) { return readyA != nil }
        // 4. ready for longer < shorter < no time
        if let readyA, let readyB, readyA != readyB { return afterOrZero(readyB, readyA) }
        // 5. more restarts < fewer
        if restarts(a) != restarts(b) { return restarts(a) > restarts(b) }
        // 6. older < newer < no timestamp
        let createdA = a[path: ["metadata", "creationTimestamp"]]?.stringValue ?? ""
        let createdB = b[path: ["metadata", "creationTimestamp"]]?.stringValue ?? ""
        if createdA != createdB { return afterOrZero(createdB, createdA) }
        return false
    }

    private static func phaseRank(_ pod: KubeObject) -> Int {
        switch pod[path: ["status", "phase"]]?.stringValue ?? "" {
        case "Unknown": 1
        case "Pending": 2
        default: 0
        }
    }

    /// The Ready condition's transition time when the pod is ready ("" if it has none); nil if not ready.
    private static func readyTime(_ pod: KubeObject) -> String? {
        let conditions = pod[path: ["status", "conditions"]]?.arrayValue ?? []
        guard let ready = conditions.first(where: { $0["type"]?.stringValue == "Ready" }),
              ready["status"]?.stringValue == "True" else { return nil }
        return ready["lastTransitionTime"]?.stringValue ?? ""
    }

    private static func restarts(_ pod: KubeObject) -> Int {
        let statuses = (pod[path: ["status", "containerStatuses"]]?.arrayValue ?? [])
            + (pod[path: ["status", "initContainerStatuses"]]?.arrayValue ?? [])
        return statuses.map { $0["restartCount"]?.intValue ?? 0 }.max() ?? 0
    }

    /// RFC 3339 UTC times of one format compare as text; "" is Go's zero time.
    private static func afterOrZero(_ first: String, _ second: String) -> Bool {
        if first.isEmpty || second.isEmpty { return first.isEmpty }
        return first > second
    }
}

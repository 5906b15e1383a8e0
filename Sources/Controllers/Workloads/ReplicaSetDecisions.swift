import KubeModel

/// The ReplicaSet controller's pure decisions.
public enum ReplicaSetDecisions {
    /// How many pods to create, and which to delete, to reach `replicas` (`manageReplicas`).
    public static func plan(replicas: Int, pods: [KubeObject], now: Int64) -> (create: Int, delete: [KubeObject]) {
        let active = pods.filter(PodFacts.isActive)
        if active.count < replicas { return (replicas - active.count, []) }
        if active.count > replicas { return (0, Array(deletionOrder(active, now: now).prefix(active.count - replicas))) }
        return (0, [])
    }

    /// Pods in the order the real controller deletes them (`ActivePods` ranking): unscheduled before
    /// scheduled, Pending before Unknown before Running, not ready before ready, ready for less time,
    /// more restarts, newer.
    public static func deletionOrder(_ pods: [KubeObject], now: Int64) -> [KubeObject] {
        func phaseRank(_ pod: KubeObject) -> Int {
            switch PodFacts.phase(pod) {
            case "Pending": 0
            case "Unknown": 1
            case "Running": 2
            default: 3
            }
        }
        return pods.sorted { a, b in
            let aNode = PodFacts.nodeName(a).isEmpty, bNode = PodFacts.nodeName(b).isEmpty
            if aNode != bNode { return aNode }
            if phaseRank(a) != phaseRank(b) { return phaseRank(a) < phaseRank(b) }
            let aReady = PodFacts.isReady(a), bReady = PodFacts.isReady(b)
            if aReady != bReady { return !aReady }
            if aReady, let x = PodFacts.readySince(a), let y = PodFacts.readySince(b), x != y { return x > y }
            let aRestarts = PodFacts.restarts(a), bRestarts = PodFacts.restarts(b)
            if aRestarts != bRestarts { return aRestarts > bRestarts }
            let aCreated = PodFacts.created(a), bCreated = PodFacts.created(b)
            if aCreated != bCreated { return aCreated > bCreated }
            return a.name < b.name
        }
    }

    /// `calculateStatus`: replicas, fullyLabeledReplicas, readyReplicas, availableReplicas, observedGeneration.
    public static func status(of replicaSet: KubeObject, pods: [KubeObject], now: Int64) -> JSONValue {
        let active = pods.filter(PodFacts.isActive)
        let templateLabels = replicaSet[path: ["spec", "template", "metadata", "labels"]]?.objectValue ?? [:]
        let minReady = replicaSet[path: ["spec", "minReadySeconds"]]?.intValue ?? 0
        var fullyLabeled = 0, ready = 0, available = 0
        for pod in active {
            let labels = pod[path: ["metadata", "labels"]]?.objectValue ?? [:]
            if templateLabels.allSatisfy({ labels[$0.key] == $0.value }) { fullyLabeled += 1 }
            if PodFacts.isReady(pod) { ready += 1 }
            if PodFacts.isAvailable(pod, minReadySeconds: minReady, now: now) { available += 1 }
        }
        var status: JSONObject = [:]
        if available > 0 { status["availableReplicas"] = .int(available) }
        if let conditions = replicaSet[path: ["status", "conditions"]] { status["conditions"] = conditions }
        if fullyLabeled > 0 { status["fullyLabeledReplicas"] = .int(fullyLabeled) }
        status["observedGeneration"] = .int(replicaSet[path: ["metadata", "generation"]]?.intValue ?? 1)
        if ready > 0 { status["readyReplicas"] = .int(ready) }
        status["replicas"] = .int(active.count)
        return .object(status)
    }
}

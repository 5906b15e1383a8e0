import KubeModel

/// The Deployment controller's pure decisions (k8s `pkg/controller/deployment/util`).
public enum DeploymentDecisions {
    /// A percentage or number resolved against `total` (`GetScaledValueFromIntOrPercent`).
    static func scaled(_ value: JSONValue?, total: Int, default fallback: String, roundUp: Bool) -> Int {
        let value = value ?? .string(fallback)
        if let number = value.intValue { return number }
        guard let text = value.stringValue, text.hasSuffix("%"), let percent = Int(text.dropLast()) else { return 0 }
        let product = percent * total
        return roundUp ? (product + 99) / 100 : product / 100
    }

    /// `ResolveFenceposts`: (maxSurge, maxUnavailable) for a RollingUpdate Deployment; both 0 → unavailable 1.
    public static func fenceposts(_ deployment: KubeObject) -> (surge: Int, unavailable: Int) {
        let replicas = deployment[path: ["spec", "replicas"]]?.intValue ?? 1
        guard deployment[path: ["spec", "strategy", "type"]]?.stringValue ?? "RollingUpdate" == "RollingUpdate" else {
            return (0, 0)
        }
        let rolling = deployment[path: ["spec", "strategy", "rollingUpdate"]]
        let surge = scaled(rolling?["maxSurge"], total: replicas, default: "25%", roundUp: true)
        var unavailable = scaled(rolling?["maxUnavailable"], total: replicas, default: "25%", roundUp: false)
        if surge == 0, unavailable == 0 { unavailable = 1 }
        return (surge, min(unavailable, replicas))
    }

    static func replicas(_ object: KubeObject) -> Int { object[path: ["spec", "replicas"]]?.intValue ?? 1 }
    static func statusInt(_ object: KubeObject, _ field: String) -> Int { object[path: ["status", field]]?.intValue ?? 0 }

    /// `NewRSNewReplicas` for RollingUpdate: how far the new ReplicaSet may grow now.
    public static func newReplicaSetReplicas(deployment: KubeObject, all: [KubeObject], new: KubeObject?) -> Int {
        let wanted = replicas(deployment)
        let current = new.map(replicas) ?? 0
        if current >= wanted { return wanted }
        let total = all.reduce(0) { $0 + replicas($1) } + (new == nil ? 0 : 0)
        let maxTotal = wanted + fenceposts(deployment).surge
        if total >= maxTotal { return current }
        return current + min(maxTotal - total, wanted - current)
    }

    /// `reconcileOldReplicaSets`: the new size of each old ReplicaSet (oldest first) for a rolling update.
    public static func oldReplicaSetScales(deployment: KubeObject, old: [KubeObject], new: KubeObject?) -> [Int] {
        var sizes = old.map(replicas)
        let oldCount = sizes.reduce(0, +)
        guard oldCount > 0 else { return sizes }
        let all = oldCount + (new.map(replicas) ?? 0)
        let minAvailable = replicas(deployment) - fenceposts(deployment).unavailable
        let newUnavailable = new.map { replicas($0) - statusInt($0, "availableReplicas") } ?? 0
        var budget = all - minAvailable - newUnavailable
        guard budget > 0 else { return sizes }
        // First the old pods that are not available anyway.
        for index in sizes.indices where budget > 0 {
            let unhealthy = max(0, sizes[index] - statusInt(old[index], "availableReplicas"))
            let cut = min(unhealthy, budget)
            sizes[index] -= cut
            budget -= cut
        }
        // Then available ones, while enough stay available.
        var available = old.reduce(0) { $0 + statusInt($1, "availableReplicas") } + (new.map { statusInt($0, "availableReplicas") } ?? 0)
        var scaleDown = available - minAvailable
        for index in sizes.indices where scaleDown > 0 {
            let cut = min(sizes[index], scaleDown)
            sizes[index] -= cut
            scaleDown -= cut
            available -= cut
        }
        return sizes
    }

    /// `calculateStatus` without conditions.
    public static func counts(deployment: KubeObject, all: [KubeObject], new: KubeObject?) -> JSONObject {
        let available = all.reduce(0) { $0 + statusInt($1, "availableReplicas") }
        let total = all.reduce(0) { $0 + statusInt($1, "replicas") }
        var status: JSONObject = [:]
        if available > 0 { status["availableReplicas"] = .int(available) }
        status["observedGeneration"] = .int(deployment[path: ["metadata", "generation"]]?.intValue ?? 1)
        let ready = all.reduce(0) { $0 + statusInt($1, "readyReplicas") }
        if ready > 0 { status["readyReplicas"] = .int(ready) }
        if total > 0 { status["replicas"] = .int(total) }
        let unavailable = max(0, replicas(deployment) - available)
        if unavailable > 0 { status["unavailableReplicas"] = .int(unavailable) }
        let updated = new.map { statusInt($0, "replicas") } ?? 0
        if updated > 0 { status["updatedReplicas"] = .int(updated) }
        return status
    }

    /// `DeploymentComplete`: every replica updated and available, no old ones left.
    public static func isComplete(_ deployment: KubeObject, status: JSONObject) -> Bool {
        let wanted = replicas(deployment)
        return (status["updatedReplicas"]?.intValue ?? 0) == wanted && (status["replicas"]?.intValue ?? 0) == wanted
            && (status["availableReplicas"]?.intValue ?? 0) == wanted
            && (status["observedGeneration"]?.intValue ?? 0) >= (deployment[path: ["metadata", "generation"]]?.intValue ?? 1)
    }

    /// `DeploymentProgressing`: more updated/ready/available replicas or fewer old ones than before.
    public static func isProgressing(old: JSONValue?, new: JSONObject) -> Bool {
        func value(_ status: JSONValue?, _ key: String) -> Int { status?[key]?.intValue ?? 0 }
        let newStatus = JSONValue.object(new)
        let oldOld = value(old, "replicas") - value(old, "updatedReplicas")
        let newOld = value(newStatus, "replicas") - value(newStatus, "updatedReplicas")
        return value(newStatus, "updatedReplicas") > value(old, "updatedReplicas") || newOld < oldOld
            || value(newStatus, "readyReplicas") > value(old, "readyReplicas")
            || value(newStatus, "availableReplicas") > value(old, "availableReplicas")
    }

    /// `SetDeploymentCondition`: same status and reason → unchanged; same status → keep the transition time;
    /// the changed condition moves to the end.
    public static func setCondition(_ conditions: [JSONValue], type: String, status: String, reason: String,
                                    message: String, now: String) -> [JSONValue] {
        let current = conditions.first { $0["type"]?.stringValue == type }
        if let current, current["status"]?.stringValue == status, current["reason"]?.stringValue == reason,
           reason != "ReplicaSetUpdated" {
            return conditions
        }
        var transition = now
        if let current, current["status"]?.stringValue == status,
           let previous = current["lastTransitionTime"]?.stringValue { transition = previous }
        let condition: JSONValue = ["lastTransitionTime": .string(transition), "lastUpdateTime": .string(now),
                                    "message": .string(message), "reason": .string(reason), "status": .string(status),
                                    "type": .string(type)]
        if current == condition { return conditions }
        return conditions.filter { $0["type"]?.stringValue != type } + [condition]
    }
    /// `checkPausedConditions`: Progressing Unknown with DeploymentPaused while paused, DeploymentResumed
    /// once resumed (never over ProgressDeadlineExceeded; only with a progress deadline).
    public static func pausedConditions(_ deployment: KubeObject, _ conditions: [JSONValue], now: String) -> [JSONValue] {
        guard deployment[path: ["spec", "progressDeadlineSeconds"]]?.intValue != nil else { return conditions }
        let progressing = conditions.first { $0["type"]?.stringValue == "Progressing" }
        let reason = progressing?["reason"]?.stringValue
        if reason == "ProgressDeadlineExceeded" { return conditions }
        let paused = deployment[path: ["spec", "paused"]]?.boolValue == true
        if paused, reason != "DeploymentPaused" {
            return setCondition(conditions, type: "Progressing", status: "Unknown", reason: "DeploymentPaused",
                                message: "Deployment is paused", now: now)
        }
        if !paused, reason == "DeploymentPaused" {
            return setCondition(conditions, type: "Progressing", status: "Unknown", reason: "DeploymentResumed",
                                message: "Deployment is resumed", now: now)
        }
        return conditions
    }

    /// Annotations the controller never copies from a Deployment to its ReplicaSets (`skipCopyAnnotation`).
    static let uncopiedAnnotations: Set<String> = [
        "kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision",
        "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas",
        "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to",
    ]

    /// `SetNewReplicaSetAnnotations` for an existing new ReplicaSet: the Deployment's annotations copied
    /// (added or changed, never removed), the revision raised to `revision` when lower, the replaced
    /// number appended to `revision-history`.
    public static func newReplicaSetAnnotations(_ replicaSet: KubeObject, deployment: KubeObject, revision: Int) -> KubeObject {
        var updated = replicaSet
        for (key, value) in deployment.annotations.sorted(by: { $0.key < $1.key })
        where !uncopiedAnnotations.contains(key) && updated.annotations[key] != value {
            updated.annotations[key] = value
        }
        let revisionKey = "deployment.kubernetes.io/revision", historyKey = "deployment.kubernetes.io/revision-history"
        let oldText = updated.annotations[revisionKey]
        let old = oldText.flatMap { Int($0) } ?? 0
        if old < revision {
            updated.annotations[revisionKey] = String(revision)
            if let oldText {
                let history = updated.annotations[historyKey] ?? ""
                updated.annotations[historyKey] = history.isEmpty ? oldText : history + "," + oldText
            }
        }
        return updated
    }
}

import KubeModel

/// The StatefulSet controller's pure decisions (k8s `stateful_set_control.go` `updateStatefulSet`,
/// `processReplica`, `processCondemned`; `stateful_set_utils.go` `newVersionedStatefulSetPod`).
public enum StatefulSetDecisions {
    /// What one sync does.
    public enum Step: Equatable {
        case create(ordinal: Int)
        case delete(name: String)
    }

    /// The ordinal in a pod name `<set>-<ordinal>`, if the pod belongs to the set by name.
    public static func ordinal(of podName: String, set: String) -> Int? {
        guard podName.hasPrefix(set + "-"), let value = Int(podName.dropFirst(set.count + 1)), value >= 0 else { return nil }
        return String(value) == String(podName.dropFirst(set.count + 1)) ? value : nil
    }

    /// Whether a pod created now for `ordinal` takes the current revision rather than the update
    /// revision: under RollingUpdate, ordinals below the partition stay at the current revision.
    public static func takesCurrentRevision(ordinal: Int, start: Int = 0, onDelete: Bool, partition: Int) -> Bool {
        !onDelete && ordinal < start + partition
    }

    /// Creations and deletions for this round. OrderedReady (monotonic) stops at the first pod it
    /// creates, deletes or waits for (not Running and Ready, or not yet available); Parallel goes on.
    /// Then the pods beyond the replicas go, highest ordinal first; then (RollingUpdate only) the
    /// highest-ordinal pod at or above the partition not at `updateRevision` is deleted, one at a
    /// time, each waiting for the ones above it to be available again. `maxUnavailable` is not
    /// read: the MaxUnavailableStatefulSet feature gate is off in v1.32.
    public static func plan(replicas: Int, start: Int = 0, pods: [Int: KubeObject], parallel: Bool,
                            updateRevision: String, partition: Int = 0, onDelete: Bool = false,
                            minReadySeconds: Int = 0, now: Int64 = 0) -> [Step] {
        var steps: [Step] = []
        let monotonic = !parallel
        let wanted = start..<(start + max(0, replicas))
        func available(_ pod: KubeObject) -> Bool {
            PodFacts.isRunningAndReady(pod) && PodFacts.isAvailable(pod, minReadySeconds: minReadySeconds, now: now)
        }
        func unavailable(_ pod: KubeObject?) -> Bool {
            guard let pod else { return true }
            return PodFacts.isTerminating(pod) || !available(pod)
        }
        for ordinal in wanted {
            guard let pod = pods[ordinal] else {
                steps.append(.create(ordinal: ordinal))
                if monotonic { return steps }
                continue
            }
            let phase = PodFacts.phase(pod)
            if phase == "Failed" || phase == "Succeeded" {
                // Recreated on a later sync, once the old one is gone.
                if !PodFacts.isTerminating(pod) { steps.append(.delete(name: pod.name)) }
                if monotonic { return steps }
                continue
            }
            if monotonic, PodFacts.isTerminating(pod) || !PodFacts.isRunningAndReady(pod) || !available(pod) { return steps }
        }
        let condemned = pods.keys.filter { !wanted.contains($0) }.sorted(by: >)
        let firstUnhealthy = wanted.first { unavailable(pods[$0]) }.flatMap { pods[$0]?.name }
            ?? condemned.reversed().first { unavailable(pods[$0]) }.flatMap { pods[$0]?.name }
        for ordinal in condemned {
            guard let pod = pods[ordinal] else { continue }
            if PodFacts.isTerminating(pod) {
                if monotonic { return steps }
                continue
            }
            if monotonic, !available(pod), pod.name != firstUnhealthy { return steps }
            steps.append(.delete(name: pod.name))
            if monotonic { return steps }
        }
        if onDelete { return steps }
        for ordinal in wanted.reversed() where ordinal >= start + partition {
            guard let pod = pods[ordinal] else { return steps }
            if pod.label("controller-revision-hash") != updateRevision, !PodFacts.isTerminating(pod) {
                steps.append(.delete(name: pod.name))
                return steps
            }
            if unavailable(pod) { return steps }
        }
        return steps
    }
}

import KubeModel

/// The StatefulSet controller's pure decisions (k8s `stateful_set_control.go`).
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

    /// Creations and deletions for this round: OrderedReady waits for each lower pod to be Running
    /// and Ready and scales down from the highest ordinal one at a time; Parallel does all at once.
    /// Outdated pods (not of `updateRevision`) are replaced from the highest ordinal, one at a time.
    public static func plan(replicas: Int, start: Int = 0, pods: [Int: KubeObject], parallel: Bool,
                            updateRevision: String, partition: Int = 0) -> [Step] {
        var steps: [Step] = []
        let wanted = start..<(start + max(0, replicas))
        // Failed pods are deleted to be recreated.
        for (ordinal, pod) in pods.sorted(by: { $0.key < $1.key }) where PodFacts.phase(pod) == "Failed" && !PodFacts.isTerminating(pod) {
            steps.append(.delete(name: pod.name))
            if !parallel { return steps }
            _ = ordinal
        }
        for ordinal in wanted {
            guard let pod = pods[ordinal] else {
                steps.append(.create(ordinal: ordinal))
                if !parallel { return steps }
                continue
            }
            if !parallel, !PodFacts.isRunningAndReady(pod) || PodFacts.isTerminating(pod) { return steps }
        }
        let condemned = pods.keys.filter { !wanted.contains($0) }.sorted(by: >)
        for ordinal in condemned {
            guard let pod = pods[ordinal] else { continue }
            if PodFacts.isTerminating(pod) {
                if !parallel { return steps }
                continue
            }
            steps.append(.delete(name: pod.name))
            if !parallel { return steps }
        }
        if !condemned.isEmpty { return steps }
        // Rolling update, highest ordinal first, only when everything is healthy.
        guard wanted.allSatisfy({ pods[$0].map(PodFacts.isRunningAndReady) ?? false }) else { return steps }
        for ordinal in wanted.reversed() where ordinal >= partition {
            guard let pod = pods[ordinal], pod.label("controller-revision-hash") != updateRevision else { continue }
            steps.append(.delete(name: pod.name))
            return steps
        }
        return steps
    }
}

import APIStore
import KubeModel

/// The Job controller: runs pods `<job>-<5>` until `completions` succeed or `backoffLimit` failures.
final class JobController: OwnerLoop {
    static let source = "job-controller"

    init(store: APIStore) {
        super.init(store: store, owner: "jobs.batch", kind: "Job", child: "pods")
    }

    /// How many pods to start now (`parallelism` bounded by what is left to complete).
    static func podsToStart(completions: Int?, parallelism: Int, succeeded: Int, active: Int) -> Int {
        let wanted: Int
        if let completions { wanted = min(parallelism, max(0, completions - succeeded)) } else {
            wanted = succeeded > 0 ? 0 : parallelism
        }
        return max(0, wanted - active)
    }

    override func sync(owner job: KubeObject, _ context: ControllerContext) {
        guard !PodFacts.isTerminating(job) else { return }
        let conditions = job[path: ["status", "conditions"]]?.arrayValue ?? []
        let finished = conditions.contains {
            ["Complete", "Failed"].contains($0["type"]?.stringValue ?? "") && $0["status"]?.stringValue == "True"
        }
        let pods = childObjects(of: job)
        let active = pods.filter(PodFacts.isActive)
        let succeeded = max(pods.filter { PodFacts.phase($0) == "Succeeded" }.count, job[path: ["status", "succeeded"]]?.intValue ?? 0)
        let failed = max(pods.filter { PodFacts.phase($0) == "Failed" }.count, job[path: ["status", "failed"]]?.intValue ?? 0)
        let completions = job[path: ["spec", "completions"]]?.intValue
        let parallelism = job[path: ["spec", "parallelism"]]?.intValue ?? 1
        let backoffLimit = job[path: ["spec", "backoffLimit"]]?.intValue ?? 6
        let now = Timestamp.rfc3339(nanoseconds: context.now)
        var status = job.content["status"]?.objectValue ?? [:]
        if status["startTime"] == nil { status["startTime"] = .string(now) }
        var newConditions = conditions
        let suspended = job[path: ["spec", "suspend"]]?.boolValue == true
        if !finished, !suspended {
            if failed > backoffLimit {
                for pod in active { PodMaker.delete(pod, owner: job, source: Self.source, store: store) }
                newConditions += Self.conditions(["FailureTarget", "Failed"], reason: "BackoffLimitExceeded",
                                                 message: "Job has reached the specified backoff limit", now: now)
                store.recordEvent(regarding: job, type: "Warning", reason: "BackoffLimitExceeded",
                                  message: "Job has reached the specified backoff limit", component: Self.source)
            } else if succeeded >= (completions ?? 1), active.isEmpty || completions != nil {
                for pod in active { PodMaker.delete(pod, owner: job, source: Self.source, store: store) }
                newConditions += Self.conditions(["SuccessCriteriaMet", "Complete"], reason: "CompletionsReached",
                                                 message: "Reached expected number of succeeded pods", now: now)
                status["completionTime"] = .string(now)
                store.recordEvent(regarding: job, reason: "Completed", message: "Job completed", component: Self.source)
            } else {
                let count = Self.podsToStart(completions: completions, parallelism: parallelism, succeeded: succeeded,
                                             active: active.count)
                for _ in 0..<min(count, burst) {
                    PodMaker.create(from: job, template: job[path: ["spec", "template"]], generateName: job.name + "-",
                                    extraLabels: ["batch.kubernetes.io/controller-uid": job.uid, "batch.kubernetes.io/job-name": job.name,
                                                  "controller-uid": job.uid, "job-name": job.name],
                                    source: Self.source, store: store)
                }
            }
        }
        let stillActive = finished || !newConditions.isEmpty && newConditions.count != conditions.count ? 0 : active.count
        status["active"] = stillActive > 0 ? .int(stillActive) : nil
        if !newConditions.isEmpty { status["conditions"] = .array(newConditions) }
        status["failed"] = failed > 0 ? .int(failed) : nil
        status["ready"] = .int(active.filter(PodFacts.isReady).count)
        status["succeeded"] = succeeded > 0 ? .int(succeeded) : nil
        status["terminating"] = .int(pods.filter(PodFacts.isTerminating).count)
        status["uncountedTerminatedPods"] = .emptyObject
        let ordered = JSONObject(status.sorted { $0.key < $1.key }, uniquingKeysWith: { a, _ in a })
        guard job.content["status"] != .object(ordered) else { return }
        var updated = job
        updated.content["status"] = .object(ordered)
        _ = try? store.update(updated, subresource: .status)
    }

    private static func conditions(_ types: [String], reason: String, message: String, now: String) -> [JSONValue] {
        types.map { ["lastProbeTime": .string(now), "lastTransitionTime": .string(now), "message": .string(message),
                     "reason": .string(reason), "status": "True", "type": .string($0)] }
    }
}

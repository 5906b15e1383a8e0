import APIStore
import KubeModel

/// What the controller reads from a CronJob's spec.
enum CronJobSpec {
    static func schedule(_ cronJob: KubeObject) -> String { cronJob[path: ["spec", "schedule"]]?.stringValue ?? "" }

    static func timeZoneName(_ cronJob: KubeObject) -> String? { cronJob[path: ["spec", "timeZone"]]?.stringValue }

    /// `spec.timeZone` loaded; nil when it is set but unknown. UTC when unset.
    static func zone(of cronJob: KubeObject) -> CronTimeZone? {
        guard let name = timeZoneName(cronJob) else { return .utc }
        return try? CronTimeZone.load(name).get()
    }

    /// `formatSchedule`: `TZ=<zone> <schedule>` when a known `spec.timeZone` is set.
    static func formatSchedule(_ cronJob: KubeObject, zoneKnown: Bool) -> String {
        let schedule = schedule(cronJob)
        if schedule.contains("TZ") { return schedule }
        if let name = timeZoneName(cronJob), zoneKnown { return "TZ=\(name) \(schedule)" }
        return schedule
    }

    static func isSuspended(_ cronJob: KubeObject) -> Bool { cronJob[path: ["spec", "suspend"]]?.boolValue == true }

    static func concurrencyPolicy(_ cronJob: KubeObject) -> String {
        cronJob[path: ["spec", "concurrencyPolicy"]]?.stringValue ?? "Allow"
    }

    static func startingDeadlineSeconds(_ cronJob: KubeObject) -> Int64? {
        cronJob[path: ["spec", "startingDeadlineSeconds"]]?.intValue.map(Int64.init)
    }

    static func successfulJobsHistoryLimit(_ cronJob: KubeObject) -> Int? {
        cronJob[path: ["spec", "successfulJobsHistoryLimit"]]?.intValue
    }

    static func failedJobsHistoryLimit(_ cronJob: KubeObject) -> Int? {
        cronJob[path: ["spec", "failedJobsHistoryLimit"]]?.intValue
    }

    /// `getJobFromTemplate2`: the Job for `scheduled`, owned by the CronJob, with the template's
    /// labels and annotations plus `batch.kubernetes.io/cronjob-scheduled-timestamp`.
    static func job(for cronJob: KubeObject, scheduled: Int64, zone: CronTimeZone) -> KubeObject {
        let template = cronJob[path: ["spec", "jobTemplate"]]
        var metadata: JSONObject = ["name": .string(CronJobTimes.jobName(cronJob.name, scheduled: scheduled)),
                                    "namespace": .string(cronJob.namespace)]
        if let labels = template?[path: ["metadata", "labels"]]?.objectValue, !labels.isEmpty {
            metadata["labels"] = .object(labels)
        }
        var annotations = template?[path: ["metadata", "annotations"]]?.objectValue ?? [:]
        annotations["batch.kubernetes.io/cronjob-scheduled-timestamp"] =
            .string(zone.rfc3339(CivilTime.floorDiv(scheduled, 1_000_000_000)))
        metadata["annotations"] = .object(annotations)
        metadata["ownerReferences"] = [ControllerRef.reference(to: cronJob)]
        return KubeObject(["apiVersion": "batch/v1", "kind": "Job", "metadata": .object(metadata),
                           "spec": template?["spec"] ?? .emptyObject])
    }
}

/// What a Job's status says to its CronJob.
enum JobFacts {
    /// `FinishedCondition`: the type of a true Complete or Failed condition.
    static func finished(_ job: KubeObject) -> String? {
        for condition in job[path: ["status", "conditions"]]?.arrayValue ?? [] {
            let type = condition["type"]?.stringValue ?? ""
            if type == "Complete" || type == "Failed", condition["status"]?.stringValue == "True" { return type }
        }
        return nil
    }

    static func startTime(_ job: KubeObject) -> Int64? {
        job[path: ["status", "startTime"]]?.stringValue.flatMap(Timestamp.parse)
    }

    static func completionTime(_ job: KubeObject) -> Int64? {
        job[path: ["status", "completionTime"]]?.stringValue.flatMap(Timestamp.parse)
    }

    /// `byJobStartTime`: started before not started, then by start time, then by name.
    static func startedEarlier(_ a: KubeObject, _ b: KubeObject) -> Bool {
        guard let bStart = startTime(b) else { return startTime(a) != nil }
        guard let aStart = startTime(a) else { return false }
        return aStart == bStart ? a.name < b.name : aStart < bStart
    }
}

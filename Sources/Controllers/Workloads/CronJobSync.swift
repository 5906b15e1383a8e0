import APIStore
import KubeModel

/// One CronJob's reconcile (`sync`: cleanupFinishedJobs then syncCronJob), writing status once.
struct CronJobSync {
    let controller: CronJobController
    let cronJob: KubeObject
    let jobs: [KubeObject]
    let context: ControllerContext
    var status: CronJobStatus

    init(controller: CronJobController, cronJob: KubeObject, jobs: [KubeObject], context: ControllerContext) {
        self.controller = controller
        self.cronJob = cronJob
        self.jobs = jobs
        self.context = context
        status = CronJobStatus(cronJob)
    }

    var store: APIStore { controller.store }

    func event(_ reason: String, _ message: String, warning: Bool = false) {
        store.recordEvent(regarding: cronJob, type: warning ? "Warning" : "Normal", reason: reason, message: message,
                          component: CronJobController.source)
    }

    mutating func run() {
        cleanupFinishedJobs()
        syncCronJob()
        status.write(over: cronJob, store: store)
    }

    /// `cleanupFinishedJobs`: the oldest finished Jobs past each history limit go.
    private mutating func cleanupFinishedJobs() {
        let successLimit = CronJobSpec.successfulJobsHistoryLimit(cronJob)
        let failedLimit = CronJobSpec.failedJobsHistoryLimit(cronJob)
        guard successLimit != nil || failedLimit != nil else { return }
        let succeeded = jobs.filter { JobFacts.finished($0) == "Complete" }
        let failed = jobs.filter { JobFacts.finished($0) == "Failed" }
        if let successLimit { removeOldest(succeeded, keeping: successLimit) }
        if let failedLimit { removeOldest(failed, keeping: failedLimit) }
    }

    private mutating func removeOldest(_ jobs: [KubeObject], keeping limit: Int) {
        let count = jobs.count - limit
        guard count > 0 else { return }
        for job in jobs.sorted(by: JobFacts.startedEarlier).prefix(count) { _ = deleteJob(job) }
    }

    /// `deleteJob`: the Job (its pods follow through the garbage collector) and its active entry.
    private mutating func deleteJob(_ job: KubeObject) -> Bool {
        guard let type = store.resourceType("jobs.batch") else { return false }
        do {
            try store.delete(type, namespace: job.namespace, name: job.name,
                             options: DeleteOptions(propagationPolicy: .background))
        } catch {
            event("FailedDelete", "Deleted job: \(error.message)", warning: true)
            return false
        }
        status.removeActive(uid: job.uid)
        event("SuccessfulDelete", "Deleted job \(job.name)")
        return true
    }

    /// `syncCronJob`: reconcile the active list, then start the Job that is due, if any.
    private mutating func syncCronJob() {
        let now = context.now
        var children: Set<String> = []
        for job in jobs {
            children.insert(job.uid)
            let found = status.isActive(uid: job.uid)
            let finished = JobFacts.finished(job)
            if !found, finished == nil {
                event("UnexpectedJob", "Saw a job that the controller did not create or forgot: \(job.name)", warning: true)
            } else if found, let finished {
                status.removeActive(uid: job.uid)
                event("SawCompletedJob", "Saw completed job: \(job.name), condition: \(finished)")
            } else if finished == "Complete", let completed = JobFacts.completionTime(job) {
                if status.lastSuccessfulTime.map({ completed > $0 }) ?? true { status.lastSuccessfulTime = completed }
            }
        }
        if let jobType = store.resourceType("jobs.batch") {
            for reference in status.active where !children.contains(reference.uid) {
                // Not ours by the index: ask the store, as the controller asks the API server.
                guard store.object(jobType, namespace: reference.namespace, name: reference.name) == nil else { continue }
                event("MissingJob", "Active job went missing: \(reference.name)")
                status.removeActive(uid: reference.uid)
            }
        }
        if PodFacts.isTerminating(cronJob) { return }
        guard let zone = CronJobSpec.zone(of: cronJob) else {
            let name = CronJobSpec.timeZoneName(cronJob) ?? ""
            event("UnknownTimeZone", "invalid timeZone: \"\(GoQuote.string(name))\": unknown time zone \(name)", warning: true)
            return
        }
        if CronJobSpec.isSuspended(cronJob) { return }
        let schedule = CronJobSpec.schedule(cronJob)
        if schedule.contains("TZ") {
            event("UnsupportedSchedule", "CRON_TZ or TZ used in schedule \"\(GoQuote.string(schedule))\" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details",
                  warning: true)
        }
        let expression: CronExpression
        switch CronExpression.parse(CronJobSpec.formatSchedule(cronJob, zoneKnown: true)) {
        case .success(let parsed): expression = parsed
        case .failure(let error):
            event("UnparseableSchedule", "unparseable schedule: \"\(GoQuote.string(schedule))\" : \(error.message)", warning: true)
            return
        }
        let created = PodFacts.created(cronJob)
        let recent = CronJobTimes.mostRecent(expression, zone: .utc, lastSchedule: status.lastScheduleTime, created: created,
                                             now: now, deadlineSeconds: CronJobSpec.startingDeadlineSeconds(cronJob))
        func requeue() {
            if let time = CronJobTimes.wakeUp(expression, zone: .utc, lastSchedule: status.lastScheduleTime, created: created,
                                              now: now) {
                controller.wake(cronJob, at: time, context)
            }
        }
        guard let scheduled = recent.mostRecent, scheduled <= now else {
            if let error = recent.error {
                event("InvalidSchedule", "invalid schedule: \(schedule) : \(error)", warning: true)
                return
            }
            return requeue()
        }
        if recent.missed == .many {
            event("TooManyMissedTimes", "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew",
                  warning: true)
        }
        if let deadline = CronJobSpec.startingDeadlineSeconds(cronJob), scheduled + deadline * 1_000_000_000 < now {
            event("MissSchedule", "Missed scheduled time to start a job: \(CronJobTimes.rfc1123Z(scheduled))", warning: true)
            return requeue()
        }
        let jobName = CronJobTimes.jobName(cronJob.name, scheduled: scheduled)
        if status.active.contains(where: { $0.name == jobName && $0.namespace == cronJob.namespace })
            || status.lastScheduleTime == scheduled {
            return requeue()
        }
        let policy = CronJobSpec.concurrencyPolicy(cronJob)
        if policy == "Forbid", !status.active.isEmpty {
            event("JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid")
            return requeue()
        }
        if policy == "Replace", !replaceActiveJobs() { return }
        guard let job = createJob(scheduled: scheduled, zone: zone) else { return }
        status.active.append(CronJobStatus.Reference(job))
        status.lastScheduleTime = scheduled
        requeue()
    }

    /// Replace: every active Job is deleted before the new one starts.
    private mutating func replaceActiveJobs() -> Bool {
        guard let jobType = store.resourceType("jobs.batch") else { return false }
        for reference in status.active {
            guard let job = store.object(jobType, namespace: reference.namespace, name: reference.name) else {
                event("FailedGet", "Get job: jobs.batch \"\(reference.name)\" not found", warning: true)
                return false
            }
            if !deleteJob(job) { return false }
        }
        return true
    }

    /// Creates the Job; an existing one of ours not yet in the active list is taken as created.
    private func createJob(scheduled: Int64, zone: CronTimeZone) -> KubeObject? {
        let request = CronJobSpec.job(for: cronJob, scheduled: scheduled, zone: zone)
        do {
            let job = try store.create(request, namespace: cronJob.namespace)
            event("SuccessfulCreate", "Created job \(job.name)")
            return job
        } catch where error.reason == .alreadyExists {
            guard let jobType = store.resourceType("jobs.batch"),
                  let job = store.object(jobType, namespace: cronJob.namespace, name: request.name),
                  ControllerRef(of: job)?.uid == cronJob.uid, !status.isActive(uid: job.uid) else { return nil }
            return job
        } catch {
            event("FailedCreate", "Error creating job: \(error.message)", warning: true)
            return nil
        }
    }
}

/// Go's `%q` for the plain strings these messages quote (backslash and quote escaped).
enum GoQuote {
    static func string(_ text: String) -> String {
        text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
    }
}

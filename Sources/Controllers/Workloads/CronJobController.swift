import APIStore
import KubeModel

/// The CronJob controller (cronjob_controllerv2.go, v1.32): creates `<name>-<minutes>` Jobs at
/// the schedule's times, tracks them in `status.active`, prunes finished ones past the history
/// limits. Incremental: each CronJob gets one timeline wake-up at its next activation; nothing
/// scans all CronJobs.
final class CronJobController: OwnerLoop {
    static let source = "cronjob-controller"

    /// CronJob key → its pending wake-up (the delaying queue keeps the earliest per key).
    private var wakeUps: [ObjectKey: (time: Int64, ticket: Int)] = [:]
    /// CronJob key → schedule and time zone last seen, to notice a schedule change.
    private var schedules: [ObjectKey: String] = [:]
    /// CronJobs whose schedule changed: requeued for their next time instead of synced now.
    private var rescheduled: Set<ObjectKey> = []

    init(store: APIStore) {
        super.init(store: store, owner: "cronjobs.batch", kind: "CronJob", child: "jobs.batch")
        if let type = store.resourceType("cronjobs.batch") {
            for cronJob in store.list(type) { schedules[Self.key(cronJob)] = Self.scheduleKey(cronJob) }
        }
    }

    static func key(_ object: KubeObject) -> ObjectKey { ObjectKey(namespace: object.namespace, name: object.name) }

    static func scheduleKey(_ cronJob: KubeObject) -> String {
        (cronJob[path: ["spec", "schedule"]]?.stringValue ?? "") + "\u{0}"
            + (cronJob[path: ["spec", "timeZone"]]?.stringValue ?? "\u{0}")
    }

    override var hasPendingWork: Bool { super.hasPendingWork || !rescheduled.isEmpty }

    /// `updateCronJob`: a changed schedule waits for its next time; any other change syncs now.
    override func observe(_ event: WatchEvent) {
        guard event.resource.key == ownerResource else { return super.observe(event) }
        let key = Self.key(event.object)
        switch event.type {
        case .deleted:
            schedules[key] = nil
            rescheduled.remove(key)
            super.observe(event)
        case .added:
            schedules[key] = Self.scheduleKey(event.object)
            super.observe(event)
        case .modified:
            let now = Self.scheduleKey(event.object)
            let before = schedules.updateValue(now, forKey: key)
            guard let before, before != now else { return super.observe(event) }
            let wasDirty = dirty.contains(key)
            super.observe(event)
            if !wasDirty { dirty.remove(key) }
            rescheduled.insert(key)
        }
    }

    override func sync(_ context: ControllerContext) {
        let keys = rescheduled.sorted()
        rescheduled = []
        if let type = store.resourceType(ownerResource) {
            for key in keys {
                guard let cronJob = store.object(type, namespace: key.namespace, name: key.name) else { continue }
                requeueForNewSchedule(cronJob, context)
            }
        }
        super.sync(context)
    }

    private func requeueForNewSchedule(_ cronJob: KubeObject, _ context: ControllerContext) {
        let zone = CronJobSpec.zone(of: cronJob)
        switch CronExpression.parse(CronJobSpec.formatSchedule(cronJob, zoneKnown: zone != nil)) {
        case .failure:
            store.recordEvent(regarding: cronJob, type: "Warning", reason: "UnParseableCronJobSchedule",
                              message: "unparseable schedule for cronjob: \(CronJobSpec.schedule(cronJob))", component: Self.source)
        case .success(let expression):
            let status = CronJobStatus(cronJob)
            if let time = CronJobTimes.wakeUp(expression, zone: .utc, lastSchedule: status.lastScheduleTime,
                                              created: PodFacts.created(cronJob), now: context.now) {
                wake(cronJob, at: time, context)
            }
        }
    }

    /// Syncs `cronJob` at `time` unless a wake-up at or before it is pending.
    func wake(_ cronJob: KubeObject, at time: Int64, _ context: ControllerContext) {
        let key = Self.key(cronJob)
        // Never at this instant again: a sync that wants "now" waits a second instead of spinning.
        let time = time > context.now ? time : context.now + 1_000_000_000
        if let pending = wakeUps[key] {
            if pending.time <= time { return }
            context.timeline.cancel(pending.ticket)
        }
        let ticket = context.timeline.schedule(at: time) { [weak self] in
            self?.wakeUps[key] = nil
            self?.dirty.insert(key)
        }
        wakeUps[key] = (time, ticket)
    }

    override func sync(owner cronJob: KubeObject, _ context: ControllerContext) {
        var sync = CronJobSync(controller: self, cronJob: cronJob, jobs: childObjects(of: cronJob), context: context)
        sync.run()
    }
}

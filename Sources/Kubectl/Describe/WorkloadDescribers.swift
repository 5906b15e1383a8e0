import KubeModel

/// Describers of the apps/v1 and batch/v1 workloads.
enum WorkloadDescribers {
    static func deployment(_ object: KubeObject, _ session: DescribeSession) -> String {
        let d = DValue(object.content)
        let spec = d["spec"], status = d["status"]
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        w.write(0, "CreationTimestamp:\t\(DescribeTime.rfc1123z(d["metadata", "creationTimestamp"].string))\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        w.write(0, "Selector:\t\(DescribeFormat.selector(spec["selector"]))\n")
        w.write(0, "Replicas:\t\(spec["replicas"].int) desired | \(status["updatedReplicas"].int) updated | \(status["replicas"].int) total | \(status["availableReplicas"].int) available | \(status["unavailableReplicas"].int) unavailable\n")
        w.write(0, "StrategyType:\t\(spec["strategy", "type"].string)\n")
        w.write(0, "MinReadySeconds:\t\(spec["minReadySeconds"].int)\n")
        let rolling = spec["strategy", "rollingUpdate"]
        if rolling.exists {
            w.write(0, "RollingUpdateStrategy:\t\(rolling["maxUnavailable"].text) max unavailable, \(rolling["maxSurge"].text) max surge\n")
        }
        PodDescriber.template(spec["template"], w)
        conditions(status["conditions"].array, w)
        let (old, new) = replicaSets(of: object, session)
        if !old.isEmpty || !new.isEmpty {
            w.write(0, "OldReplicaSets:\t\(replicaSetList(old))\n")
            w.write(0, "NewReplicaSet:\t\(replicaSetList(new))\n")
        }
        session.writeEvents(session.events(of: object), w)
        return w.text
    }

    /// `Conditions:` of a Deployment, ReplicaSet or ReplicationController (`Type Status Reason`).
    private static func conditions(_ conditions: [DValue], _ w: DescribeWriter) {
        guard !conditions.isEmpty else { return }
        w.write(0, "Conditions:\n  Type\tStatus\tReason\n")
        w.write(1, "----\t------\t------\n")
        for c in conditions { w.write(1, "\(c["type"].string) \t\(c["status"].string)\t\(c["reason"].string)\n") }
    }

    /// `deploymentutil.GetAllReplicaSets`: the deployment's ReplicaSets, split into the old ones and
    /// the one whose template equals the deployment's (pod-template-hash aside).
    static func replicaSets(of deployment: KubeObject, _ session: DescribeSession) -> (old: [DValue], new: [DValue]) {
        let owned = session.list("replicasets.apps", namespace: deployment.namespace).map { DValue($0.content) }
            .filter { DescribeSession.controllerUID(of: $0) == deployment.uid }
        let target = withoutHash(deployment[path: ["spec", "template"]])
        var old: [DValue] = [], new: [DValue] = []
        for rs in owned {
            if new.isEmpty, withoutHash(rs["spec", "template"].raw) == target { new.append(rs) } else { old.append(rs) }
        }
        return (old, new)
    }

    private static func withoutHash(_ template: JSONValue?) -> JSONValue? {
        var copy = template
        copy?[path: ["metadata", "labels", "pod-template-hash"]] = nil
        if copy?[path: ["metadata", "labels"]]?.objectValue?.isEmpty == true { copy?[path: ["metadata", "labels"]] = nil }
        copy?[path: ["metadata", "creationTimestamp"]] = nil
        return copy
    }

    private static func replicaSetList(_ sets: [DValue]) -> String {
        let text = sets.map { "\($0["metadata", "name"].string) (\($0["status", "replicas"].int)/\($0["spec", "replicas"].int) replicas created)" }
            .joined(separator: ", ")
        return text.isEmpty ? "<none>" : text
    }

    private static func podsStatus(_ object: KubeObject, _ session: DescribeSession) -> String {
        let counts = session.podPhases(namespace: object.namespace, selector: DValue(object[path: ["spec", "selector"]]),
                                       controllerUID: object.uid)
        return "\(counts.running) Running / \(counts.waiting) Waiting / \(counts.succeeded) Succeeded / \(counts.failed) Failed"
    }

    static func replicaSet(_ object: KubeObject, _ session: DescribeSession) -> String {
        let rs = DValue(object.content)
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        w.write(0, "Selector:\t\(DescribeFormat.formatLabelSelector(rs["spec", "selector"]))\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        let controlledBy = DescribeSession.controlledBy(rs)
        if !controlledBy.isEmpty { w.write(0, "Controlled By:\t\(controlledBy)\n") }
        w.write(0, "Replicas:\t\(rs["status", "replicas"].int) current / \(rs["spec", "replicas"].int) desired\n")
        w.write(0, "Pods Status:\t")
        w.write(0, podsStatus(object, session) + "\n")
        PodDescriber.template(rs["spec", "template"], w)
        conditions(rs["status", "conditions"].array, w)
        session.writeEvents(session.events(of: object), w)
        return w.text
    }

    static func replicationController(_ object: KubeObject, _ session: DescribeSession) -> String {
        let rc = DValue(object.content)
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        w.write(0, "Selector:\t\(DescribeFormat.formatLabels(rc["spec", "selector"].stringMap))\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        w.write(0, "Replicas:\t\(rc["status", "replicas"].int) current / \(rc["spec", "replicas"].int) desired\n")
        let counts = session.podPhases(namespace: object.namespace, selector: DValue(["matchLabels": rc["spec", "selector"].raw ?? [:]]),
                                       controllerUID: object.uid)
        w.write(0, "Pods Status:\t\(counts.running) Running / \(counts.waiting) Waiting / \(counts.succeeded) Succeeded / \(counts.failed) Failed\n")
        PodDescriber.template(rc["spec", "template"], w)
        conditions(rc["status", "conditions"].array, w)
        session.writeEvents(session.events(of: object), w)
        return w.text
    }

    static func daemonSet(_ object: KubeObject, _ session: DescribeSession) -> String {
        let ds = DValue(object.content)
        let status = ds["status"]
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        w.write(0, "Selector:\t\(DescribeFormat.selector(ds["spec", "selector"]))\n")
        w.write(0, "Node-Selector:\t\(DescribeFormat.formatLabels(ds["spec", "template", "spec", "nodeSelector"].stringMap))\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        w.write(0, "Desired Number of Nodes Scheduled: \(status["desiredNumberScheduled"].int)\n")
        w.write(0, "Current Number of Nodes Scheduled: \(status["currentNumberScheduled"].int)\n")
        w.write(0, "Number of Nodes Scheduled with Up-to-date Pods: \(status["updatedNumberScheduled"].int)\n")
        w.write(0, "Number of Nodes Scheduled with Available Pods: \(status["numberAvailable"].int)\n")
        w.write(0, "Number of Nodes Misscheduled: \(status["numberMisscheduled"].int)\n")
        w.write(0, "Pods Status:\t\(podsStatus(object, session))\n")
        PodDescriber.template(ds["spec", "template"], w)
        session.writeEvents(session.events(of: object), w)
        return w.text
    }

    static func statefulSet(_ object: KubeObject, _ session: DescribeSession) -> String {
        let sts = DValue(object.content)
        let spec = sts["spec"]
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        w.write(0, "CreationTimestamp:\t\(DescribeTime.rfc1123z(sts["metadata", "creationTimestamp"].string))\n")
        w.write(0, "Selector:\t\(DescribeFormat.selector(spec["selector"]))\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        w.write(0, "Replicas:\t\(spec["replicas"].int) desired | \(sts["status", "replicas"].int) total\n")
        w.write(0, "Update Strategy:\t\(spec["updateStrategy", "type"].string)\n")
        let rolling = spec["updateStrategy", "rollingUpdate"]
        if rolling.exists, let partition = rolling["partition"].intOrNil {
            w.write(1, "Partition:\t\(partition)\n")
            if rolling["maxUnavailable"].exists { w.write(1, "MaxUnavailable:\t\(rolling["maxUnavailable"].text)\n") }
        }
        w.write(0, "Pods Status:\t\(podsStatus(object, session))\n")
        PodDescriber.template(spec["template"], w)
        let claims = spec["volumeClaimTemplates"].array
        if claims.isEmpty {
            w.write(0, "Volume Claims:\t<none>\n")
        } else {
            w.write(0, "Volume Claims:\n")
            for claim in claims {
                w.write(1, "Name:\t\(claim["metadata", "name"].string)\n")
                w.write(1, "StorageClass:\t\(claim["spec", "storageClassName"].string)\n")
                DescribeFormat.labels(w, "Labels", claim["metadata", "labels"].stringMap, initialIndent: "  ")
                DescribeFormat.labels(w, "Annotations", claim["metadata", "annotations"].stringMap, initialIndent: "  ")
                let storage = claim["spec", "resources", "requests", "storage"]
                w.write(1, "Capacity:\t\(storage.exists ? (ResourceQuantity(storage.text)?.description ?? storage.text) : "<default>")\n")
                w.write(1, "Access Modes:\t\(DescribeFormat.goList(claim["spec", "accessModes"].strings))\n")
            }
        }
        session.writeEvents(session.events(of: object), w)
        return w.text
    }

    static func job(_ object: KubeObject, _ session: DescribeSession) -> String {
        let job = DValue(object.content)
        let spec = job["spec"], status = job["status"]
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        w.write(0, "Selector:\t\(DescribeFormat.selector(spec["selector"]))\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        let controlledBy = DescribeSession.controlledBy(job)
        if !controlledBy.isEmpty { w.write(0, "Controlled By:\t\(controlledBy)\n") }
        if let parallelism = spec["parallelism"].intOrNil { w.write(0, "Parallelism:\t\(parallelism)\n") }
        w.write(0, "Completions:\t\(spec["completions"].intOrNil.map(String.init) ?? "<unset>")\n")
        if spec["completionMode"].exists { w.write(0, "Completion Mode:\t\(spec["completionMode"].string)\n") }
        if let suspend = spec["suspend"].boolOrNil { w.write(0, "Suspend:\t\(suspend)\n") }
        if let backoff = spec["backoffLimit"].intOrNil { w.write(0, "Backoff Limit:\t\(backoff)\n") }
        if let ttl = spec["ttlSecondsAfterFinished"].intOrNil { w.write(0, "TTL Seconds After Finished:\t\(ttl)\n") }
        if status["startTime"].exists { w.write(0, "Start Time:\t\(DescribeTime.rfc1123z(status["startTime"].string))\n") }
        if status["completionTime"].exists { w.write(0, "Completed At:\t\(DescribeTime.rfc1123z(status["completionTime"].string))\n") }
        if let start = RFC3339.seconds(status["startTime"].string), let end = RFC3339.seconds(status["completionTime"].string) {
            w.write(0, "Duration:\t\(HumanDuration.string(nanoseconds: (end - start) * 1_000_000_000))\n")
        }
        if let deadline = spec["activeDeadlineSeconds"].intOrNil { w.write(0, "Active Deadline Seconds:\t\(deadline)s\n") }
        if let ready = status["ready"].intOrNil {
            w.write(0, "Pods Statuses:\t\(status["active"].int) Active (\(ready) Ready) / \(status["succeeded"].int) Succeeded / \(status["failed"].int) Failed\n")
        } else {
            w.write(0, "Pods Statuses:\t\(status["active"].int) Active / \(status["succeeded"].int) Succeeded / \(status["failed"].int) Failed\n")
        }
        if spec["completionMode"].string == "Indexed" {
            w.write(0, "Completed Indexes:\t\(DescribeFormat.orNone(status["completedIndexes"].string))\n")
        }
        PodDescriber.template(spec["template"], w)
        session.writeEvents(session.events(of: object), w)
        return w.text
    }

    static func cronJob(_ object: KubeObject, _ session: DescribeSession) -> String {
        let cronJob = DValue(object.content)
        let spec = cronJob["spec"]
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        w.write(0, "Schedule:\t\(spec["schedule"].string)\n")
        w.write(0, "Concurrency Policy:\t\(spec["concurrencyPolicy"].string)\n")
        w.write(0, "Suspend:\t\(DescribeFormat.boolPointer(spec["suspend"]))\n")
        w.write(0, "Time Zone:\t\(spec["timeZone"].exists ? spec["timeZone"].string : "<unset>")\n")
        w.write(0, "Successful Job History Limit:\t\(spec["successfulJobsHistoryLimit"].intOrNil.map(String.init) ?? "<unset>")\n")
        w.write(0, "Failed Job History Limit:\t\(spec["failedJobsHistoryLimit"].intOrNil.map(String.init) ?? "<unset>")\n")
        w.write(0, "Starting Deadline Seconds:\t\(spec["startingDeadlineSeconds"].intOrNil.map { "\($0)s" } ?? "<unset>")\n")
        let jobSpec = spec["jobTemplate", "spec"]
        w.write(0, "Selector:\t\(jobSpec["selector"].exists ? DescribeFormat.selector(jobSpec["selector"]) : "<unset>")\n")
        w.write(0, "Parallelism:\t\(jobSpec["parallelism"].intOrNil.map(String.init) ?? "<unset>")\n")
        w.write(0, "Completions:\t\(jobSpec["completions"].intOrNil.map(String.init) ?? "<unset>")\n")
        if let deadline = jobSpec["activeDeadlineSeconds"].intOrNil { w.write(0, "Active Deadline Seconds:\t\(deadline)s\n") }
        PodDescriber.template(jobSpec["template"], w)
        let last = cronJob["status", "lastScheduleTime"]
        w.write(0, "Last Schedule Time:\t\(last.exists ? DescribeTime.rfc1123z(last.string) : "<unset>")\n")
        let active = cronJob["status", "active"].array.map { $0["name"].string }
        w.write(0, "Active Jobs:\t")
        w.line(active.isEmpty ? "<none>" : active.joined(separator: ", "))
        session.writeEvents(session.events(of: object), w)
        return w.text
    }
}

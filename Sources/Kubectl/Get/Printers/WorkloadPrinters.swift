import KubeModel

/// Deployments, ReplicaSets, DaemonSets, StatefulSets, Jobs, CronJobs, ControllerRevisions,
/// ReplicationControllers, HPAs and PDBs (printers.go).
enum WorkloadPrinters {
    static let all: [(String, KindPrinter)] = [
        ("apps/Deployment", deployment), ("apps/ReplicaSet", replicaSet), ("/ReplicationController", replicationController),
        ("apps/DaemonSet", daemonSet), ("apps/StatefulSet", statefulSet), ("batch/Job", job), ("batch/CronJob", cronJob),
        ("apps/ControllerRevision", controllerRevision), ("autoscaling/HorizontalPodAutoscaler", hpa),
        ("policy/PodDisruptionBudget", pdb),
    ]

    private static let templateColumns = [TableColumn("Containers", wide: true), TableColumn("Images", wide: true)]
    private static let wideColumns = templateColumns + [TableColumn("Selector", wide: true)]

    /// CONTAINERS, IMAGES (and SELECTOR) of a workload's pod template.
    private static func template(_ object: KubeObject, _ path: [String], selector: String?) -> [String] {
        let (names, images) = Cells.containers(object.content[path: path + ["spec", "containers"]]?.arrayValue ?? [])
        return selector.map { [names, images, $0] } ?? [names, images]
    }

    static let deployment = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Ready"), TableColumn("Up-to-date"), TableColumn("Available"), TableColumn("Age"),
    ] + wideColumns) { object, context in
        let cells = [object.name, "\(object.number("status", "readyReplicas"))/\(object.number("spec", "replicas"))",
                     String(object.number("status", "updatedReplicas")), String(object.number("status", "availableReplicas")),
                     context.age(of: object)]
        guard context.wide else { return cells }
        return cells + template(object, ["spec", "template"],
                                selector: Cells.labelSelectorString(object.content[path: ["spec", "selector"]]))
    }

    static let replicaSet = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Desired"), TableColumn("Current"), TableColumn("Ready"), TableColumn("Age"),
    ] + wideColumns) { object, context in
        let cells = [object.name, String(object.number("spec", "replicas")), String(object.number("status", "replicas")),
                     String(object.number("status", "readyReplicas")), context.age(of: object)]
        guard context.wide else { return cells }
        return cells + template(object, ["spec", "template"],
                                selector: Cells.labelSelectorString(object.content[path: ["spec", "selector"]]))
    }

    static let replicationController = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Desired"), TableColumn("Current"), TableColumn("Ready"), TableColumn("Age"),
    ] + wideColumns) { object, context in
        let cells = [object.name, String(object.number("spec", "replicas")), String(object.number("status", "replicas")),
                     String(object.number("status", "readyReplicas")), context.age(of: object)]
        guard context.wide else { return cells }
        return cells + template(object, ["spec", "template"], selector: Cells.labels(object.stringMap("spec", "selector")))
    }

    static let daemonSet = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Desired"), TableColumn("Current"), TableColumn("Ready"), TableColumn("Up-to-date"),
        TableColumn("Available"), TableColumn("Node Selector"), TableColumn("Age"),
    ] + wideColumns) { object, context in
        let cells = [object.name, String(object.number("status", "desiredNumberScheduled")),
                     String(object.number("status", "currentNumberScheduled")), String(object.number("status", "numberReady")),
                     String(object.number("status", "updatedNumberScheduled")), String(object.number("status", "numberAvailable")),
                     Cells.labels(object.stringMap("spec", "template", "spec", "nodeSelector")), context.age(of: object)]
        guard context.wide else { return cells }
        return cells + template(object, ["spec", "template"],
                                selector: Cells.formatLabelSelector(object.content[path: ["spec", "selector"]]))
    }

    static let statefulSet = KindPrinter(columns: [TableColumn("Name"), TableColumn("Ready"), TableColumn("Age")]
        + templateColumns) { object, context in
        let cells = [object.name, "\(object.number("status", "readyReplicas"))/\(object.number("spec", "replicas"))",
                     context.age(of: object)]
        guard context.wide else { return cells }
        return cells + template(object, ["spec", "template"], selector: nil)
    }

    static let job = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Status"), TableColumn("Completions"), TableColumn("Duration"), TableColumn("Age"),
    ] + wideColumns) { object, context in
        let succeeded = object.number("status", "succeeded")
        let completions: String
        if let wanted = object.content[path: ["spec", "completions"]]?.intValue {
            completions = "\(succeeded)/\(wanted)"
        } else {
            let parallelism = object.content[path: ["spec", "parallelism"]]?.intValue ?? 0
            completions = parallelism > 1 ? "\(succeeded)/1 of \(parallelism)" : "\(succeeded)/1"
        }
        var duration = ""
        if let start = RFC3339.seconds(object.text("status", "startTime")) {
            let end = RFC3339.seconds(object.text("status", "completionTime")).map { $0 * 1_000_000_000 } ?? context.now
            duration = HumanDuration.string(nanoseconds: end - start * 1_000_000_000)
        }
        let cells = [object.name, jobStatus(object), completions, duration, context.age(of: object)]
        guard context.wide else { return cells }
        return cells + template(object, ["spec", "template"],
                                selector: Cells.labelSelectorString(object.content[path: ["spec", "selector"]]))
    }

    /// The Job STATUS column (v1.32): the first of these that holds.
    static func jobStatus(_ object: KubeObject) -> String {
        let conditions = object.list("status", "conditions")
        func has(_ type: String) -> Bool {
            conditions.contains { $0["type"]?.stringValue == type && $0["status"]?.stringValue == "True" }
        }
        if has("Complete") { return "Complete" }
        if has("Failed") { return "Failed" }
        if object.content[path: ["metadata", "deletionTimestamp"]].map({ !$0.isNull }) == true { return "Terminating" }
        if has("Suspended") { return "Suspended" }
        if has("FailureTarget") { return "FailureTarget" }
        if has("SuccessCriteriaMet") { return "SuccessCriteriaMet" }
        return "Running"
    }

    static let cronJob = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Schedule"), TableColumn("Timezone"), TableColumn("Suspend"), TableColumn("Active"),
        TableColumn("Last Schedule"), TableColumn("Age"),
    ] + wideColumns) { object, context in
        let timeZone = object.text("spec", "timeZone")
        let last = object.content[path: ["status", "lastScheduleTime"]]
        let cells = [object.name, object.text("spec", "schedule"), timeZone.isEmpty ? "<none>" : timeZone,
                     printBool(object.content[path: ["spec", "suspend"]]), String(object.list("status", "active").count),
                     last?.stringValue == nil ? "<none>" : context.age(last), context.age(of: object)]
        guard context.wide else { return cells }
        return cells + template(object, ["spec", "jobTemplate", "spec", "template"],
                                selector: Cells.labelSelectorString(object.content[path: ["spec", "jobTemplate", "spec", "selector"]]))
    }

    /// printBoolPtr: `<unset>` for nil, else `True`/`False`.
    private static func printBool(_ value: JSONValue?) -> String {
        guard let flag = value?.boolValue else { return "<unset>" }
        return flag ? "True" : "False"
    }

    static let controllerRevision = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Controller"), TableColumn("Revision"), TableColumn("Age"),
    ]) { object, context in
        var controller = "<none>"
        if let owner = object.list("metadata", "ownerReferences").first(where: { $0["controller"]?.boolValue == true }) {
            let (group, _) = ResourceTable.split(apiVersion: owner["apiVersion"]?.stringValue ?? "")
            let kind = (owner["kind"]?.stringValue ?? "").lowercased()
            controller = (group.isEmpty ? kind : kind + "." + group) + "/" + (owner["name"]?.stringValue ?? "")
        }
        return [object.name, controller, String(object.number("revision")), context.age(of: object)]
    }

    static let hpa = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Reference"), TableColumn("Targets"), TableColumn("MinPods"),
        TableColumn("MaxPods"), TableColumn("Replicas"), TableColumn("Age"),
    ]) { object, context in
        let reference = object.text("spec", "scaleTargetRef", "kind") + "/" + object.text("spec", "scaleTargetRef", "name")
        let minPods = object.content[path: ["spec", "minReplicas"]]?.intValue.map(String.init) ?? "<unset>"
        let metrics = object.list("spec", "metrics")
        let targets = metrics.isEmpty ? "<none>" : metrics.map { _ in "<unknown>/<unknown>" }.joined(separator: ", ")
        return [object.name, reference, targets, minPods, String(object.number("spec", "maxReplicas")),
                String(object.number("status", "currentReplicas")), context.age(of: object)]
    }

    static let pdb = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Min Available"), TableColumn("Max Unavailable"),
        TableColumn("Allowed Disruptions"), TableColumn("Age"),
    ]) { object, context in
        func value(_ key: String) -> String {
            switch object.content[path: ["spec", key]] {
            case .int(let n): String(n)
            case .string(let s): s
            default: "N/A"
            }
        }
        return [object.name, value("minAvailable"), value("maxUnavailable"),
                String(object.number("status", "disruptionsAllowed")), context.age(of: object)]
    }
}

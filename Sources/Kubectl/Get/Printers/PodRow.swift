import KubeModel

/// printPod (pkg/printers/internalversion/printers.go, v1.32): READY, STATUS, RESTARTS as the
/// API server's table convertor computes them.
enum PodRow {
    static let printer = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Ready"), TableColumn("Status"), TableColumn("Restarts"), TableColumn("Age"),
        TableColumn("IP", wide: true), TableColumn("Node", wide: true), TableColumn("Nominated Node", wide: true),
        TableColumn("Readiness Gates", wide: true),
    ], row: row)

    /// The row's cells.
    static func row(_ pod: KubeObject, _ context: RowContext) -> [String] {
        let summary = summarize(pod)
        var restarts = String(summary.restarts)
        if summary.restarts != 0, let last = summary.lastRestart {
            restarts += " (\(HumanDuration.string(nanoseconds: context.now - last * 1_000_000_000)) ago)"
        }
        var cells = [pod.name, "\(summary.ready)/\(summary.total)", summary.reason, restarts, context.age(of: pod)]
        guard context.wide else { return cells }
        let podIP = pod.list("status", "podIPs").first?["ip"]?.stringValue ?? ""
        let node = pod.text("spec", "nodeName")
        let nominated = pod.text("status", "nominatedNodeName")
        cells += [podIP.isEmpty ? "<none>" : podIP, node.isEmpty ? "<none>" : node,
                  nominated.isEmpty ? "<none>" : nominated, readinessGates(pod)]
        return cells
    }

    /// What printPod derives from the status.
    struct Summary: Equatable {
        var ready = 0
        var total = 0
        var reason = ""
        var restarts = 0
        /// Seconds since the epoch of the latest `lastState.terminated.finishedAt`.
        var lastRestart: Int64?
    }

    static func summarize(_ pod: KubeObject) -> Summary {
        var summary = Summary()
        let phase = pod.text("status", "phase")
        let statusReason = pod.text("status", "reason")
        summary.reason = statusReason.isEmpty ? phase : statusReason
        let conditions = pod.list("status", "conditions")
        for condition in conditions
        where condition["type"]?.stringValue == "PodScheduled" && condition["reason"]?.stringValue == "SchedulingGated" {
            summary.reason = "SchedulingGated"
        }
        let initSpecs = pod.list("spec", "initContainers")
        var restartable: Set<String> = []
        for container in initSpecs where container["restartPolicy"]?.stringValue == "Always" {
            restartable.insert(container["name"]?.stringValue ?? "")
        }
        summary.total = pod.list("spec", "containers").count + restartable.count

        var restarts = 0
        var sidecarRestarts = 0
        var lastRestart: Int64?
        var lastSidecarRestart: Int64?
        var initializing = false
        for (index, status) in pod.list("status", "initContainerStatuses").enumerated() {
            let count = status["restartCount"]?.intValue ?? 0
            restarts += count
            let finished = finishedAt(status)
            lastRestart = later(lastRestart, finished)
            let isSidecar = restartable.contains(status["name"]?.stringValue ?? "")
            if isSidecar {
                sidecarRestarts += count
                lastSidecarRestart = later(lastSidecarRestart, finished)
            }
            let terminated = status[path: ["state", "terminated"]]
            let waitingReason = status[path: ["state", "waiting", "reason"]]?.stringValue ?? ""
            if let terminated, terminated["exitCode"]?.intValue ?? 0 == 0 { continue }
            if isSidecar, status["started"]?.boolValue == true {
                if status["ready"]?.boolValue == true { summary.ready += 1 }
                continue
            }
            if let terminated {
                summary.reason = "Init:" + terminatedReason(terminated)
            } else if !waitingReason.isEmpty, waitingReason != "PodInitializing" {
                summary.reason = "Init:" + waitingReason
            } else {
                summary.reason = "Init:\(index)/\(initSpecs.count)"
            }
            initializing = true
            break
        }

        let initialized = conditions.contains {
            $0["type"]?.stringValue == "Initialized" && $0["status"]?.stringValue == "True"
        }
        if !initializing || initialized {
            restarts = sidecarRestarts
            lastRestart = lastSidecarRestart
            var hasRunning = false
            for status in pod.list("status", "containerStatuses").reversed() {
                restarts += status["restartCount"]?.intValue ?? 0
                lastRestart = later(lastRestart, finishedAt(status))
                let waitingReason = status[path: ["state", "waiting", "reason"]]?.stringValue ?? ""
                let terminated = status[path: ["state", "terminated"]]
                if !waitingReason.isEmpty {
                    summary.reason = waitingReason
                } else if let terminated {
                    summary.reason = terminatedReason(terminated)
                } else if status["ready"]?.boolValue == true, status[path: ["state", "running"]] != nil {
                    hasRunning = true
                    summary.ready += 1
                }
            }
            if summary.reason == "Completed", hasRunning {
                let ready = conditions.contains { $0["type"]?.stringValue == "Ready" && $0["status"]?.stringValue == "True" }
                summary.reason = ready ? "Running" : "NotReady"
            }
        }

        if pod.content[path: ["metadata", "deletionTimestamp"]].map({ !$0.isNull }) == true {
            if statusReason == "NodeLost" {
                summary.reason = "Unknown"
            } else if phase != "Succeeded", phase != "Failed" {
                summary.reason = "Terminating"
            }
        }
        summary.restarts = restarts
        summary.lastRestart = lastRestart
        return summary
    }

    /// `Completed`, or `Signal:N` / `ExitCode:N` when the runtime gave no reason.
    private static func terminatedReason(_ terminated: JSONValue) -> String {
        if let reason = terminated["reason"]?.stringValue, !reason.isEmpty { return reason }
        let signal = terminated["signal"]?.intValue ?? 0
        return signal != 0 ? "Signal:\(signal)" : "ExitCode:\(terminated["exitCode"]?.intValue ?? 0)"
    }

    private static func finishedAt(_ status: JSONValue) -> Int64? {
        status[path: ["lastState", "terminated", "finishedAt"]]?.stringValue.flatMap(RFC3339.seconds)
    }

    private static func later(_ a: Int64?, _ b: Int64?) -> Int64? {
        guard let b else { return a }
        guard let a else { return b }
        return max(a, b)
    }

    /// READINESS GATES: `<none>`, or how many gate conditions are True of how many gates.
    private static func readinessGates(_ pod: KubeObject) -> String {
        let gates = pod.list("spec", "readinessGates")
        if gates.isEmpty { return "<none>" }
        let conditions = pod.list("status", "conditions")
        var trueCount = 0
        for gate in gates {
            let type = gate["conditionType"]?.stringValue ?? ""
            if let condition = conditions.first(where: { $0["type"]?.stringValue == type }),
               condition["status"]?.stringValue == "True" {
                trueCount += 1
            }
        }
        return "\(trueCount)/\(gates.count)"
    }
}

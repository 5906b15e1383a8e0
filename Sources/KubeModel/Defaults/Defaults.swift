/// Defaulting as the v1.32 API server applies it: the scheme defaulters of core/v1, apps/v1,
/// batch/v1 and friends (`SetDefaults_*`). Pod admission plugins (default tolerations, service
/// account name, priority) are in `Defaults.admitPod`; allocations that need the store
/// (cluster IPs, node ports, uids, token volume names) are the store's.
public enum Defaults {
    /// `object` with the scheme defaults filled in; fields already set are kept.
    public static func apply(to object: JSONValue) -> JSONValue {
        var o = object
        let kind = o["kind"]?.stringValue ?? ""
        switch kind {
        case "Pod":
            o.update("spec") { podSpec(&$0) }
            podResourceRequests(&o)
            o.update("status") { $0.setDefault("phase", "Pending") }
        case "Deployment":
            o.update("spec") { spec in
                spec.setDefault("replicas", 1)
                spec.update("strategy") { strategy in
                    strategy.setDefault("type", "RollingUpdate")
                    if strategy["type"]?.stringValue == "RollingUpdate" {
                        strategy.update("rollingUpdate") {
                            $0.setDefault("maxUnavailable", "25%")
                            $0.setDefault("maxSurge", "25%")
                        }
                    }
                }
                spec.setDefault("revisionHistoryLimit", 10)
                spec.setDefault("progressDeadlineSeconds", 600)
                template(&spec)
            }
        case "ReplicaSet", "ReplicationController":
            o.update("spec") { spec in
                spec.setDefault("replicas", 1)
                template(&spec)
            }
        case "DaemonSet":
            o.update("spec") { spec in
                spec.update("updateStrategy") { strategy in
                    strategy.setDefault("type", "RollingUpdate")
                    if strategy["type"]?.stringValue == "RollingUpdate" {
                        strategy.update("rollingUpdate") {
                            $0.setDefault("maxUnavailable", 1)
                            $0.setDefault("maxSurge", 0)
                        }
                    }
                }
                spec.setDefault("revisionHistoryLimit", 10)
                template(&spec)
            }
        case "StatefulSet":
            statefulSet(&o)
        case "Job":
            o.update("spec") { job(&$0) }
        case "CronJob":
            o.update("spec") { spec in
                spec.setDefault("concurrencyPolicy", "Allow")
                spec.setDefault("suspend", false)
                spec.setDefault("successfulJobsHistoryLimit", 3)
                spec.setDefault("failedJobsHistoryLimit", 1)
                spec.update("jobTemplate") { $0.update("spec") { template(&$0) } }
            }
        default:
            otherKinds(&o, kind: kind)
        }
        return o
    }

    /// A pod template's spec (`spec.template.spec`) gets the pod spec defaults.
    static func template(_ owner: inout JSONValue) {
        guard owner["template"] != nil else { return }
        owner.update("template") { $0.update("spec") { podSpec(&$0) } }
    }
}

extension JSONValue {
    /// Sets `key` when it is absent or null.
    mutating func setDefault(_ key: String, _ value: JSONValue) {
        if self[key] == nil || self[key]?.isNull == true { self[key] = value }
    }

    /// Runs `body` on the member `key` (created as `{}` when absent).
    mutating func update(_ key: String, _ body: (inout JSONValue) -> Void) {
        var member = self[key] ?? .object([:])
        if member.isNull { member = .object([:]) }
        body(&member)
        self[key] = member
    }

    /// Runs `body` on each element of the array member `key`, when there is one.
    mutating func updateEach(_ key: String, _ body: (inout JSONValue) -> Void) {
        guard case .array(var items)? = self[key] else { return }
        for i in items.indices { body(&items[i]) }
        self[key] = .array(items)
    }
}

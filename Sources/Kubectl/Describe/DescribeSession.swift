import KubeModel

/// What a describer reads besides its object: other objects of the cluster (events, pods,
/// replica sets, leases) and the current time for ages.
struct DescribeSession {
    let context: any KubectlContext
    /// Nanoseconds since the epoch.
    let now: Int64
    /// `--show-events`.
    var showEvents = true

    /// Objects of a resource; none when the server refuses (describers tolerate that).
    func list(_ resource: String, namespace: String?) -> [KubeObject] {
        (try? context.list(resource: resource, namespace: namespace)) ?? []
    }

    func get(_ resource: String, namespace: String?, name: String) -> KubeObject? {
        try? context.get(resource: resource, namespace: namespace, name: name)
    }

    /// `searchEvents`: the Events whose involvedObject is the object (name, namespace, kind when
    /// given, uid), in the object's namespace (all namespaces for cluster-scoped objects).
    func events(name: String, namespace: String, kind: String?, uids: [String]) -> [DValue] {
        // Compared on the stored JSON first: an hour's session holds thousands of events.
        list("events", namespace: namespace.isEmpty ? nil : namespace).filter { event in
            guard let involved = event.content["involvedObject"] else { return false }
            return involved["name"]?.stringValue == name && (involved["namespace"]?.stringValue ?? "") == namespace
                && (kind.map { involved["kind"]?.stringValue == $0 } ?? true)
                && (uids.isEmpty || uids.contains(involved["uid"]?.stringValue ?? ""))
        }.map { DValue($0.content) }
    }

    /// Events of an object found by its reference (kind and uid from the object).
    func events(of object: KubeObject) -> [DValue] {
        events(name: object.name, namespace: object.namespace, kind: object.kind, uids: object.uid.isEmpty ? [] : [object.uid])
    }

    /// `getPodStatusForController`: phases of the pods in `namespace` matching `selector`
    /// whose controller is `uid`.
    func podPhases(namespace: String, selector: DValue, controllerUID: String) -> (running: Int, waiting: Int, succeeded: Int, failed: Int) {
        var counts = (running: 0, waiting: 0, succeeded: 0, failed: 0)
        guard case .success(let parsed) = LabelSelector.fromObject(selector.raw) else { return counts }
        for pod in list("pods", namespace: namespace) where parsed.matches(pod.labels) {
            guard Self.controllerUID(of: DValue(pod.content)) == controllerUID else { continue }
            switch pod[path: ["status", "phase"]]?.stringValue {
            case "Running": counts.running += 1
            case "Pending": counts.waiting += 1
            case "Succeeded": counts.succeeded += 1
            case "Failed": counts.failed += 1
            default: break
            }
        }
        return counts
    }

    /// The ownerReference with `controller: true`.
    static func controllerRef(of object: DValue) -> DValue? {
        object["metadata", "ownerReferences"].array.first { $0["controller"].bool }
    }

    static func controllerUID(of object: DValue) -> String? {
        controllerRef(of: object)?["uid"].string
    }

    /// `printController`: `Kind/name` of the controller, "" when none.
    static func controlledBy(_ object: DValue) -> String {
        controllerRef(of: object).map { "\($0["kind"].string)/\($0["name"].string)" } ?? ""
    }
}

extension DescribeSession {
    /// The `Events:` section, unless `--show-events=false`.
    func writeEvents(_ events: [DValue], _ w: DescribeWriter) {
        guard showEvents else { return }
        DescribeEvents.write(events, w, now: now)
    }
}

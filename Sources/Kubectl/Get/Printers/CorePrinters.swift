import KubeModel

/// Core-group kinds other than pods (printers.go): nodes, services, endpoints, config, events, storage.
enum CorePrinters {
    static let all: [(String, KindPrinter)] = [
        ("/Pod", PodRow.printer), ("/Node", node), ("/Service", service), ("/Endpoints", endpoints),
        ("/ConfigMap", configMap), ("/Secret", secret), ("/Namespace", namespace), ("/ServiceAccount", serviceAccount),
        ("/Event", event), ("/PersistentVolume", persistentVolume), ("/PersistentVolumeClaim", persistentVolumeClaim),
        ("/ResourceQuota", resourceQuota), ("/LimitRange", ClusterPrinters.createdAt), ("/PodTemplate", podTemplate),
        ("/ComponentStatus", componentStatus),
    ]

    static let node = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Status"), TableColumn("Roles"), TableColumn("Age"), TableColumn("Version"),
        TableColumn("Internal-IP", wide: true), TableColumn("External-IP", wide: true), TableColumn("OS-Image", wide: true),
        TableColumn("Kernel-Version", wide: true), TableColumn("Container-Runtime", wide: true),
    ]) { object, context in
        var status: [String] = []
        if let ready = object.list("status", "conditions").last(where: { $0["type"]?.stringValue == "Ready" }) {
            status.append(ready["status"]?.stringValue == "True" ? "Ready" : "NotReady")
        } else {
            status.append("Unknown")
        }
        if object.content[path: ["spec", "unschedulable"]]?.boolValue == true { status.append("SchedulingDisabled") }
        var roles: Set<String> = []
        for (key, value) in object.labels {
            if key.hasPrefix("node-role.kubernetes.io/") {
                let role = String(key.dropFirst("node-role.kubernetes.io/".count))
                if !role.isEmpty { roles.insert(role) }
            } else if key == "kubernetes.io/role", !value.isEmpty {
                roles.insert(value)
            }
        }
        let cells = [object.name, status.joined(separator: ","),
                     roles.isEmpty ? "<none>" : roles.sorted(by: GoJSON.utf8Less).joined(separator: ","),
                     context.age(of: object), object.text("status", "nodeInfo", "kubeletVersion")]
        guard context.wide else { return cells }
        func address(_ type: String) -> String {
            object.list("status", "addresses").first { $0["type"]?.stringValue == type }?["address"]?.stringValue ?? "<none>"
        }
        func info(_ key: String) -> String {
            let value = object.text("status", "nodeInfo", key)
            return value.isEmpty ? "<unknown>" : value
        }
        return cells + [address("InternalIP"), address("ExternalIP"), info("osImage"), info("kernelVersion"),
                        info("containerRuntimeVersion")]
    }

    static let service = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Type"), TableColumn("Cluster-IP"), TableColumn("External-IP"),
        TableColumn("Port(s)"), TableColumn("Age"), TableColumn("Selector", wide: true),
    ]) { object, context in
        let type = object.text("spec", "type")
        let clusterIP = object.text("spec", "clusterIP")
        let ports = object.list("spec", "ports").map { port -> String in
            let number = port["port"]?.intValue ?? 0
            let proto = port["protocol"]?.stringValue ?? ""
            let nodePort = port["nodePort"]?.intValue ?? 0
            return nodePort > 0 ? "\(number):\(nodePort)/\(proto)" : "\(number)/\(proto)"
        }.joined(separator: ",")
        let cells = [object.name, type, clusterIP.isEmpty ? "<none>" : clusterIP, externalIP(object, wide: context.wide),
                     ports.isEmpty ? "<none>" : ports, context.age(of: object)]
        return context.wide ? cells + [Cells.labels(object.stringMap("spec", "selector"))] : cells
    }

    /// getServiceExternalIP.
    private static func externalIP(_ object: KubeObject, wide: Bool) -> String {
        let externalIPs = object.list("spec", "externalIPs").compactMap(\.stringValue)
        switch object.text("spec", "type") {
        case "ClusterIP", "NodePort":
            return externalIPs.isEmpty ? "<none>" : externalIPs.joined(separator: ",")
        case "LoadBalancer":
            var ingress = object.list("status", "loadBalancer", "ingress").compactMap { entry -> String? in
                let ip = entry["ip"]?.stringValue ?? ""
                let host = entry["hostname"]?.stringValue ?? ""
                return ip.isEmpty ? (host.isEmpty ? nil : host) : ip
            }.joined(separator: ",")
            if !wide, ingress.count > 16 { ingress = String(ingress.prefix(13)) + "..." }
            let results = externalIPs + (ingress.isEmpty ? [] : [ingress])
            return results.isEmpty ? "<pending>" : results.joined(separator: ",")
        case "ExternalName":
            return object.text("spec", "externalName")
        default:
            return "<unknown>"
        }
    }

    static let endpoints = KindPrinter(columns: [TableColumn("Name"), TableColumn("Endpoints"), TableColumn("Age")]) {
        object, context in
        [object.name, formatEndpoints(object.list("subsets")), context.age(of: object)]
    }

    /// formatEndpoints: up to three `ip:port`, then `+ N more...`.
    static func formatEndpoints(_ subsets: [JSONValue]) -> String {
        if subsets.isEmpty { return "<none>" }
        var list: [String] = []
        var more = false
        var count = 0
        for subset in subsets {
            let addresses = (subset["addresses"]?.arrayValue ?? []).map { $0["ip"]?.stringValue ?? "" }
            let ports = subset["ports"]?.arrayValue ?? []
            let portNumbers: [Int?] = ports.isEmpty ? [nil] : ports.map { $0["port"]?.intValue ?? 0 }
            for port in portNumbers {
                count += addresses.count
                for ip in addresses {
                    if list.count == 3 {
                        more = true
                        break
                    }
                    guard let port else { list.append(ip); continue }
                    list.append(ip.contains(":") ? "[\(ip)]:\(port)" : "\(ip):\(port)")
                }
            }
        }
        let joined = list.joined(separator: ",")
        return more ? "\(joined) + \(count - 3) more..." : joined
    }

    static let configMap = KindPrinter(columns: [TableColumn("Name"), TableColumn("Data"), TableColumn("Age")]) {
        object, context in
        let count = (object.content["data"]?.objectValue?.count ?? 0) + (object.content["binaryData"]?.objectValue?.count ?? 0)
        return [object.name, String(count), context.age(of: object)]
    }

    static let secret = KindPrinter(columns: [TableColumn("Name"), TableColumn("Type"), TableColumn("Data"), TableColumn("Age")]) {
        object, context in
        [object.name, object.text("type"), String(object.content["data"]?.objectValue?.count ?? 0), context.age(of: object)]
    }

    static let namespace = KindPrinter(columns: [TableColumn("Name"), TableColumn("Status"), TableColumn("Age")]) {
        object, context in
        [object.name, object.text("status", "phase"), context.age(of: object)]
    }

    static let serviceAccount = KindPrinter(columns: [TableColumn("Name"), TableColumn("Secrets"), TableColumn("Age")]) {
        object, context in
        [object.name, String(object.list("secrets").count), context.age(of: object)]
    }

    static let event = KindPrinter(columns: [
        TableColumn("Last Seen"), TableColumn("Type"), TableColumn("Reason"), TableColumn("Object"),
        TableColumn("Subobject", wide: true), TableColumn("Source", wide: true), TableColumn("Message"),
        TableColumn("First Seen", wide: true), TableColumn("Count", wide: true), TableColumn("Name", wide: true),
    ]) { object, context in
        var first = context.age(object.content["firstTimestamp"])
        if object.content["firstTimestamp"]?.stringValue == nil { first = context.age(object.content["eventTime"]) }
        var last = object.content["lastTimestamp"]?.stringValue == nil ? first : context.age(object.content["lastTimestamp"])
        var count = object.number("count")
        if let series = object.content["series"], !series.isNull {
            last = context.age(series["lastObservedTime"])
            count = series["count"]?.intValue ?? 0
        } else if count == 0 {
            count = 1
        }
        let kind = object.text("involvedObject", "kind").lowercased()
        let name = object.text("involvedObject", "name")
        let target = name.isEmpty ? kind : kind + "/" + name
        let message = trimSpace(object.text("message"))
        guard context.wide else { return [last, object.text("type"), object.text("reason"), target, message] }
        let component = firstNonEmpty(object.text("source", "component"), object.text("reportingComponent"))
        let instance = firstNonEmpty(object.text("source", "host"), object.text("reportingInstance"))
        return [last, object.text("type"), object.text("reason"), target, object.text("involvedObject", "fieldPath"),
                instance.isEmpty ? component : component + ", " + instance, message, first, String(count), object.name]
    }

    /// strings.TrimSpace for the ASCII spaces an event message may carry.
    private static func trimSpace(_ text: String) -> String {
        let space: Set<Character> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"]
        guard let first = text.firstIndex(where: { !space.contains($0) }),
              let last = text.lastIndex(where: { !space.contains($0) }) else { return "" }
        return String(text[first...last])
    }

    private static func firstNonEmpty(_ a: String, _ b: String) -> String { a.isEmpty ? b : a }

    static let persistentVolume = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Capacity"), TableColumn("Access Modes"), TableColumn("Reclaim Policy"),
        TableColumn("Status"), TableColumn("Claim"), TableColumn("StorageClass"), TableColumn("VolumeAttributesClass"),
        TableColumn("Reason"), TableColumn("Age"), TableColumn("VolumeMode", wide: true),
    ]) { object, context in
        var claim = ""
        if let ref = object.content[path: ["spec", "claimRef"]], !ref.isNull {
            claim = (ref["namespace"]?.stringValue ?? "") + "/" + (ref["name"]?.stringValue ?? "")
        }
        let cells = [object.name, quantity(object.content[path: ["spec", "capacity", "storage"]]),
                     accessModes(object.list("spec", "accessModes")), object.text("spec", "persistentVolumeReclaimPolicy"),
                     terminating(object) ? "Terminating" : object.text("status", "phase"), claim,
                     storageClass(object), unset(object.text("spec", "volumeAttributesClassName")),
                     object.text("status", "reason"), context.age(of: object)]
        return context.wide ? cells + [unset(object.text("spec", "volumeMode"))] : cells
    }

    static let persistentVolumeClaim = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Status"), TableColumn("Volume"), TableColumn("Capacity"),
        TableColumn("Access Modes"), TableColumn("StorageClass"), TableColumn("VolumeAttributesClass"), TableColumn("Age"),
        TableColumn("VolumeMode", wide: true),
    ]) { object, context in
        let volume = object.text("spec", "volumeName")
        let bound = !volume.isEmpty
        let cells = [object.name, terminating(object) ? "Terminating" : object.text("status", "phase"), volume,
                     bound ? quantity(object.content[path: ["status", "capacity", "storage"]]) : "",
                     bound ? accessModes(object.list("status", "accessModes")) : "", storageClass(object),
                     unset(object.text("spec", "volumeAttributesClassName")), context.age(of: object)]
        return context.wide ? cells + [unset(object.text("spec", "volumeMode"))] : cells
    }

    private static func terminating(_ object: KubeObject) -> Bool {
        object.content[path: ["metadata", "deletionTimestamp"]].map { !$0.isNull } ?? false
    }

    private static func unset(_ text: String) -> String { text.isEmpty ? "<unset>" : text }

    private static func quantity(_ value: JSONValue?) -> String {
        switch value {
        case .string(let s): s
        case .int(let n): String(n)
        default: "0"
        }
    }

    /// GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order.
    static func accessModes(_ modes: [JSONValue]) -> String {
        let given = Set(modes.compactMap(\.stringValue))
        return [("ReadWriteOnce", "RWO"), ("ReadOnlyMany", "ROX"), ("ReadWriteMany", "RWX"), ("ReadWriteOncePod", "RWOP")]
            .filter { given.contains($0.0) }.map(\.1).joined(separator: ",")
    }

    private static func storageClass(_ object: KubeObject) -> String {
        let beta = object.annotations["volume.beta.kubernetes.io/storage-class"] ?? ""
        return beta.isEmpty ? object.text("spec", "storageClassName") : beta
    }

    static let resourceQuota = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Age"), TableColumn("Request"), TableColumn("Limit"),
    ]) { object, context in
        let hard = object.content[path: ["status", "hard"]]?.objectValue ?? [:]
        var requests: [String] = []
        var limits: [String] = []
        for name in hard.keys.sorted(by: GoJSON.utf8Less) {
            let entry = "\(name): \(quantity(object.content[path: ["status", "used", name]]))/\(quantity(hard[name]))"
            if name.hasPrefix("limits.") { limits.append(entry) } else { requests.append(entry) }
        }
        return [object.name, context.age(of: object), requests.joined(separator: ", "), limits.joined(separator: ", ")]
    }

    static let podTemplate = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Containers"), TableColumn("Images"), TableColumn("Pod Labels"),
    ]) { object, _ in
        let (names, images) = Cells.containers(object.list("template", "spec", "containers"))
        return [object.name, names, images, Cells.labels(object.stringMap("template", "metadata", "labels"))]
    }

    static let componentStatus = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Status"), TableColumn("Message"), TableColumn("Error"),
    ]) { object, _ in
        let healthy = object.list("conditions").first { $0["type"]?.stringValue == "Healthy" }
        let status = healthy?["status"]?.stringValue == "True" ? "Healthy" : "Unhealthy"
        return [object.name, healthy == nil ? "Unknown" : status, healthy?["message"]?.stringValue ?? "",
                healthy?["error"]?.stringValue ?? ""]
    }
}

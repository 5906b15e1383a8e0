import KubeModel

/// What the endpoints and endpointslice controllers compute for one Service, as pure functions
/// (pkg/controller/endpoint, pkg/controller/endpointslice, endpointslice util).
enum EndpointsDecisions {
    /// One pod's place behind the Service.
    struct Member: Equatable {
        var ip: String
        var hostname: String?
        var nodeName: String?
        var name: String
        var namespace: String
        var uid: String
        var ready: Bool
        var serving: Bool
        var terminating: Bool
        /// The Service's ports resolved on this pod (named target ports through its containers).
        var ports: [JSONValue]
    }

    static func isHeadless(_ service: KubeObject) -> Bool {
        service[path: ["spec", "clusterIP"]]?.stringValue == "None"
    }

    /// `ShouldPodBeInEndpoints`: an IP, not being deleted (unless terminating ones are wanted),
    /// and not finished for its restart policy.
    static func shouldInclude(_ pod: KubeObject, includeTerminating: Bool) -> Bool {
        guard !(pod[path: ["status", "podIP"]]?.stringValue ?? "").isEmpty else { return false }
        if !includeTerminating, PodFacts.isTerminating(pod) { return false }
        let phase = PodFacts.phase(pod)
        switch pod[path: ["spec", "restartPolicy"]]?.stringValue ?? "Always" {
        case "Never": return phase != "Failed" && phase != "Succeeded"
        case "OnFailure": return phase != "Succeeded"
        default: return true
        }
    }

    /// `ShouldSetHostname`: the pod names a hostname and this Service as its subdomain.
    static func hostname(_ pod: KubeObject, service: KubeObject) -> String? {
        let hostname = pod[path: ["spec", "hostname"]]?.stringValue ?? ""
        guard !hostname.isEmpty, pod[path: ["spec", "subdomain"]]?.stringValue == service.name,
              pod.namespace == service.namespace else { return nil }
        return hostname
    }

    /// `FindPort`: a numeric target port as is, a named one through the containers' ports.
    static func findPort(_ pod: KubeObject, _ servicePort: JSONValue) -> Int? {
        let proto = servicePort["protocol"]?.stringValue ?? "TCP"
        switch servicePort["targetPort"] ?? servicePort["port"] ?? .null {
        case .int(let number): return number
        case .string(let name):
            if let number = Int(name) { return number }
            for container in pod[path: ["spec", "containers"]]?.arrayValue ?? [] {
                for port in container["ports"]?.arrayValue ?? []
                where port["name"]?.stringValue == name && (port["protocol"]?.stringValue ?? "TCP") == proto {
                    return port["containerPort"]?.intValue
                }
            }
            return nil
        default: return nil
        }
    }

    /// The pods behind `service`, sorted as `SortSubsets` sorts addresses (IP bytes, then uid).
    static func members(of service: KubeObject, pods: [KubeObject], includeTerminating: Bool) -> [Member] {
        let publishNotReady = service[path: ["spec", "publishNotReadyAddresses"]]?.boolValue ?? false
        let servicePorts = service[path: ["spec", "ports"]]?.arrayValue ?? []
        var members: [Member] = []
        for pod in pods where shouldInclude(pod, includeTerminating: includeTerminating || publishNotReady) {
            var ports: [JSONValue] = []
            for servicePort in servicePorts {
                guard let number = findPort(pod, servicePort) else { continue }
                var port = JSONObject()
                if let name = servicePort["name"]?.stringValue, !name.isEmpty { port["name"] = .string(name) }
                port["port"] = .int(number)
                port["protocol"] = servicePort["protocol"] ?? "TCP"
                if let app = servicePort["appProtocol"] { port["appProtocol"] = app }
                ports.append(.object(port))
            }
            // A pod none of the ports resolve on serves nothing, except behind a portless headless Service.
            if ports.isEmpty, !(servicePorts.isEmpty && isHeadless(service)) { continue }
            let terminating = PodFacts.isTerminating(pod)
            let ready = publishNotReady || PodFacts.isReady(pod)
            members.append(Member(ip: pod[path: ["status", "podIP"]]?.stringValue ?? "", hostname: hostname(pod, service: service),
                                  nodeName: pod[path: ["spec", "nodeName"]]?.stringValue, name: pod.name,
                                  namespace: pod.namespace, uid: pod.uid, ready: ready && !terminating,
                                  serving: ready, terminating: terminating, ports: ports))
        }
        return members.sorted { ($0.ip.utf8.lexicographicallyPrecedes($1.ip.utf8)) || ($0.ip == $1.ip && $0.uid < $1.uid) }
    }

    static func targetRef(_ member: Member) -> JSONValue {
        ["kind": "Pod", "namespace": .string(member.namespace), "name": .string(member.name), "uid": .string(member.uid)]
    }

    /// `Endpoints.subsets` after `RepackSubsets`: members grouped by their port set.
    static func subsets(_ members: [Member]) -> [JSONValue] {
        var groups: [(ports: [JSONValue], ready: [JSONValue], notReady: [JSONValue])] = []
        for member in members {
            var address: JSONObject = ["ip": .string(member.ip)]
            if let hostname = member.hostname { address["hostname"] = .string(hostname) }
            if let node = member.nodeName, !node.isEmpty { address["nodeName"] = .string(node) }
            address["targetRef"] = targetRef(member)
            let index = groups.firstIndex { $0.ports == member.ports } ?? {
                groups.append((member.ports, [], []))
                return groups.count - 1
            }()
            if member.serving { groups[index].ready.append(.object(address)) } else { groups[index].notReady.append(.object(address)) }
        }
        return groups.map { group in
            var subset = JSONObject()
            if !group.ready.isEmpty { subset["addresses"] = .array(group.ready) }
            if !group.notReady.isEmpty { subset["notReadyAddresses"] = .array(group.notReady) }
            if !group.ports.isEmpty { subset["ports"] = .array(group.ports) }
            return .object(subset)
        }
    }

    /// An EndpointSlice's `endpoints`.
    static func sliceEndpoints(_ members: [Member]) -> [JSONValue] {
        members.map { member in
            var endpoint: JSONObject = ["addresses": [.string(member.ip)],
                                        "conditions": ["ready": .bool(member.ready), "serving": .bool(member.serving),
                                                       "terminating": .bool(member.terminating)]]
            if let hostname = member.hostname { endpoint["hostname"] = .string(hostname) }
            endpoint["targetRef"] = targetRef(member)
            if let node = member.nodeName, !node.isEmpty { endpoint["nodeName"] = .string(node) }
            return .object(endpoint)
        }
    }

    /// The labels both objects carry: the Service's, plus the headless marker.
    static func labels(of service: KubeObject) -> JSONObject {
        var labels = service.content[path: ["metadata", "labels"]]?.objectValue ?? [:]
        if isHeadless(service) { labels["service.kubernetes.io/headless"] = "" }
        return labels
    }

    /// Subsets compared without caring for port order (`RepackSubsets` orders ports by hash)
    /// nor member order (the API keeps Go's; objects written by hand may differ).
    static func sameSubsets(_ a: JSONValue?, _ b: [JSONValue]) -> Bool {
        func normal(_ subsets: [JSONValue]) -> JSONValue {
            canonical(.array(subsets.map { subset in
                guard case .object(var members) = subset, let ports = members["ports"]?.arrayValue else { return subset }
                members["ports"] = .array(ports.sorted { ($0["name"]?.stringValue ?? "") < ($1["name"]?.stringValue ?? "") })
                return .object(members)
            }))
        }
        return normal(a?.arrayValue ?? []) == normal(b)
    }

    /// Port lists compared in name order (the endpointslice controller orders them by hash).
    static func samePorts(_ a: JSONValue?, _ b: [JSONValue]) -> Bool {
        func sorted(_ ports: [JSONValue]) -> JSONValue {
            canonical(.array(ports.sorted { ($0["name"]?.stringValue ?? "") < ($1["name"]?.stringValue ?? "") }))
        }
        return sorted(a?.arrayValue ?? []) == sorted(b)
    }

    /// `value` with every object's members in key order, for comparisons.
    static func canonical(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var out = JSONObject()
            for key in members.keys.sorted() { out[key] = members[key].map(canonical) }
            return .object(out)
        case .array(let items): return .array(items.map(canonical))
        default: return value
        }
    }
}

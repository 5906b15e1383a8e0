import KubeModel

/// What the scheduler reads of a pod, parsed once per change.
public struct PodInfo: Equatable, Sendable {
    public var namespace: String
    public var name: String
    public var labels: [String: String] = [:]
    public var nodeName = ""
    public var priority = 0
    public var preemptionPolicy = "PreemptLowerPriority"
    public var requests = ResourceAmounts(pods: 1)
    /// Requests with the scoring minimum (100m, 200Mi) for containers that ask for nothing.
    public var nonZeroRequests = ResourceAmounts(pods: 1)
    public var hostPorts: [HostPort] = []
    public var tolerations: [Toleration] = []
    public var nodeSelector: [String: String] = [:]
    /// `requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`, nil when absent.
    public var requiredNodeTerms: [NodeSelectorTerm]?
    public var preferredNodeTerms: [(weight: Int, term: NodeSelectorTerm)] = []
    public var affinityTerms: [PodAffinityTerm] = []
    public var antiAffinityTerms: [PodAffinityTerm] = []

    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }

    public static func == (a: PodInfo, b: PodInfo) -> Bool {
        a.namespace == b.namespace && a.name == b.name && a.labels == b.labels && a.nodeName == b.nodeName
            && a.requests == b.requests && a.hostPorts == b.hostPorts && a.antiAffinityTerms == b.antiAffinityTerms
    }

    public init(_ pod: KubeObject) {
        self.init(namespace: pod.namespace.isEmpty ? "default" : pod.namespace, name: pod.name)
        labels = pod.labels
        let spec = pod.content["spec"] ?? .emptyObject
        nodeName = spec["nodeName"]?.stringValue ?? ""
        priority = spec["priority"]?.intValue ?? 0
        preemptionPolicy = spec["preemptionPolicy"]?.stringValue ?? "PreemptLowerPriority"
        (requests, nonZeroRequests) = Self.requests(spec)
        for container in spec["containers"]?.arrayValue ?? [] {
            for port in container["ports"]?.arrayValue ?? [] {
                guard let hostPort = port["hostPort"]?.intValue, hostPort > 0 else { continue }
                hostPorts.append(HostPort(port: hostPort, protocol: port["protocol"]?.stringValue ?? "TCP",
                                          hostIP: port["hostIP"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "0.0.0.0"))
            }
        }
        tolerations = (spec["tolerations"]?.arrayValue ?? []).map(Toleration.init)
        for (key, value) in spec["nodeSelector"]?.objectValue ?? [:] { nodeSelector[key] = value.stringValue ?? "" }
        let nodeAffinity = spec[path: ["affinity", "nodeAffinity"]]
        if let required = nodeAffinity?["requiredDuringSchedulingIgnoredDuringExecution"], required.objectValue != nil {
            requiredNodeTerms = (required["nodeSelectorTerms"]?.arrayValue ?? []).map(NodeSelectorTerm.init)
        }
        for preferred in nodeAffinity?["preferredDuringSchedulingIgnoredDuringExecution"]?.arrayValue ?? [] {
            preferredNodeTerms.append((preferred["weight"]?.intValue ?? 0, NodeSelectorTerm(preferred["preference"] ?? .emptyObject)))
        }
        let namespace = self.namespace
        affinityTerms = (spec[path: ["affinity", "podAffinity", "requiredDuringSchedulingIgnoredDuringExecution"]]?
            .arrayValue ?? []).map { PodAffinityTerm($0, podNamespace: namespace) }
        antiAffinityTerms = (spec[path: ["affinity", "podAntiAffinity", "requiredDuringSchedulingIgnoredDuringExecution"]]?
            .arrayValue ?? []).map { PodAffinityTerm($0, podNamespace: namespace) }
    }

    /// `resource.PodRequests`: the containers' sum, at least each init container's, plus overhead.
    static func requests(_ spec: JSONValue) -> (ResourceAmounts, ResourceAmounts) {
        func amounts(_ container: JSONValue, nonZero: Bool) -> ResourceAmounts {
            let requests = container[path: ["resources", "requests"]]?.objectValue
            let limits = container[path: ["resources", "limits"]]?.objectValue
            func value(_ name: String) -> String? { (requests?[name] ?? limits?[name])?.stringValue }
            var cpu = value("cpu").map(Quantities.milli)
            var memory = value("memory").map(Quantities.units)
            if nonZero {
                if cpu == nil || cpu == 0 { cpu = 100 }
                if memory == nil || memory == 0 { memory = 200 * 1_048_576 }
            }
            return ResourceAmounts(milliCPU: cpu ?? 0, memory: memory ?? 0)
        }
        func total(nonZero: Bool) -> ResourceAmounts {
            var sum = ResourceAmounts()
            for container in spec["containers"]?.arrayValue ?? [] { sum = sum + amounts(container, nonZero: nonZero) }
            var sidecars = ResourceAmounts()
            var initPeak = ResourceAmounts()
            for container in spec["initContainers"]?.arrayValue ?? [] {
                let own = amounts(container, nonZero: nonZero)
                let during = sidecars + own
                initPeak.milliCPU = max(initPeak.milliCPU, during.milliCPU)
                initPeak.memory = max(initPeak.memory, during.memory)
                if container["restartPolicy"]?.stringValue == "Always" { sidecars = sidecars + own }
            }
            sum = sum + sidecars
            sum.milliCPU = max(sum.milliCPU, initPeak.milliCPU)
            sum.memory = max(sum.memory, initPeak.memory)
            if let overhead = spec["overhead"]?.objectValue {
                sum.milliCPU += overhead["cpu"]?.stringValue.map(Quantities.milli) ?? 0
                sum.memory += overhead["memory"]?.stringValue.map(Quantities.units) ?? 0
            }
            sum.pods = 1
            return sum
        }
        return (total(nonZero: false), total(nonZero: true))
    }
}

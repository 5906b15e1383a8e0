import KubeModel

/// What the scheduler knows of a node: its object, parsed, and what the pods bound to it take.
public struct NodeInfo: Sendable {
    public var name: String
    public var labels: [String: String]
    public var taints: [Taint]
    public var unschedulable: Bool
    public var allocatable: ResourceAmounts
    /// What bound pods request (the filter's view).
    public var requested = ResourceAmounts()
    /// Requests with the scoring minimum per container (the scorers' view).
    public var nonZeroRequested = ResourceAmounts()
    /// Host ports taken, with how many pods took each.
    public var usedPorts: [HostPort: Int] = [:]

    public init(name: String, labels: [String: String] = [:], taints: [Taint] = [], unschedulable: Bool = false,
                allocatable: ResourceAmounts) {
        self.name = name
        self.labels = labels
        self.taints = taints
        self.unschedulable = unschedulable
        self.allocatable = allocatable
    }

    /// The node's own fields (the pods' share is kept by the caller across updates).
    public init(_ node: KubeObject) {
        let allocatable = node[path: ["status", "allocatable"]]?.objectValue ?? [:]
        self.init(name: node.name, labels: node.labels,
                  taints: (node[path: ["spec", "taints"]]?.arrayValue ?? []).map(Taint.init),
                  unschedulable: node[path: ["spec", "unschedulable"]]?.boolValue ?? false,
                  allocatable: ResourceAmounts(
                      milliCPU: allocatable["cpu"]?.stringValue.map(Quantities.milli) ?? 0,
                      memory: allocatable["memory"]?.stringValue.map(Quantities.units) ?? 0,
                      pods: allocatable["pods"]?.stringValue.map(Quantities.units) ?? 0))
    }

    /// Counts a bound pod in (`sign` 1) or out (`sign` -1).
    mutating func account(_ pod: PodInfo, sign: Int64) {
        requested.milliCPU += sign * pod.requests.milliCPU
        requested.memory += sign * pod.requests.memory
        requested.pods += sign
        nonZeroRequested.milliCPU += sign * pod.nonZeroRequests.milliCPU
        nonZeroRequested.memory += sign * pod.nonZeroRequests.memory
        nonZeroRequested.pods += sign
        for port in pod.hostPorts {
            let count = (usedPorts[port] ?? 0) + Int(sign)
            usedPorts[port] = count > 0 ? count : nil
        }
    }
}

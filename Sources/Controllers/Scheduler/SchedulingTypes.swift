import KubeModel

/// A node taint (`spec.taints[i]`).
public struct Taint: Equatable, Sendable {
    public var key: String
    public var value: String
    public var effect: String

    public init(key: String, value: String = "", effect: String) {
        self.key = key
        self.value = value
        self.effect = effect
    }

    init(_ json: JSONValue) {
        self.init(key: json["key"]?.stringValue ?? "", value: json["value"]?.stringValue ?? "",
                  effect: json["effect"]?.stringValue ?? "")
    }
}

/// A pod toleration (`spec.tolerations[i]`).
public struct Toleration: Equatable, Sendable {
    public var key: String
    public var `operator`: String
    public var value: String
    public var effect: String

    public init(key: String = "", operator: String = "", value: String = "", effect: String = "") {
        self.key = key
        self.operator = `operator`
        self.value = value
        self.effect = effect
    }

    init(_ json: JSONValue) {
        self.init(key: json["key"]?.stringValue ?? "", operator: json["operator"]?.stringValue ?? "",
                  value: json["value"]?.stringValue ?? "", effect: json["effect"]?.stringValue ?? "")
    }

    /// `v1.Toleration.ToleratesTaint`: an empty effect or key matches any; `Exists` ignores the value.
    public func tolerates(_ taint: Taint) -> Bool {
        if !effect.isEmpty, effect != taint.effect { return false }
        if !key.isEmpty, key != taint.key { return false }
        switch self.operator {
        case "", "Equal": return value == taint.value
        case "Exists": return true
        default: return false
        }
    }
}

/// CPU, memory and pod count, as requested by pods or offered by a node.
public struct ResourceAmounts: Equatable, Sendable {
    public var milliCPU: Int64 = 0
    public var memory: Int64 = 0
    public var pods: Int64 = 0

    public init(milliCPU: Int64 = 0, memory: Int64 = 0, pods: Int64 = 0) {
        self.milliCPU = milliCPU
        self.memory = memory
        self.pods = pods
    }

    static func + (a: Self, b: Self) -> Self {
        Self(milliCPU: a.milliCPU &+ b.milliCPU, memory: a.memory &+ b.memory, pods: a.pods &+ b.pods)
    }

    static func - (a: Self, b: Self) -> Self {
        Self(milliCPU: a.milliCPU &- b.milliCPU, memory: a.memory &- b.memory, pods: a.pods &- b.pods)
    }
}

/// A host port a container asks for (`hostPort`, with its protocol and host IP).
public struct HostPort: Hashable, Sendable {
    public var port: Int
    public var `protocol`: String
    public var hostIP: String

    public init(port: Int, protocol: String = "TCP", hostIP: String = "0.0.0.0") {
        self.port = port
        self.protocol = `protocol`
        self.hostIP = hostIP
    }

    /// `HostPortInfo.CheckConflict`: the same port and protocol, on the same IP or either on 0.0.0.0.
    func conflicts(with other: HostPort) -> Bool {
        port == other.port && self.protocol == other.protocol
            && (hostIP == other.hostIP || hostIP == "0.0.0.0" || other.hostIP == "0.0.0.0")
    }
}

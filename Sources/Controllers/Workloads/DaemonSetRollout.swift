import KubeModel

/// The DaemonSet rolling update's pure decisions (k8s `pkg/controller/daemon/update.go`
/// `rollingUpdate`, `findUpdatedPodsOnNode`, `updatedDesiredNodeCounts`, and the surge branch of
/// `podsShouldBeOnNode`). Nodes are taken in the order given (the real controller walks a Go map,
/// i.e. in random order; the lab walks node names in order).
public enum DaemonSetRollout {
    /// One daemon pod as the rollout sees it.
    public struct Pod: Equatable, Sendable {
        public var name: String
        public var available: Bool
        public init(_ name: String, available: Bool) {
            self.name = name
            self.available = available
        }
    }

    /// A node's non-terminating daemon pods split by template: at most one of each, or `excess`.
    public struct Node: Equatable, Sendable {
        public var name: String
        public var shouldRun: Bool
        public var newPod: Pod?
        public var oldPod: Pod?
        /// More than one new or more than one old pod: left to the manage loop this round.
        public var excess: Bool
        public init(_ name: String, shouldRun: Bool = true, new newPod: Pod? = nil, old oldPod: Pod? = nil, excess: Bool = false) {
            self.name = name
            self.shouldRun = shouldRun
            self.newPod = newPod
            self.oldPod = oldPod
            self.excess = excess
        }
    }

    /// What one rolling-update step does: old pods to delete, nodes to start a new pod on.
    public struct Step: Equatable, Sendable {
        public var delete: [String] = []
        public var createOn: [String] = []
        public init(delete: [String] = [], createOn: [String] = []) {
            self.delete = delete
            self.createOn = createOn
        }
    }

    /// (maxSurge, maxUnavailable) resolved against the desired count, percentages rounded up; both 0
    /// (a configuration validation refuses) falls back to unavailable 1.
    public static func limits(_ strategy: JSONValue?, desired: Int) -> (surge: Int, unavailable: Int) {
        let rolling = strategy?["rollingUpdate"]
        let unavailable = DeploymentDecisions.scaled(rolling?["maxUnavailable"], total: desired, default: "1", roundUp: true)
        let surge = DeploymentDecisions.scaled(rolling?["maxSurge"], total: desired, default: "0", roundUp: true)
        if desired > 0, unavailable == 0, surge == 0 { return (0, 1) }
        return (surge, unavailable)
    }

    /// Whether the strategy lets a node hold an old and a new pod at once (`AllowsSurge`).
    public static func allowsSurge(_ strategy: JSONValue?) -> Bool {
        guard strategy?["type"]?.stringValue ?? "RollingUpdate" == "RollingUpdate" else { return false }
        return DeploymentDecisions.scaled(strategy?[path: ["rollingUpdate", "maxSurge"]], total: 1, default: "0", roundUp: true) > 0
    }

    /// `rollingUpdate`: `nodes` are the nodes with daemon pods plus the desired nodes without any.
    public static func step(_ nodes: [Node], maxSurge: Int, maxUnavailable: Int, desired: Int) -> Step {
        maxSurge == 0 ? withoutSurge(nodes, maxUnavailable: maxUnavailable) : withSurge(nodes, maxSurge: maxSurge, desired: desired)
    }

    /// Delete just enough old pods to stay within maxUnavailable; the manage loop creates their
    /// replacements. Unavailable old pods go regardless.
    static func withoutSurge(_ nodes: [Node], maxUnavailable: Int) -> Step {
        var unavailable = 0
        var replacements: [String] = []
        var candidates: [String] = []
        for node in nodes {
            if node.excess { unavailable += 1; continue }
            switch (node.newPod, node.oldPod) {
            case (nil, nil), (.some, .some):
                unavailable += 1
            case (let new?, nil):
                if !new.available { unavailable += 1 }
            case (nil, let old?):
                if !old.available {
                    replacements.append(old.name)
                    unavailable += 1
                } else if unavailable < maxUnavailable {
                    candidates.append(old.name)
                }
            }
        }
        let room = min(max(0, maxUnavailable - unavailable), candidates.count)
        return Step(delete: replacements + candidates.prefix(room))
    }

    /// Start new pods beside old ones (at most maxSurge waiting at a time; at once where the old pod
    /// is unavailable) and delete each old pod once its new pod is available.
    static func withSurge(_ nodes: [Node], maxSurge: Int, desired: Int) -> Step {
        var delete: [String] = []
        var shouldNotRun: [String] = []
        var candidates: [String] = []
        var allowed: [String] = []
        var surging = 0
        var available = 0
        for node in nodes {
            if node.excess { surging += 1; continue }
            if let old = node.oldPod { if old.available { available += 1 } } else if let new = node.newPod, new.available { available += 1 }
            guard let old = node.oldPod else { continue }
            if let new = node.newPod {
                if !new.available { surging += 1; continue }
                delete.append(old.name)
            } else if !old.available {
                if node.shouldRun { allowed.append(node.name) } else { delete.append(old.name) }
            } else if !node.shouldRun {
                shouldNotRun.append(old.name)
            } else if surging < maxSurge {
                candidates.append(node.name)
            }
        }
        // A pod on a node it should leave goes only once enough pods are available elsewhere.
        let deletable = min(max(0, available - desired), shouldNotRun.count)
        delete += shouldNotRun.prefix(deletable)
        let room = min(max(0, maxSurge - surging), candidates.count)
        return Step(delete: delete, createOn: allowed + candidates.prefix(room))
    }

    /// The manage loop on a surging node (pods oldest first, not terminating, not failed): keep the
    /// oldest new and the oldest old pod, the old one only while it is ready and the new one is not
    /// yet available. Returns the pods to delete.
    public static func surgeExcess(_ pods: [(name: String, isNew: Bool, ready: Bool, available: Bool)]) -> [String] {
        var delete: [String] = []
        var oldestNew: (name: String, isNew: Bool, ready: Bool, available: Bool)?
        var oldestOld: (name: String, isNew: Bool, ready: Bool, available: Bool)?
        for pod in pods {
            if pod.isNew, oldestNew == nil { oldestNew = pod; continue }
            if !pod.isNew, oldestOld == nil { oldestOld = pod; continue }
            delete.append(pod.name)
        }
        if let new = oldestNew, let old = oldestOld, !old.ready || new.available { delete.append(old.name) }
        return delete
    }
}

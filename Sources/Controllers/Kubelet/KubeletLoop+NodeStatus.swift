import APIStore
import KubeModel

/// The node status a started kubelet posts: its conditions back to healthy and Ready, with the
/// `NodeReady` event when Ready turns True again (setters in pkg/kubelet/nodestatus/setters.go).
extension KubeletLoop {
    /// Seconds from the kubelet's start to its first Ready status (runtime and network checks).
    static let readyAfter = 4.0

    /// The healthy value of each condition the kubelet owns: status, reason, message.
    static let healthyConditions: [String: (String, String, String)] = [
        "MemoryPressure": ("False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        "DiskPressure": ("False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        "PIDPressure": ("False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        "Ready": ("True", "KubeletReady", "kubelet is posting ready status"),
    ]

    /// A restarted kubelet owes its node a status once it has warmed up.
    func scheduleNodeStatus(_ node: String) {
        context.after(seconds: Self.readyAfter) { [weak self] in
            guard let self, nodes[node]?.running == true else { return }
            nodeStatusOwed.insert(node)
        }
    }

    /// Writes the owed node statuses (the API server is up).
    func postNodeStatuses() {
        let owed = nodeStatusOwed.sorted()
        nodeStatusOwed = []
        for name in owed where nodes[name]?.running == true { postNodeStatus(name) }
    }

    private func postNodeStatus(_ name: String) {
        guard let nodeType = store.resources.type(key: "nodes") else { return }
        guard var node = store.object(nodeType, namespace: "", name: name) else {
            // registerWithAPIServer: once per start; a Node deleted while the kubelet runs stays gone until it restarts.
            if nodes[name]?.registered == false, let register = registerNode {
                nodes[name]?.registered = true
                register(name)
                if store.object(nodeType, namespace: "", name: name) != nil { nodeStatusOwed.insert(name) }
            }
            return
        }
        nodes[name]?.registered = true
        let expected = expectedConditions(name)
        let stamp = Timestamp.rfc3339(nanoseconds: now)
        // Heartbeats alone are not written (a real kubelet renews a Lease every 10 s instead).
        let healthy = (node[path: ["status", "conditions"]]?.arrayValue ?? []).allSatisfy { condition in
            guard let type = condition["type"]?.stringValue, let expected = expected[type] else { return true }
            return condition["status"]?.stringValue == expected.0 && condition["reason"]?.stringValue == expected.1
        }
        if healthy { return }
        var becameReady = false
        let conditions = (node[path: ["status", "conditions"]]?.arrayValue ?? []).map { condition -> JSONValue in
            guard let type = condition["type"]?.stringValue, let (status, reason, message) = expected[type] else {
                return condition
            }
            var condition = condition
            condition["lastHeartbeatTime"] = .string(stamp)
            if condition["status"]?.stringValue != status {
                condition["lastTransitionTime"] = .string(stamp)
                if type == "Ready" { becameReady = true }
            }
            condition["status"] = .string(status)
            condition["reason"] = .string(reason)
            condition["message"] = .string(message)
            return condition
        }
        node[path: ["status", "conditions"]] = .array(conditions)
        guard let stored = try? store.update(node, subresource: .status) else { return }
        if becameReady { nodeBecameReady?(name) }
        if becameReady {
            store.recordEvent(regarding: stored, reason: "NodeReady", message: "Node \(name) status is now: NodeReady",
                              component: "kubelet", host: name)
        }
    }
}

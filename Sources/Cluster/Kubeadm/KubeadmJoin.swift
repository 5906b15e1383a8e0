import APIStore
import KubeModel

/// The Node object of a worker that runs `kubeadm join` while the lab runs: registered NotReady
/// (no CNI on it yet) with the `not-ready` taint, Ready once canal's network is up on it.
extension KubeadmCluster {
    static let notReadyTaint: JSONValue = ["effect": "NoSchedule", "key": "node.kubernetes.io/not-ready"]
    static let cniMessage = "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady "
        + "message:Network plugin returns error: cni plugin not initialized"

    /// Registers `spec` now, as its kubelet does on its first start after the join.
    mutating func registerJoined(_ spec: WorldDescription.NodeSpec, index: Int, controlPlane: WorldDescription.NodeSpec) {
        let joined = (store.clock.now - initTime) / 1_000_000_000
        installNode(spec, index: index, controlPlane: controlPlane, joined: joined)
        guard let type = store.resources.type(key: "nodes"), var node = store.object(type, namespace: "", name: spec.name) else { return }
        let now = JSONValue.string(Timestamp.rfc3339(nanoseconds: store.clock.now))
        let conditions = (node[path: ["status", "conditions"]]?.arrayValue ?? []).compactMap { condition -> JSONValue? in
            var condition = condition
            condition["lastHeartbeatTime"] = now
            condition["lastTransitionTime"] = now
            switch condition["type"]?.stringValue {
            case "NetworkUnavailable": return nil
            case "Ready":
                condition["status"] = "False"
                condition["reason"] = "KubeletNotReady"
                condition["message"] = .string(Self.cniMessage)
            default: break
            }
            return condition
        }
        node[path: ["status", "conditions"]] = .array(conditions)
        node[path: ["spec", "taints"]] = .array((node[path: ["spec", "taints"]]?.arrayValue ?? []) + [Self.notReadyTaint])
        guard var stored = try? store.update(node) else { return }
        stored[path: ["status", "conditions"]] = .array(conditions)
        stored = (try? store.update(stored, subresource: .status)) ?? stored
        for (reason, message) in [("Starting", "Starting kubelet."),
                                  ("NodeHasSufficientMemory", "Node \(spec.name) status is now: NodeHasSufficientMemory"),
                                  ("NodeHasNoDiskPressure", "Node \(spec.name) status is now: NodeHasNoDiskPressure"),
                                  ("NodeHasSufficientPID", "Node \(spec.name) status is now: NodeHasSufficientPID"),
                                  ("NodeAllocatableEnforced", "Updated Node Allocatable limit across pods")] {
            store.recordEvent(regarding: stored, reason: reason, message: message, component: "kubelet", host: spec.name)
        }
        store.recordEvent(regarding: stored, reason: "RegisteredNode",
                          message: "Node \(spec.name) event: Registered Node \(spec.name) in Controller", component: "node-controller")
    }

    /// `name` turned Ready: flannel (canal) reports its network up (NetworkUnavailable False) and the
    /// node lifecycle controller lifts the `not-ready` taint. Writes only what changes.
    static func networkReady(_ name: String, store: APIStore) {
        guard let type = store.resources.type(key: "nodes"), let node = store.object(type, namespace: "", name: name) else { return }
        let now = JSONValue.string(Timestamp.rfc3339(nanoseconds: store.clock.now))
        var stored = node
        let conditions = node[path: ["status", "conditions"]]?.arrayValue ?? []
        if !conditions.contains(where: { $0["type"]?.stringValue == "NetworkUnavailable" }) {
            let flannel: JSONValue = ["lastHeartbeatTime": now, "lastTransitionTime": now, "message": "Flannel is running on this node",
                                      "reason": "FlannelIsUp", "status": "False", "type": "NetworkUnavailable"]
            var withStatus = node
            withStatus[path: ["status", "conditions"]] = .array([flannel] + conditions)
            stored = (try? store.update(withStatus, subresource: .status)) ?? node
        }
        let taints = stored[path: ["spec", "taints"]]?.arrayValue ?? []
        guard taints.contains(notReadyTaint) else { return }
        var untainted = stored
        let kept = taints.filter { $0 != notReadyTaint }
        untainted[path: ["spec", "taints"]] = kept.isEmpty ? nil : .array(kept)
        _ = try? store.update(untainted)
    }
}

import APIStore
import KubeModel

/// Node objects as the kubelet registers them and kubeadm, the node controller and canal annotate them.
extension KubeadmCluster {
    static let criSocket = "unix:///var/run/containerd/containerd.sock"
    static let containerRuntime = "containerd://1.7.24"
    static let osImage = "Ubuntu 24.04.1 LTS"
    static let kernelVersion = "6.8.0-51-generic"

    /// `joined`: seconds after init the kubelet registered (nil: at init, workers a minute later).
    mutating func installNode(_ spec: WorldDescription.NodeSpec, index: Int, controlPlane: WorldDescription.NodeSpec,
                              joined: Int64? = nil) {
        let isControlPlane = spec.role == .controlPlane
        // Workers join a minute after init; the control plane registers at once.
        let joined: Int64 = joined ?? (isControlPlane ? 5 : 60 + Int64(index))
        var labels: JSONObject = [
            "beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
            "kubernetes.io/hostname": .string(spec.name), "kubernetes.io/os": "linux",
        ]
        if isControlPlane {
            labels["node-role.kubernetes.io/control-plane"] = ""
            labels["node.kubernetes.io/exclude-from-external-load-balancers"] = ""
        }
        for (key, value) in spec.labels.sorted(by: { $0.key < $1.key }) { labels[key] = .string(value) }
        let mac = (0..<6).map { _ in String(hex(2)) }.joined(separator: ":")
        let annotations: JSONObject = [
            "flannel.alpha.coreos.com/backend-data": .string("{\"VNI\":1,\"VtepMAC\":\"\(mac)\"}"),
            "flannel.alpha.coreos.com/backend-type": "vxlan",
            "flannel.alpha.coreos.com/kube-subnet-manager": "true",
            "flannel.alpha.coreos.com/public-ip": .string(spec.address),
            "kubeadm.alpha.kubernetes.io/cri-socket": .string(Self.criSocket),
            "node.alpha.kubernetes.io/ttl": "0",
            "projectcalico.org/IPv4Address": .string(spec.address + "/24"),
            "volumes.kubernetes.io/controller-managed-attach-detach": "true",
        ]
        var nodeSpec: JSONObject = [:]
        if let cidr = podCIDR(index: index) {
            nodeSpec["podCIDR"] = .string(cidr)
            nodeSpec["podCIDRs"] = [.string(cidr)]
        }
        let taints = spec.effectiveTaints
        if !taints.isEmpty { nodeSpec["taints"] = .array(taints.map(\.json)) }
        let node: JSONValue = [
            "apiVersion": "v1", "kind": "Node",
            "metadata": ["annotations": .object(annotations), "labels": .object(labels), "name": .string(spec.name)],
            "spec": .object(nodeSpec),
            "status": status(of: spec, joined: joined),
        ]
        if let stored = add(node, at: joined) { nodeUIDs[spec.name] = stored.uid }
    }

    /// A healthy node: 2 CPUs, 4 GiB, 110 pods, containerd, Ubuntu 24.04.
    private mutating func status(of spec: WorldDescription.NodeSpec, joined: Int64) -> JSONValue {
        let memoryKi = 4_020_232
        let diskKi = 20_134_592
        let capacity: JSONObject = [
            "cpu": "2", "ephemeral-storage": .string("\(diskKi)Ki"), "hugepages-1Gi": "0", "hugepages-2Mi": "0",
            "memory": .string("\(memoryKi)Ki"), "pods": "110",
        ]
        // Allocatable = capacity minus kubelet's default hard eviction thresholds (100Mi memory, 10% disk).
        var allocatable = capacity
        allocatable["ephemeral-storage"] = .string(String(diskKi * 1024 / 10 * 9))
        allocatable["memory"] = .string("\(memoryKi - 102_400)Ki")
        let heartbeat = JSONValue.string(Timestamp.rfc3339(nanoseconds: store.clock.now - 47 * 1_000_000_000))
        func condition(_ type: String, _ status: String, _ reason: String, _ message: String, since: Int64) -> JSONValue {
            ["lastHeartbeatTime": heartbeat, "lastTransitionTime": stamp(since), "message": .string(message),
             "reason": .string(reason), "status": .string(status), "type": .string(type)]
        }
        let conditions: [JSONValue] = [
            condition("NetworkUnavailable", "False", "FlannelIsUp", "Flannel is running on this node", since: joined + 40),
            condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", since: joined),
            condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", since: joined),
            condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", since: joined),
            condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", since: joined + 45),
        ]
        let features: JSONValue = ["recursiveReadOnlyMounts": true, "userNamespaces": true]
        return [
            "addresses": [["address": .string(spec.address), "type": "InternalIP"],
                          ["address": .string(spec.name), "type": "Hostname"]],
            "allocatable": .object(allocatable),
            "capacity": .object(capacity),
            "conditions": .array(conditions),
            "daemonEndpoints": ["kubeletEndpoint": ["Port": 10250]],
            "nodeInfo": [
                "architecture": "amd64", "bootID": .string(uuid()), "containerRuntimeVersion": .string(Self.containerRuntime),
                "kernelVersion": .string(Self.kernelVersion), 
                "kubeletVersion": .string(kubernetesVersion), "machineID": .string(hex(32)), "operatingSystem": "linux",
                "osImage": .string(Self.osImage), "systemUUID": .string(uuid()),
            ],
            "runtimeHandlers": [["features": features, "name": "runc"], ["features": features, "name": ""]],
        ]
    }

    mutating func installNamespaces() {
        for (name, offset) in [("default", 0), ("kube-node-lease", 0), ("kube-public", 0), ("kube-system", 0)] {
            add(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)],
                 "spec": ["finalizers": ["kubernetes"]], "status": ["phase": "Active"]], at: Int64(offset))
        }
    }

    mutating func installPriorityClasses() {
        let classes: [(String, Int, String)] = [
            ("system-cluster-critical", 2_000_000_000,
             "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary."),
            ("system-node-critical", 2_000_001_000, "Used for system critical pods that must not be moved from their current node."),
        ]
        for (name, value, text) in classes {
            add(["apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass", "description": .string(text),
                 "metadata": ["name": .string(name)], "preemptionPolicy": "PreemptLowerThanOrEqual", "value": .int(value)],
                at: 0)
        }
    }
}

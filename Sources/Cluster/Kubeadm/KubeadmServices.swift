import APIStore
import Controllers
import KubeModel

/// The `kubernetes` and `kube-dns` Services with their Endpoints and EndpointSlices, and the leases.
extension KubeadmCluster {
    mutating func installServices(controlPlane: WorldDescription.NodeSpec) {
        let apiPort: JSONValue = ["name": "https", "port": 443, "protocol": "TCP", "targetPort": 6443]
        add(service("kubernetes", "default", ip: "10.96.0.1", ports: [apiPort], selector: nil,
                    labels: ["component": "apiserver", "provider": "kubernetes"]), at: 9)
        add(["apiVersion": "v1", "kind": "Endpoints",
             "metadata": ["labels": ["endpointslice.kubernetes.io/skip-mirror": "true"], "name": "kubernetes",
                          "namespace": "default"],
             "subsets": [["addresses": [["ip": .string(controlPlane.address)]],
                          "ports": [["name": "https", "port": 6443, "protocol": "TCP"]]]]], at: 9)
        add(["addressType": "IPv4", "apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
             "endpoints": [["addresses": [.string(controlPlane.address)], "conditions": ["ready": true]]],
             "metadata": ["labels": ["kubernetes.io/service-name": "kubernetes"], "name": "kubernetes",
                          "namespace": "default"],
             "ports": [["name": "https", "port": 6443, "protocol": "TCP"]]], at: 9)

        let dnsPorts: [JSONValue] = [["name": "dns", "port": 53, "protocol": "UDP", "targetPort": 53],
                                     ["name": "dns-tcp", "port": 53, "protocol": "TCP", "targetPort": 53],
                                     ["name": "metrics", "port": 9153, "protocol": "TCP", "targetPort": 9153]]
        guard let dns = add(service("kube-dns", "kube-system", ip: "10.96.0.10", ports: dnsPorts,
                                    selector: ["k8s-app": "kube-dns"],
                                    labels: ["k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true",
                                             "kubernetes.io/name": "CoreDNS"],
                                    annotations: ["prometheus.io/port": "9153", "prometheus.io/scrape": "true"]),
                            at: 30) else { return }
        guard let podType = store.resources.type(key: "pods") else { return }
        let pods = store.list(podType, ListOptions(namespace: "kube-system", labels: [.equals("k8s-app", "kube-dns")]))
        let addresses: [JSONValue] = pods.map { pod in
            ["ip": pod[path: ["status", "podIP"]] ?? "", "nodeName": pod[path: ["spec", "nodeName"]] ?? "",
             "targetRef": ["kind": "Pod", "name": .string(pod.name), "namespace": "kube-system", "uid": .string(pod.uid)]]
        }
        let endpointPorts: [JSONValue] = [["name": "dns-tcp", "port": 53, "protocol": "TCP"],
                                          ["name": "dns", "port": 53, "protocol": "UDP"],
                                          ["name": "metrics", "port": 9153, "protocol": "TCP"]]
        add(["apiVersion": "v1", "kind": "Endpoints",
             "metadata": ["labels": dns.content[path: ["metadata", "labels"]] ?? .emptyObject, "name": "kube-dns",
                          "namespace": "kube-system"],
             "subsets": [["addresses": .array(addresses), "ports": .array(endpointPorts)]]], at: 150)
        let endpoints: [JSONValue] = pods.map { pod in
            ["addresses": [pod[path: ["status", "podIP"]] ?? ""],
             "conditions": ["ready": true, "serving": true, "terminating": false],
             "nodeName": pod[path: ["spec", "nodeName"]] ?? "",
             "targetRef": ["kind": "Pod", "name": .string(pod.name), "namespace": "kube-system", "uid": .string(pod.uid)]]
        }
        var sliceLabels = dns.content[path: ["metadata", "labels"]]?.objectValue ?? [:]
        sliceLabels["endpointslice.kubernetes.io/managed-by"] = "endpointslice-controller.k8s.io"
        sliceLabels["kubernetes.io/service-name"] = "kube-dns"
        add(["addressType": "IPv4", "apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
             "endpoints": .array(endpoints),
             "metadata": ["annotations": ["endpoints.kubernetes.io/last-change-trigger-time": stamp(150)],
                          "generateName": "kube-dns-", "labels": .object(sliceLabels), "namespace": "kube-system",
                          "ownerReferences": [ownerReference(dns)]],
             "ports": [["name": "dns-tcp", "port": 53, "protocol": "TCP"], ["name": "dns", "port": 53, "protocol": "UDP"],
                       ["name": "metrics", "port": 9153, "protocol": "TCP"]]], at: 150)
    }

    private func service(_ name: String, _ namespace: String, ip: String, ports: [JSONValue], selector: JSONObject?,
                         labels: JSONObject, annotations: JSONObject = [:]) -> JSONValue {
        var metadata: JSONObject = [:]
        if !annotations.isEmpty { metadata["annotations"] = .object(annotations) }
        metadata["labels"] = .object(labels)
        metadata["name"] = .string(name)
        metadata["namespace"] = .string(namespace)
        var spec: JSONObject = ["clusterIP": .string(ip), "clusterIPs": [.string(ip)], "internalTrafficPolicy": "Cluster",
                                "ipFamilies": ["IPv4"], "ipFamilyPolicy": "SingleStack", "ports": .array(ports)]
        if let selector { spec["selector"] = .object(selector) }
        spec["sessionAffinity"] = "None"
        spec["type"] = "ClusterIP"
        return ["apiVersion": "v1", "kind": "Service", "metadata": .object(metadata), "spec": .object(spec),
                "status": ["loadBalancer": .emptyObject]]
    }

    mutating func installLeases(controlPlane: WorldDescription.NodeSpec) {
        let renew = JSONValue.string(Timestamp.rfc3339Nano(nanoseconds: store.clock.now - 3_218_000_000))
        for node in description.nodes {
            add(["apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
                 "metadata": ["name": .string(node.name), "namespace": "kube-node-lease",
                              "ownerReferences": [["apiVersion": "v1", "kind": "Node", "name": .string(node.name),
                                                   "uid": .string(nodeUIDs[node.name] ?? "")]]],
                 "spec": ["holderIdentity": .string(node.name), "leaseDurationSeconds": 40, "renewTime": renew]], at: 6)
        }
        for component in ["kube-controller-manager", "kube-scheduler"] {
            add(["apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
                 "metadata": ["name": .string(component), "namespace": "kube-system"],
                 "spec": ["acquireTime": .string(Timestamp.rfc3339Nano(nanoseconds: time(25) + 123_456_000)),
                          "holderIdentity": .string(controlPlane.name + "_" + uuid()), "leaseDurationSeconds": 15,
                          "leaseTransitions": 0, "renewTime": renew]], at: 25)
        }
        let apiserverLease = "apiserver-" + StaticPodSource.hex(of: controlPlane.name, length: 26)
        add(["apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
             "metadata": ["labels": ["apiserver.kubernetes.io/identity": "kube-apiserver",
                                     "kubernetes.io/hostname": .string(controlPlane.name)],
                          "name": .string(apiserverLease), "namespace": "kube-system"],
             "spec": ["holderIdentity": .string(apiserverLease + "_" + uuid()), "leaseDurationSeconds": 3600,
                      "renewTime": renew]], at: 8)
    }
}

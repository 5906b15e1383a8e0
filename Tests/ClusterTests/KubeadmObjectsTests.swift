import APIStore
import Cluster
import KubeModel
import Testing

/// The API objects of a fresh kubeadm world, as a real kubeadm v1.32 cluster with canal holds them.
struct KubeadmObjectsTests {
    let world = World()
    var store: APIStore { world.store }

    private func type(_ name: String) throws -> ResourceType { try #require(ResourceTable.standard.lookup(name)) }

    private func names(_ resource: String, _ namespace: String? = nil) throws -> [String] {
        store.list(try type(resource), ListOptions(namespace: namespace)).map(\.name)
    }

    @Test func namespacesAndNodes() throws {
        #expect(try names("ns") == ["default", "kube-node-lease", "kube-public", "kube-system"])
        let system = try store.get(try type("ns"), namespace: "", name: "kube-system")
        #expect(system.labels == ["kubernetes.io/metadata.name": "kube-system"])
        #expect(system[path: ["metadata", "creationTimestamp"]] == "2025-12-11T09:00:00Z")
        #expect(try names("nodes") == ["controlplane", "node01"])
        let controlplane = try store.get(try type("no"), namespace: "", name: "controlplane")
        #expect(controlplane.labels == [
            "beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
            "kubernetes.io/hostname": "controlplane", "kubernetes.io/os": "linux",
            "node-role.kubernetes.io/control-plane": "", "node.kubernetes.io/exclude-from-external-load-balancers": "",
        ])
        #expect(controlplane[path: ["spec", "taints"]] == [["effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"]])
        #expect(controlplane[path: ["spec", "podCIDR"]] == "192.168.0.0/24")
        #expect(controlplane.annotations["kubeadm.alpha.kubernetes.io/cri-socket"] == "unix:///var/run/containerd/containerd.sock")
        #expect(controlplane[path: ["status", "nodeInfo", "kubeletVersion"]] == "v1.32.4")
        #expect(controlplane[path: ["status", "addresses"]] == [["address": "172.30.1.2", "type": "InternalIP"],
                                                               ["address": "controlplane", "type": "Hostname"]])
        let conditions = controlplane[path: ["status", "conditions"]]?.arrayValue ?? []
        let ready = try #require(conditions.first { $0["type"] == "Ready" })
        #expect(ready["status"] == "True" && ready["reason"] == "KubeletReady" && ready["message"] == "kubelet is posting ready status")
        let node01 = try store.get(try type("no"), namespace: "", name: "node01")
        #expect(node01[path: ["spec", "taints"]] == nil && node01[path: ["spec", "podCIDR"]] == "192.168.1.0/24")
        #expect(node01.labels["node-role.kubernetes.io/control-plane"] == nil)
    }

    @Test func kubeSystemPodsAreTheSeedsOnes() throws {
        let pods = try names("po", "kube-system")
        #expect(pods.count == 11)
        #expect(pods.filter { $0.hasPrefix("coredns-668d6bf9bc-") }.count == 2)
        #expect(pods.filter { $0.hasPrefix("canal-") }.count == 2)
        #expect(pods.filter { $0.hasPrefix("kube-proxy-") }.count == 2)
        #expect(pods.filter { $0.hasPrefix("calico-kube-controllers-") }.count == 1)
        for mirror in ["etcd-controlplane", "kube-apiserver-controlplane", "kube-controller-manager-controlplane",
                       "kube-scheduler-controlplane"] {
            #expect(pods.contains(mirror))
        }
        #expect(pods == pods.sorted())
        for pod in store.list(try type("po")) {
            #expect(pod[path: ["status", "phase"]] == "Running")
            for status in pod[path: ["status", "containerStatuses"]]?.arrayValue ?? [] {
                #expect(status["ready"] == true && status["restartCount"] == 0 && status["started"] == true)
                #expect(status["containerID"]?.stringValue?.count == "containerd://".count + 64)
            }
        }
    }

    @Test func mirrorPodsAgreeWithTheManifestFiles() throws {
        let apiserver = try store.get(try type("po"), namespace: "kube-system", name: "kube-apiserver-controlplane")
        let annotations = apiserver.annotations
        #expect(annotations["kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint"] == "172.30.1.2:6443")
        #expect(annotations["kubernetes.io/config.source"] == "file")
        #expect(annotations["kubernetes.io/config.hash"]?.count == 32)
        #expect(annotations["kubernetes.io/config.hash"] == annotations["kubernetes.io/config.mirror"])
        let node = try store.get(try type("no"), namespace: "", name: "controlplane")
        #expect(apiserver[path: ["metadata", "ownerReferences"]] == [["apiVersion": "v1", "controller": true, "kind": "Node",
                                                                      "name": "controlplane", "uid": .string(node.uid)]])
        #expect(apiserver.labels == ["component": "kube-apiserver", "tier": "control-plane"])
        #expect(apiserver[path: ["spec", "priorityClassName"]] == "system-node-critical")
        #expect(apiserver[path: ["spec", "hostNetwork"]] == true && apiserver[path: ["spec", "nodeName"]] == "controlplane")
        #expect(apiserver[path: ["spec", "priority"]] == 2_000_001_000)
        let command = apiserver[path: ["spec", "containers"]]?.arrayValue?.first?["command"]?.arrayValue ?? []
        #expect(command.count == 28 && command.first == "kube-apiserver" && command.contains("--advertise-address=172.30.1.2"))
        #expect(apiserver[path: ["status", "podIP"]] == "172.30.1.2" && apiserver[path: ["status", "hostIP"]] == "172.30.1.2")
        let etcd = try store.get(try type("po"), namespace: "kube-system", name: "etcd-controlplane")
        #expect(etcd.annotations["kubeadm.kubernetes.io/etcd.advertise-client-urls"] == "https://172.30.1.2:2379")
        #expect(etcd[path: ["spec", "containers"]]?.arrayValue?.first?["image"] == "registry.k8s.io/etcd:3.5.16-0")
    }

    @Test func kubeProxyDaemonSetAndItsPods() throws {
        let daemonSet = try store.get(try type("ds"), namespace: "kube-system", name: "kube-proxy")
        #expect(daemonSet[path: ["status", "desiredNumberScheduled"]] == 2 && daemonSet[path: ["status", "numberReady"]] == 2)
        #expect(daemonSet[path: ["spec", "template", "spec", "nodeSelector"]] == ["kubernetes.io/os": "linux"])
        #expect(daemonSet.annotations["deprecated.daemonset.template.generation"] == "1")
        let pods = store.list(try type("po"), ListOptions(namespace: "kube-system", labels: [.equals("k8s-app", "kube-proxy")]))
        #expect(pods.compactMap { $0[path: ["spec", "nodeName"]]?.stringValue }.sorted() == ["controlplane", "node01"])
        for pod in pods {
            #expect(pod.name.count == "kube-proxy-".count + 5)
            #expect(pod[path: ["status", "podIP"]] == pod[path: ["status", "hostIP"]])
            #expect(pod[path: ["metadata", "ownerReferences"]]?.arrayValue?.first?["uid"] == .string(daemonSet.uid))
            #expect(pod.labels["pod-template-generation"] == "1" && pod.labels["controller-revision-hash"] != nil)
        }
        let revisions = try names("controllerrevisions", "kube-system")
        #expect(revisions.count == 2 && revisions.contains { $0.hasPrefix("kube-proxy-") })
        let canal = store.list(try type("po"), ListOptions(labels: [.equals("k8s-app", "canal")]))
        #expect(canal.count == 2 && canal.allSatisfy { $0[path: ["status", "containerStatuses"]]?.arrayValue?.count == 2 })
    }

    @Test func coreDNSDeploymentServicesAndConfig() throws {
        let deployment = try store.get(try type("deploy"), namespace: "kube-system", name: "coredns")
        #expect(deployment[path: ["status", "readyReplicas"]] == 2 && deployment[path: ["spec", "replicas"]] == 2)
        #expect(try names("rs", "kube-system").contains("coredns-668d6bf9bc"))
        let dnsPods = store.list(try type("po"), ListOptions(labels: [.equals("k8s-app", "kube-dns")]))
        #expect(dnsPods.map { $0[path: ["status", "podIP"]]?.stringValue ?? "" }.sorted() == ["192.168.0.3", "192.168.1.2"])
        let kubernetes = try store.get(try type("svc"), namespace: "default", name: "kubernetes")
        #expect(kubernetes[path: ["spec", "clusterIP"]] == "10.96.0.1")
        let dns = try store.get(try type("svc"), namespace: "kube-system", name: "kube-dns")
        #expect(dns[path: ["spec", "clusterIP"]] == "10.96.0.10")
        let endpoints = try store.get(try type("ep"), namespace: "kube-system", name: "kube-dns")
        #expect(endpoints[path: ["subsets"]]?.arrayValue?.first?["addresses"]?.arrayValue?.count == 2)
        for namespace in ["default", "kube-node-lease", "kube-public", "kube-system"] {
            #expect(try names("cm", namespace).contains("kube-root-ca.crt"))
            #expect(try names("sa", namespace).contains("default"))
        }
        #expect(try names("cm", "kube-system").contains("kubeadm-config"))
        #expect(try names("cm", "kube-public") == ["cluster-info", "kube-root-ca.crt"])
        #expect(try names("sa", "kube-system").contains("daemon-set-controller"))
        #expect(try names("pc") == ["system-cluster-critical", "system-node-critical"])
        #expect(try names("leases", "kube-node-lease") == ["controlplane", "node01"])
    }

    @Test func sameSeedSameWorld() throws {
        let other = World()
        let pods = try type("po")
        #expect(store.list(pods).map { $0.name + $0.uid } == other.store.list(pods).map { $0.name + $0.uid })
        #expect(store.list(pods) == other.store.list(pods))
    }

    @Test func otherShapesWork() throws {
        let large = World(.large(workers: 3))
        #expect(large.store.list(try type("no")).map(\.name) == ["controlplane", "node01", "node02", "node03"])
        #expect(large.store.list(try type("po"), ListOptions(labels: [.equals("k8s-app", "kube-proxy")])).count == 4)
    }
}

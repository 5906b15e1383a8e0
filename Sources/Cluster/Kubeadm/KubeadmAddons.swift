import APIStore
import KubeModel

/// kube-proxy and CoreDNS (kubeadm's addons) and canal (the CNI killercoda's clusters run).
extension KubeadmCluster {
    static let calicoVersion = "v3.29.1"

    mutating func installKubeProxy() {
        let labels: JSONObject = ["k8s-app": "kube-proxy"]
        let spec: JSONValue = [
            "containers": [[
                "command": ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf",
                            "--hostname-override=$(NODE_NAME)"],
                "env": [["name": "NODE_NAME", "valueFrom": ["fieldRef": ["apiVersion": "v1", "fieldPath": "spec.nodeName"]]]],
                "image": .string("registry.k8s.io/kube-proxy:\(kubernetesVersion)"), "imagePullPolicy": "IfNotPresent",
                "name": "kube-proxy", "resources": .emptyObject, "securityContext": ["privileged": true],
                "volumeMounts": [["mountPath": "/var/lib/kube-proxy", "name": "kube-proxy"],
                                 ["mountPath": "/run/xtables.lock", "name": "xtables-lock"],
                                 ["mountPath": "/lib/modules", "name": "lib-modules", "readOnly": true]],
            ]],
            "hostNetwork": true, "nodeSelector": ["kubernetes.io/os": "linux"],
            "priorityClassName": "system-node-critical", "serviceAccountName": "kube-proxy",
            "tolerations": [["key": "CriticalAddonsOnly", "operator": "Exists"], ["operator": "Exists"]],
            "volumes": [["configMap": ["name": "kube-proxy"], "name": "kube-proxy"],
                        ["hostPath": ["path": "/run/xtables.lock", "type": "FileOrCreate"], "name": "xtables-lock"],
                        ["hostPath": ["path": "/lib/modules", "type": ""], "name": "lib-modules"]],
        ]
        daemonSet(name: "kube-proxy", namespace: "kube-system", labels: labels,
                  template: Template(labels: labels, spec: spec), nodes: description.nodes, created: 30)
    }

    mutating func installCanal(controlPlane: WorldDescription.NodeSpec) {
        let labels: JSONObject = ["k8s-app": "canal"]
        let calicoNode = "docker.io/calico/node:\(Self.calicoVersion)"
        func privileged(_ container: JSONValue) -> JSONValue { container.merging(["securityContext": ["privileged": true]]) }
        func env(_ pairs: [(String, String)]) -> JSONValue {
            .array(pairs.map { ["name": .string($0.0), "value": .string($0.1)] })
        }
        let spec: JSONValue = [
            "containers": [
                privileged([
                    "env": env([("DATASTORE_TYPE", "kubernetes"), ("USE_POD_CIDR", "true"), ("WAIT_FOR_DATASTORE", "true"),
                                ("CALICO_NETWORKING_BACKEND", "none"), ("CLUSTER_TYPE", "k8s,canal"),
                                ("FELIX_IPTABLESREFRESHINTERVAL", "60"), ("IP", ""),
                                ("CALICO_DISABLE_FILE_LOGGING", "true"), ("FELIX_DEFAULTENDPOINTTOHOSTACTION", "ACCEPT"),
                                ("FELIX_IPV6SUPPORT", "false"), ("FELIX_HEALTHENABLED", "true")]),
                    "image": .string(calicoNode), "imagePullPolicy": "IfNotPresent",
                    "livenessProbe": ["exec": ["command": ["/bin/calico-node", "-felix-live"]], "failureThreshold": 6,
                                      "initialDelaySeconds": 10, "periodSeconds": 10, "timeoutSeconds": 10],
                    "name": "calico-node",
                    "readinessProbe": ["httpGet": ["host": "localhost", "path": "/readiness", "port": 9099],
                                       "periodSeconds": 10, "timeoutSeconds": 10],
                    "resources": ["requests": ["cpu": "250m"]],
                    "volumeMounts": [["mountPath": "/lib/modules", "name": "lib-modules", "readOnly": true],
                                     ["mountPath": "/run/xtables.lock", "name": "xtables-lock"],
                                     ["mountPath": "/var/run/calico", "name": "var-run-calico"],
                                     ["mountPath": "/var/lib/calico", "name": "var-lib-calico"],
                                     ["mountPath": "/var/run/nodeagent", "name": "policysync"],
                                     ["mountPath": "/var/log/calico/cni", "name": "cni-log-dir", "readOnly": true]],
                ]),
                privileged([
                    "command": ["/opt/bin/flanneld", "--ip-masq", "--kube-subnet-mgr"],
                    "env": [["name": "POD_NAME", "valueFrom": ["fieldRef": ["apiVersion": "v1", "fieldPath": "metadata.name"]]],
                            ["name": "POD_NAMESPACE",
                             "valueFrom": ["fieldRef": ["apiVersion": "v1", "fieldPath": "metadata.namespace"]]],
                            ["name": "FLANNELD_IFACE",
                             "valueFrom": ["configMapKeyRef": ["key": "canal_iface", "name": "canal-config"]]],
                            ["name": "FLANNELD_IP_MASQ",
                             "valueFrom": ["configMapKeyRef": ["key": "masquerade", "name": "canal-config"]]]],
                    "image": "docker.io/flannel/flannel:v0.24.4", "imagePullPolicy": "IfNotPresent",
                    "name": "kube-flannel",
                    "volumeMounts": [["mountPath": "/run/xtables.lock", "name": "xtables-lock"],
                                     ["mountPath": "/etc/kube-flannel/", "name": "flannel-cfg"]],
                ]),
            ],
            "hostNetwork": true,
            "initContainers": [
                privileged([
                    "command": ["/opt/cni/bin/install"],
                    "env": env([("CNI_CONF_NAME", "10-canal.conflist"), ("SLEEP", "false")]),
                    "image": .string("docker.io/calico/cni:\(Self.calicoVersion)"), "imagePullPolicy": "IfNotPresent",
                    "name": "install-cni",
                    "volumeMounts": [["mountPath": "/host/opt/cni/bin", "name": "cni-bin-dir"],
                                     ["mountPath": "/host/etc/cni/net.d", "name": "cni-net-dir"]],
                ]),
                privileged([
                    "command": ["calico-node", "-init", "-best-effort"],
                    "image": .string(calicoNode), "imagePullPolicy": "IfNotPresent", "name": "mount-bpffs",
                    "volumeMounts": [["mountPath": "/sys/fs", "mountPropagation": "Bidirectional", "name": "sys-fs"],
                                     ["mountPath": "/var/run/calico", "mountPropagation": "Bidirectional",
                                      "name": "var-run-calico"],
                                     ["mountPath": "/nodeproc", "name": "nodeproc", "readOnly": true]],
                ]),
            ],
            "nodeSelector": ["kubernetes.io/os": "linux"], "priorityClassName": "system-node-critical",
            "serviceAccountName": "canal", "terminationGracePeriodSeconds": 0,
            "tolerations": [["effect": "NoSchedule", "operator": "Exists"], ["key": "CriticalAddonsOnly", "operator": "Exists"],
                            ["effect": "NoExecute", "operator": "Exists"]],
            "volumes": [
                hostPath("lib-modules", "/lib/modules"), hostPath("var-run-calico", "/var/run/calico", "DirectoryOrCreate"),
                hostPath("var-lib-calico", "/var/lib/calico", "DirectoryOrCreate"),
                hostPath("xtables-lock", "/run/xtables.lock", "FileOrCreate"), hostPath("sys-fs", "/sys/fs/", "DirectoryOrCreate"),
                hostPath("bpffs", "/sys/fs/bpf", "Directory"), hostPath("nodeproc", "/proc"),
                ["configMap": ["name": "canal-config"], "name": "flannel-cfg"],
                hostPath("cni-bin-dir", "/opt/cni/bin", "DirectoryOrCreate"), hostPath("cni-net-dir", "/etc/cni/net.d"),
                hostPath("cni-log-dir", "/var/log/calico/cni"), hostPath("policysync", "/var/run/nodeagent", "DirectoryOrCreate"),
            ],
        ]
        daemonSet(name: "canal", namespace: "kube-system", labels: labels, template: Template(labels: labels, spec: spec),
                  nodes: description.nodes, created: 90)

        let controllerLabels: JSONObject = ["k8s-app": "calico-kube-controllers"]
        let controllerSpec: JSONValue = [
            "containers": [[
                "env": env([("ENABLED_CONTROLLERS", "node"), ("DATASTORE_TYPE", "kubernetes")]),
                "image": .string("docker.io/calico/kube-controllers:\(Self.calicoVersion)"), "imagePullPolicy": "IfNotPresent",
                "livenessProbe": ["exec": ["command": ["/usr/bin/check-status", "-l"]], "failureThreshold": 6,
                                  "initialDelaySeconds": 10, "periodSeconds": 10, "timeoutSeconds": 10],
                "name": "calico-kube-controllers",
                "readinessProbe": ["exec": ["command": ["/usr/bin/check-status", "-r"]], "periodSeconds": 10],
            ]],
            "nodeSelector": ["kubernetes.io/os": "linux"], "priorityClassName": "system-cluster-critical",
            "serviceAccountName": "calico-kube-controllers",
            "tolerations": [["key": "CriticalAddonsOnly", "operator": "Exists"],
                            ["effect": "NoSchedule", "key": "node-role.kubernetes.io/master"],
                            ["effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"]],
        ]
        deployment(name: "calico-kube-controllers", namespace: "kube-system", labels: controllerLabels,
                   template: Template(labels: controllerLabels, spec: controllerSpec), placement: [controlPlane],
                   strategy: ["type": "Recreate"], maxSurge: 0, created: 90)
    }

    private func hostPath(_ name: String, _ path: String, _ type: String = "") -> JSONValue {
        ["hostPath": ["path": .string(path), "type": .string(type)], "name": .string(name)]
    }

    /// CoreDNS's two replicas: spread over the first two nodes (preferred anti-affinity).
    mutating func installCoreDNS() {
        let labels: JSONObject = ["k8s-app": "kube-dns"]
        let spec: JSONValue = [
            "affinity": ["podAntiAffinity": ["preferredDuringSchedulingIgnoredDuringExecution": [[
                "podAffinityTerm": ["labelSelector": ["matchExpressions": [
                    ["key": "k8s-app", "operator": "In", "values": ["kube-dns"]]]],
                                    "topologyKey": "kubernetes.io/hostname"],
                "weight": 100,
            ]]]],
            "containers": [[
                "args": ["-conf", "/etc/coredns/Corefile"],
                "image": "registry.k8s.io/coredns/coredns:v1.11.3", "imagePullPolicy": "IfNotPresent",
                "livenessProbe": ["failureThreshold": 5, "httpGet": ["path": "/health", "port": 8080, "scheme": "HTTP"],
                                  "initialDelaySeconds": 60, "periodSeconds": 10, "successThreshold": 1, "timeoutSeconds": 5],
                "name": "coredns",
                "ports": [["containerPort": 53, "name": "dns", "protocol": "UDP"],
                          ["containerPort": 53, "name": "dns-tcp", "protocol": "TCP"],
                          ["containerPort": 9153, "name": "metrics", "protocol": "TCP"]],
                "readinessProbe": ["failureThreshold": 3, "httpGet": ["path": "/ready", "port": 8181, "scheme": "HTTP"],
                                   "periodSeconds": 10, "successThreshold": 1, "timeoutSeconds": 1],
                "resources": ["limits": ["memory": "170Mi"], "requests": ["cpu": "100m", "memory": "70Mi"]],
                "securityContext": ["allowPrivilegeEscalation": false,
                                    "capabilities": ["add": ["NET_BIND_SERVICE"], "drop": ["ALL"]],
                                    "readOnlyRootFilesystem": true],
                "volumeMounts": [["mountPath": "/etc/coredns", "name": "config-volume", "readOnly": true]],
            ]],
            "dnsPolicy": "Default", "nodeSelector": ["kubernetes.io/os": "linux"],
            "priorityClassName": "system-cluster-critical", "serviceAccountName": "coredns",
            "tolerations": [["key": "CriticalAddonsOnly", "operator": "Exists"],
                            ["effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"]],
            "volumes": [["configMap": ["items": [["key": "Corefile", "path": "Corefile"]], "name": "coredns"],
                         "name": "config-volume"]],
        ]
        let nodes = description.nodes
        let placement = nodes.count >= 2 ? [nodes[0], nodes[1]] : Array(repeating: nodes[0], count: 2)
        deployment(name: "coredns", namespace: "kube-system", labels: labels, template: Template(labels: labels, spec: spec),
                   placement: placement, strategy: ["rollingUpdate": ["maxSurge": "25%", "maxUnavailable": 1],
                                                    "type": "RollingUpdate"],
                   maxSurge: 1, created: 30, hash: "668d6bf9bc")
    }
}

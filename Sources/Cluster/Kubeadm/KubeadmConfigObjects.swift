import APIStore
import Controllers
import KubeModel

/// Services, Endpoints, ConfigMaps, ServiceAccounts and Leases of a fresh kubeadm cluster.
extension KubeadmCluster {
    static let namespaces = ["default", "kube-node-lease", "kube-public", "kube-system"]

    /// `default` in every namespace; in kube-system one per controller
    /// (`--use-service-account-credentials`) and the addons'.
    static let systemServiceAccounts = [
        "attachdetach-controller", "bootstrap-signer", "calico-kube-controllers", "canal", "certificate-controller",
        "clusterrole-aggregation-controller", "coredns", "cronjob-controller", "daemon-set-controller", "default",
        "deployment-controller", "disruption-controller", "endpoint-controller", "endpointslice-controller",
        "endpointslicemirroring-controller", "ephemeral-volume-controller", "expand-controller",
        "generic-garbage-collector", "horizontal-pod-autoscaler", "job-controller", "kube-proxy",
        "legacy-service-account-token-cleaner", "namespace-controller", "node-controller", "persistent-volume-binder",
        "pod-garbage-collector", "pv-protection-controller", "pvc-protection-controller", "replicaset-controller",
        "replication-controller", "resourcequota-controller", "root-ca-cert-publisher", "service-account-controller",
        "statefulset-controller", "token-cleaner", "ttl-after-finished-controller", "ttl-controller",
        "validatingadmissionpolicy-status-controller",
    ]

    mutating func installServiceAccounts() {
        for namespace in Self.namespaces where namespace != "kube-system" {
            add(["apiVersion": "v1", "kind": "ServiceAccount",
                 "metadata": ["name": "default", "namespace": .string(namespace)]], at: 15)
        }
        for name in Self.systemServiceAccounts {
            add(["apiVersion": "v1", "kind": "ServiceAccount",
                 "metadata": ["name": .string(name), "namespace": "kube-system"]], at: name == "canal" ? 90 : 15)
        }
    }

    mutating func installConfigMaps(controlPlane: WorldDescription.NodeSpec) {
        let caCertificate = file("/etc/kubernetes/pki/ca.crt", on: controlPlane.name)
        for namespace in Self.namespaces {
            add(configMap("kube-root-ca.crt", namespace, ["ca.crt": .string(caCertificate)],
                          annotations: ["kubernetes.io/description": .string(Self.rootCADescription)]), at: 16)
        }
        let server = "https://\(controlPlane.address):6443"
        add(configMap("cluster-info", "kube-public", ["kubeconfig": .string(clusterInfo(server: server, ca: caCertificate))]),
            at: 20)
        add(configMap("kubeadm-config", "kube-system", ["ClusterConfiguration": .string(clusterConfiguration())]), at: 10)
        add(configMap("kubelet-config", "kube-system",
                      ["kubelet": .string(file("/var/lib/kubelet/config.yaml", on: controlPlane.name))],
                      annotations: ["kubeadm.kubernetes.io/component-config.hash":
                                        .string("sha256:" + StaticPodSource.hex(of: "kubelet-config", length: 64))]), at: 10)
        add(configMap("kube-proxy", "kube-system", ["config.conf": .string(kubeProxyConfiguration()),
                                                    "kubeconfig.conf": .string(Self.kubeProxyKubeconfig(server: server))],
                      labels: ["app": "kube-proxy"]), at: 30)
        add(configMap("coredns", "kube-system", ["Corefile": .string(Self.corefile)]), at: 30)
        add(configMap("canal-config", "kube-system",
                      ["canal_iface": "", "masquerade": "true", "veth_mtu": "0",
                       "net-conf.json": .string("{\n  \"Network\": \"\(podSubnet)\",\n  \"Backend\": {\n    \"Type\": \"vxlan\"\n  }\n}\n")]),
            at: 90)
        add(configMap("extension-apiserver-authentication", "kube-system",
                      ["client-ca-file": .string(caCertificate),
                       "requestheader-allowed-names": "[\"front-proxy-client\"]",
                       "requestheader-client-ca-file": .string(file("/etc/kubernetes/pki/front-proxy-ca.crt", on: controlPlane.name)),
                       "requestheader-extra-headers-prefix": "[\"X-Remote-Extra-\"]",
                       "requestheader-group-headers": "[\"X-Remote-Group\"]",
                       "requestheader-username-headers": "[\"X-Remote-User\"]"]), at: 8)
    }

    private func configMap(_ name: String, _ namespace: String, _ data: JSONObject, labels: JSONObject = [:],
                           annotations: JSONObject = [:]) -> JSONValue {
        var metadata: JSONObject = [:]
        if !annotations.isEmpty { metadata["annotations"] = .object(annotations) }
        if !labels.isEmpty { metadata["labels"] = .object(labels) }
        metadata["name"] = .string(name)
        metadata["namespace"] = .string(namespace)
        return ["apiVersion": "v1", "data": .object(data), "kind": "ConfigMap", "metadata": .object(metadata)]
    }

    static let rootCADescription = "Contains a CA bundle that can be used to verify the kube-apiserver when using "
        + "internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed "
        + "across distributions of Kubernetes clusters."

    func clusterConfiguration() -> String {
        """
        apiServer: {}
        apiVersion: kubeadm.k8s.io/v1beta4
        caCertificateValidityPeriod: 87600h0m0s
        certificateValidityPeriod: 8760h0m0s
        certificatesDir: /etc/kubernetes/pki
        clusterName: kubernetes
        controllerManager: {}
        dns: {}
        encryptionAlgorithm: RSA-2048
        etcd:
          local:
            dataDir: /var/lib/etcd
        imageRepository: registry.k8s.io
        kind: ClusterConfiguration
        kubernetesVersion: \(kubernetesVersion)
        networking:
          dnsDomain: cluster.local
          podSubnet: \(podSubnet)
          serviceSubnet: 10.96.0.0/12
        proxy: {}
        scheduler: {}

        """
    }

    func clusterInfo(server: String, ca: String) -> String {
        """
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: \(StaticPodSource.hex(of: ca, length: 64))
            server: \(server)
          name: ""
        contexts: null
        current-context: ""
        kind: Config
        preferences: {}
        users: null

        """
    }

    func kubeProxyConfiguration() -> String {
        """
        apiVersion: kubeproxy.config.k8s.io/v1alpha1
        bindAddress: 0.0.0.0
        bindAddressHardFail: false
        clientConnection:
          acceptContentTypes: ""
          burst: 0
          contentType: ""
          kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
          qps: 0
        clusterCIDR: \(podSubnet)
        configSyncPeriod: 0s
        conntrack:
          maxPerCore: null
          min: null
          tcpBeLiberal: false
          tcpCloseWaitTimeout: null
          tcpEstablishedTimeout: null
          udpStreamTimeout: 0s
          udpTimeout: 0s
        detectLocal:
          bridgeInterface: ""
          interfaceNamePrefix: ""
        detectLocalMode: ""
        enableProfiling: false
        healthzBindAddress: ""
        hostnameOverride: ""
        iptables:
          localhostNodePorts: null
          masqueradeAll: false
          masqueradeBit: null
          minSyncPeriod: 0s
          syncPeriod: 0s
        ipvs:
          excludeCIDRs: null
          minSyncPeriod: 0s
          scheduler: ""
          strictARP: false
          syncPeriod: 0s
          tcpFinTimeout: 0s
          tcpTimeout: 0s
          udpTimeout: 0s
        kind: KubeProxyConfiguration
        logging:
          flushFrequency: 0
          options:
            json:
              infoBufferSize: "0"
            text:
              infoBufferSize: "0"
          verbosity: 0
        metricsBindAddress: ""
        mode: ""
        nftables:
          masqueradeAll: false
          masqueradeBit: null
          minSyncPeriod: 0s
          syncPeriod: 0s
        nodePortAddresses: null
        oomScoreAdj: null
        portRange: ""
        showHiddenMetricsForVersion: ""
        winkernel:
          enableDSR: false
          forwardHealthCheckVip: false
          networkName: ""
          rootHnsEndpointName: ""
          sourceVip: ""
        """
    }

    static func kubeProxyKubeconfig(server: String) -> String {
        """
        apiVersion: v1
        kind: Config
        clusters:
        - cluster:
            certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
            server: \(server)
          name: default
        contexts:
        - context:
            cluster: default
            namespace: default
            user: default
          name: default
        current-context: default
        users:
        - name: default
          user:
            tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token
        """
    }

    static let corefile = """
        .:53 {
            errors
            health {
               lameduck 5s
            }
            ready
            kubernetes cluster.local in-addr.arpa ip6.arpa {
               pods insecure
               fallthrough in-addr.arpa ip6.arpa
               ttl 30
            }
            prometheus :9153
            forward . /etc/resolv.conf {
               max_concurrent 1000
            }
            cache 30
            loop
            reload
            loadbalance
        }

        """
}

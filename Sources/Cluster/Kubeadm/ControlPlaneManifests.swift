/// The static pod manifests `kubeadm init` writes to /etc/kubernetes/manifests (reference §3.3),
/// as kubeadm writes them: keys sorted, `creationTimestamp: null`, `status: {}`.
struct ControlPlaneManifests {
    /// The control-plane node's InternalIP, e.g. 172.30.1.2.
    var address: String
    var nodeName: String
    var kubernetesVersion = "v1.32.4"
    var etcdImage = "registry.k8s.io/etcd:3.5.16-0"
    var podSubnet = "192.168.0.0/16"
    var serviceSubnet = "10.96.0.0/12"

    /// File name → contents, sorted as `ls` shows them.
    var files: [(name: String, contents: String)] {
        [("etcd.yaml", etcd), ("kube-apiserver.yaml", apiServer),
         ("kube-controller-manager.yaml", controllerManager), ("kube-scheduler.yaml", scheduler)]
    }

    struct Volume {
        var name: String
        var path: String
        var type: String = "DirectoryOrCreate"
        var readOnly = true
    }

    struct Probe {
        var host: String
        var path: String
        var port: Int
        var scheme: String
        var failureThreshold: Int
        var initialDelaySeconds: Int?
        var periodSeconds: Int

        func yaml(_ key: String) -> String {
            var text = "    \(key):\n      failureThreshold: \(failureThreshold)\n"
            text += "      httpGet:\n        host: \(host)\n        path: \(path)\n        port: \(port)\n        scheme: \(scheme)\n"
            if let initialDelaySeconds { text += "      initialDelaySeconds: \(initialDelaySeconds)\n" }
            text += "      periodSeconds: \(periodSeconds)\n      timeoutSeconds: 15\n"
            return text
        }
    }

    /// The CA bundles every control-plane component mounts on a Debian/Ubuntu host.
    private var certificateVolumes: [Volume] {
        [Volume(name: "ca-certs", path: "/etc/ssl/certs"),
         Volume(name: "etc-ca-certificates", path: "/etc/ca-certificates"),
         Volume(name: "k8s-certs", path: "/etc/kubernetes/pki"),
         Volume(name: "usr-local-share-ca-certificates", path: "/usr/local/share/ca-certificates"),
         Volume(name: "usr-share-ca-certificates", path: "/usr/share/ca-certificates")]
    }

    private func pod(component: String, annotations: [(String, String)] = [], command: [String], image: String,
                     probes: (liveness: Probe, readiness: Probe?, startup: Probe), requests: [(String, String)],
                     volumes: [Volume]) -> String {
        var text = "apiVersion: v1\nkind: Pod\nmetadata:\n"
        if !annotations.isEmpty {
            text += "  annotations:\n"
            for (key, value) in annotations { text += "    \(key): \(value)\n" }
        }
        text += "  creationTimestamp: null\n  labels:\n    component: \(component)\n    tier: control-plane\n"
        text += "  name: \(component)\n  namespace: kube-system\nspec:\n  containers:\n  - command:\n"
        for argument in command { text += "    - \(argument)\n" }
        text += "    image: \(image)\n    imagePullPolicy: IfNotPresent\n"
        text += probes.liveness.yaml("livenessProbe")
        text += "    name: \(component)\n"
        if let readiness = probes.readiness { text += readiness.yaml("readinessProbe") }
        text += "    resources:\n      requests:\n"
        for (key, value) in requests { text += "        \(key): \(value)\n" }
        text += probes.startup.yaml("startupProbe")
        let sorted = volumes.sorted { $0.name < $1.name }
        text += "    volumeMounts:\n"
        for volume in sorted {
            text += "    - mountPath: \(volume.path)\n      name: \(volume.name)\n"
            if volume.readOnly { text += "      readOnly: true\n" }
        }
        text += "  hostNetwork: true\n  priority: 2000001000\n  priorityClassName: system-node-critical\n"
        text += "  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  volumes:\n"
        for volume in sorted {
            text += "  - hostPath:\n      path: \(volume.path)\n      type: \(volume.type)\n    name: \(volume.name)\n"
        }
        text += "status: {}\n"
        return text
    }

    private func probes(host: String, port: Int, scheme: String, live: String, ready: String?, startup: String) -> (liveness: Probe, readiness: Probe?, startup: Probe) {
        (Probe(host: host, path: live, port: port, scheme: scheme, failureThreshold: 8, initialDelaySeconds: 10, periodSeconds: 10),
         ready.map { Probe(host: host, path: $0, port: port, scheme: scheme, failureThreshold: 3, initialDelaySeconds: nil, periodSeconds: 1) },
         Probe(host: host, path: startup, port: port, scheme: scheme, failureThreshold: 24, initialDelaySeconds: 10, periodSeconds: 10))
    }

    var apiServer: String {
        pod(component: "kube-apiserver",
            annotations: [("kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint", "\(address):6443")],
            command: ["kube-apiserver", "--advertise-address=\(address)", "--allow-privileged=true",
                      "--authorization-mode=Node,RBAC", "--client-ca-file=/etc/kubernetes/pki/ca.crt",
                      "--enable-admission-plugins=NodeRestriction", "--enable-bootstrap-token-auth=true",
                      "--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt",
                      "--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt",
                      "--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key",
                      "--etcd-servers=https://127.0.0.1:2379",
                      "--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt",
                      "--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key",
                      "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname",
                      "--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt",
                      "--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key",
                      "--requestheader-allowed-names=front-proxy-client",
                      "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt",
                      "--requestheader-extra-headers-prefix=X-Remote-Extra-",
                      "--requestheader-group-headers=X-Remote-Group",
                      "--requestheader-username-headers=X-Remote-User", "--secure-port=6443",
                      "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                      "--service-account-key-file=/etc/kubernetes/pki/sa.pub",
                      "--service-account-signing-key-file=/etc/kubernetes/pki/sa.key",
                      "--service-cluster-ip-range=\(serviceSubnet)",
                      "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt",
                      "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key"],
            image: "registry.k8s.io/kube-apiserver:\(kubernetesVersion)",
            probes: probes(host: address, port: 6443, scheme: "HTTPS", live: "/livez", ready: "/readyz", startup: "/livez"),
            requests: [("cpu", "250m")], volumes: certificateVolumes)
    }

    var controllerManager: String {
        pod(component: "kube-controller-manager",
            command: ["kube-controller-manager", "--allocate-node-cidrs=true",
                      "--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf",
                      "--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf",
                      "--bind-address=127.0.0.1", "--client-ca-file=/etc/kubernetes/pki/ca.crt",
                      "--cluster-cidr=\(podSubnet)", "--cluster-name=kubernetes",
                      "--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt",
                      "--cluster-signing-key-file=/etc/kubernetes/pki/ca.key",
                      "--controllers=*,bootstrapsigner,tokencleaner",
                      "--kubeconfig=/etc/kubernetes/controller-manager.conf", "--leader-elect=true",
                      "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt",
                      "--root-ca-file=/etc/kubernetes/pki/ca.crt",
                      "--service-account-private-key-file=/etc/kubernetes/pki/sa.key",
                      "--service-cluster-ip-range=\(serviceSubnet)", "--use-service-account-credentials=true"],
            image: "registry.k8s.io/kube-controller-manager:\(kubernetesVersion)",
            probes: probes(host: "127.0.0.1", port: 10257, scheme: "HTTPS", live: "/healthz", ready: nil, startup: "/healthz"),
            requests: [("cpu", "200m")],
            volumes: certificateVolumes + [
                Volume(name: "flexvolume-dir", path: "/usr/libexec/kubernetes/kubelet-plugins/volume/exec", readOnly: false),
                Volume(name: "kubeconfig", path: "/etc/kubernetes/controller-manager.conf", type: "FileOrCreate"),
            ])
    }

    var scheduler: String {
        pod(component: "kube-scheduler",
            command: ["kube-scheduler", "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf",
                      "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf", "--bind-address=127.0.0.1",
                      "--kubeconfig=/etc/kubernetes/scheduler.conf", "--leader-elect=true"],
            image: "registry.k8s.io/kube-scheduler:\(kubernetesVersion)",
            probes: probes(host: "127.0.0.1", port: 10259, scheme: "HTTPS", live: "/livez", ready: "/readyz", startup: "/livez"),
            requests: [("cpu", "100m")],
            volumes: [Volume(name: "kubeconfig", path: "/etc/kubernetes/scheduler.conf", type: "FileOrCreate")])
    }

    var etcd: String {
        pod(component: "etcd",
            annotations: [("kubeadm.kubernetes.io/etcd.advertise-client-urls", "https://\(address):2379")],
            command: ["etcd", "--advertise-client-urls=https://\(address):2379",
                      "--cert-file=/etc/kubernetes/pki/etcd/server.crt", "--client-cert-auth=true",
                      "--data-dir=/var/lib/etcd", "--experimental-initial-corrupt-check=true",
                      "--experimental-watch-progress-notify-interval=5s",
                      "--initial-advertise-peer-urls=https://\(address):2380",
                      "--initial-cluster=\(nodeName)=https://\(address):2380",
                      "--key-file=/etc/kubernetes/pki/etcd/server.key",
                      "--listen-client-urls=https://127.0.0.1:2379,https://\(address):2379",
                      "--listen-metrics-urls=http://127.0.0.1:2381",
                      "--listen-peer-urls=https://\(address):2380", "--name=\(nodeName)",
                      "--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt", "--peer-client-cert-auth=true",
                      "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key",
                      "--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt", "--snapshot-count=10000",
                      "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt"],
            image: etcdImage,
            probes: probes(host: "127.0.0.1", port: 2381, scheme: "HTTP", live: "/livez", ready: "/readyz", startup: "/readyz"),
            requests: [("cpu", "100m"), ("memory", "100Mi")],
            volumes: [Volume(name: "etcd-certs", path: "/etc/kubernetes/pki/etcd", readOnly: false),
                      Volume(name: "etcd-data", path: "/var/lib/etcd", readOnly: false)])
    }
}

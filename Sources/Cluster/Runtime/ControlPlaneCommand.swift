/// What the control plane's binaries do with their command line: a misspelt binary cannot start
/// (StartError, exit 128), an unknown flag makes the process exit 1 at once. A pure check the
/// runtime applies to containers of the control plane's images.
enum ControlPlaneCommand {
    struct Failure: Equatable {
        var exitCode: Int32
        var message: String
    }

    /// Binary by image repository.
    static let binaries: [String: String] = [
        "registry.k8s.io/kube-apiserver": "kube-apiserver", "registry.k8s.io/kube-scheduler": "kube-scheduler",
        "registry.k8s.io/kube-controller-manager": "kube-controller-manager", "registry.k8s.io/etcd": "etcd",
    ]

    /// Flags each binary accepts beyond those kubeadm writes (prefixes end in `-`).
    static let extraFlags: [String: [String]] = [
        "kube-apiserver": ["audit-", "oidc-", "tls-", "etcd-", "service-", "kubelet-", "requestheader-", "proxy-", "enable-",
                           "disable-", "authorization-", "authentication-", "admission-", "encryption-provider-config",
                           "runtime-config", "anonymous-auth", "token-auth-file", "max-", "min-", "event-ttl",
                           "cors-allowed-origins", "bind-address", "advertise-address", "allow-privileged", "client-ca-file",
                           "secure-port", "profiling", "feature-gates", "v", "vmodule", "endpoint-reconciler-type",
                           "apiserver-count", "storage-", "watch-cache", "default-", "egress-selector-config-file"],
        "kube-scheduler": ["authentication-", "authorization-", "bind-address", "kubeconfig", "leader-elect", "config",
                           "profiling", "feature-gates", "v", "vmodule", "secure-port", "tls-", "client-ca-file",
                           "requestheader-", "master", "kube-api-", "pod-max-in-unschedulable-pods-duration"],
        "kube-controller-manager": ["authentication-", "authorization-", "bind-address", "kubeconfig", "leader-elect",
                                    "allocate-node-cidrs", "client-ca-file", "cluster-", "controllers", "requestheader-",
                                    "root-ca-file", "service-account-private-key-file", "service-cluster-ip-range",
                                    "use-service-account-credentials", "node-", "pod-eviction-timeout", "terminated-pod-gc-threshold",
                                    "concurrent-", "horizontal-pod-autoscaler-", "profiling", "feature-gates", "v", "vmodule",
                                    "secure-port", "tls-", "kube-api-", "configure-cloud-routes", "flex-volume-plugin-dir",
                                    "large-cluster-size-threshold", "unhealthy-zone-threshold", "secondary-node-eviction-rate"],
        "etcd": ["advertise-client-urls", "cert-file", "client-cert-auth", "data-dir", "experimental-", "initial-",
                 "key-file", "listen-", "name", "peer-", "snapshot-count", "trusted-ca-file", "auto-compaction-",
                 "quota-backend-bytes", "heartbeat-interval", "election-timeout", "log-level", "logger", "wal-dir",
                 "max-", "cipher-suites", "auto-tls", "metrics", "enable-v2", "force-new-cluster"],
    ]

    /// Why `argv` of a container of `image` (`registry.k8s.io/kube-scheduler`) cannot run, if it cannot.
    static func failure(argv arguments: [String], image: String) -> Failure? {
        guard let binary = binaries[image], let first = arguments.first else { return nil }
        if first != binary, first != "/usr/local/bin/" + binary {
            return Failure(exitCode: 128, message: "failed to create containerd task: failed to create shim task: OCI runtime "
                           + "create failed: runc create failed: unable to start container process: error during container init: "
                           + "exec: \"\(first)\": executable file not found in $PATH: unknown")
        }
        let allowed = extraFlags[binary] ?? []
        for argument in arguments.dropFirst() where argument.hasPrefix("-") {
            let name = String(argument.drop { $0 == "-" }.prefix { $0 != "=" })
            let known = allowed.contains { $0.hasSuffix("-") ? name.hasPrefix($0) : name == $0 }
            if !known { return Failure(exitCode: 1, message: "unknown flag: --\(name)") }
        }
        return nil
    }
}

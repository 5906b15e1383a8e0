/// The kubelet's files as the Kubernetes packages and `kubeadm init/join` leave them on every
/// node (reference §3.2).
enum KubeletFiles {
    /// Where the kubelet's systemd unit and kubeadm's drop-in live.
    ///
    /// pkgs.k8s.io packages (what a v1.32 cluster has) install both under /usr/lib; the old
    /// apt.kubernetes.io packages, which seed 003 shows, put the drop-in under /etc.
    enum PackageLayout: String, Sendable, Equatable {
        case pkgsK8sIO
        case legacyApt

        var unitPath: String {
            switch self {
            case .pkgsK8sIO: "/usr/lib/systemd/system/kubelet.service"
            case .legacyApt: "/lib/systemd/system/kubelet.service"
            }
        }

        var dropInPath: String {
            switch self {
            case .pkgsK8sIO: "/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf"
            case .legacyApt: "/etc/systemd/system/kubelet.service.d/10-kubeadm.conf"
            }
        }
    }

    static func files(layout: PackageLayout) -> [(path: String, contents: String)] {
        [
            (layout.unitPath, unit),
            (layout.dropInPath, dropIn),
            ("/var/lib/kubelet/kubeadm-flags.env", kubeadmFlags),
            ("/var/lib/kubelet/config.yaml", config),
            ("/etc/default/kubelet", "KUBELET_EXTRA_ARGS=\n"),
        ]
    }

    static let unit = """
        [Unit]
        Description=kubelet: The Kubernetes Node Agent
        Documentation=https://kubernetes.io/docs/
        Wants=network-online.target
        After=network-online.target

        [Service]
        ExecStart=/usr/bin/kubelet
        Restart=always
        StartLimitInterval=0
        RestartSec=10

        [Install]
        WantedBy=multi-user.target

        """

    static let dropIn = """
        # Note: This dropin only works with kubeadm and kubelet v1.11+
        [Service]
        Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
        Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
        # This is a file that "kubeadm init" and "kubeadm join" generates at runtime, populating the KUBELET_KUBEADM_ARGS variable dynamically
        EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
        # This is a file that the user can use for overrides of the kubelet args as a last resort. Preferably, the user should use
        # the .NodeRegistration.KubeletExtraArgs object in the configuration files instead. KUBELET_EXTRA_ARGS should be sourced from this file.
        EnvironmentFile=-/etc/default/kubelet
        ExecStart=
        ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS

        """

    static let kubeadmFlags = """
        KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10"

        """

    /// Keys sorted as kubeadm writes them; `0s` means "the kubelet's default".
    static let config = """
        apiVersion: kubelet.config.k8s.io/v1beta1
        authentication:
          anonymous:
            enabled: false
          webhook:
            cacheTTL: 0s
            enabled: true
          x509:
            clientCAFile: /etc/kubernetes/pki/ca.crt
        authorization:
          mode: Webhook
          webhook:
            cacheAuthorizedTTL: 0s
            cacheUnauthorizedTTL: 0s
        cgroupDriver: systemd
        clusterDNS:
        - 10.96.0.10
        clusterDomain: cluster.local
        containerRuntimeEndpoint: ""
        cpuManagerReconcilePeriod: 0s
        crashLoopBackOff: {}
        evictionPressureTransitionPeriod: 0s
        fileCheckFrequency: 0s
        healthzBindAddress: 127.0.0.1
        healthzPort: 10248
        httpCheckFrequency: 0s
        imageMaximumGCAge: 0s
        imageMinimumGCAge: 0s
        kind: KubeletConfiguration
        logging:
          flushFrequency: 0
          options:
            json:
              infoBufferSize: "0"
            text:
              infoBufferSize: "0"
          verbosity: 0
        memorySwap: {}
        nodeStatusReportFrequency: 0s
        nodeStatusUpdateFrequency: 0s
        resolvConf: /run/systemd/resolve/resolv.conf
        rotateCertificates: true
        runtimeRequestTimeout: 0s
        shutdownGracePeriod: 0s
        shutdownGracePeriodCriticalPods: 0s
        staticPodPath: /etc/kubernetes/manifests
        streamingConnectionIdleTimeout: 0s
        syncFrequency: 0s
        volumeStatsAggPeriod: 0s

        """
}

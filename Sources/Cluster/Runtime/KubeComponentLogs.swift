/// The Kubernetes components' startup logs (klog text on stderr), from real v1.32 logs of a kubeadm cluster.
enum KubeComponentLogs {
    typealias Entry = (offset: Int64, level: Character, source: String, message: String)

    /// klog lines at their offsets (microseconds after the container's start).
    static func klog(_ start: Int64, _ entries: [Entry]) -> [ComponentLogs.Line] {
        entries.map { entry in
            ComponentLogs.Line(offset: entry.offset, stream: .stderr,
                               text: ComponentLogs.klog(entry.level, start + entry.offset * 1_000, entry.source, entry.message))
        }
    }

    static func apiServer(_ start: Int64, _ facts: ComponentLogs.Facts) -> [ComponentLogs.Line] {
        let host = ComponentLogs.flag("advertise-address", in: facts.argv) ?? facts.nodeIP
        let policySource = "*generic.policySource[*k8s.io/api/admissionregistration/v1.ValidatingAdmissionPolicy,"
            + "*k8s.io/api/admissionregistration/v1.ValidatingAdmissionPolicyBinding,"
            + "k8s.io/apiserver/pkg/admission/plugin/policy/validating.Validator]"
        let mutating = "NamespaceLifecycle,LimitRanger,ServiceAccount,NodeRestriction,TaintNodesByCondition,Priority,"
            + "DefaultTolerationSeconds,DefaultStorageClass,StorageObjectInUseProtection,RuntimeClass,DefaultIngressClass,"
            + "MutatingAdmissionPolicy,MutatingAdmissionWebhook"
        let validating = "LimitRanger,ServiceAccount,PodSecurity,Priority,PersistentVolumeClaimResize,RuntimeClass,"
            + "CertificateApproval,CertificateSigning,ClusterTrustBundleAttest,CertificateSubjectRestriction,"
            + "ValidatingAdmissionPolicy,ValidatingAdmissionWebhook,ResourceQuota"
        return klog(start, [
            (640_414, "I", "options.go:238", "external host was not specified, using \(host)"),
            (642_722, "I", "server.go:147", "Version: \(facts.tag)"),
            (642_748, "I", "server.go:149", "\"Golang settings\" GOGC=\"\" GOMAXPROCS=\"\" GOTRACEBACK=\"\""),
            (873_017, "I", "shared_informer.go:313", "Waiting for caches to sync for node_authorizer"),
            (878_339, "I", "shared_informer.go:313", "Waiting for caches to sync for " + policySource),
            (882_284, "I", "plugins.go:157", "Loaded 13 mutating admission controller(s) successfully in the following order: \(mutating)."),
            (882_299, "I", "plugins.go:160", "Loaded 13 validating admission controller(s) successfully in the following order: \(validating)."),
            (1_092_734, "I", "instance.go:233", "Using reconciler: lease"),
            (1_517_823, "I", "handler.go:286", "Adding GroupVersion apiextensions.k8s.io v1 to ResourceManager"),
            (1_518_109, "W", "genericapiserver.go:767", "Skipping API apiextensions.k8s.io/v1beta1 because it has no resources."),
            (2_204_561, "I", "handler.go:286", "Adding GroupVersion  v1 to ResourceManager"),
            (2_871_203, "I", "handler.go:286", "Adding GroupVersion apps v1 to ResourceManager"),
            (5_830_117, "I", "dynamic_cafile_content.go:161", "\"Starting controller\" name=\"client-ca-bundle::/etc/kubernetes/pki/ca.crt\""),
            (5_830_562, "I", "dynamic_serving_content.go:135",
             "\"Starting controller\" name=\"serving-cert::/etc/kubernetes/pki/apiserver.crt::/etc/kubernetes/pki/apiserver.key\""),
            (5_831_044, "I", "secure_serving.go:213", "Serving securely on [::]:6443"),
            (5_831_297, "I", "tlsconfig.go:243", "\"Starting DynamicServingCertificateController\""),
            (5_846_882, "I", "controller.go:78", "Starting OpenAPI AggregationController"),
            (5_948_410, "I", "shared_informer.go:320", "Caches are synced for node_authorizer"),
            (5_951_273, "I", "shared_informer.go:320", "Caches are synced for configmaps"),
            (5_953_906, "I", "shared_informer.go:320", "Caches are synced for crd-autoregister"),
            (5_954_388, "I", "cache.go:39", "Caches are synced for APIServiceRegistrationController controller"),
            (5_957_101, "I", "shared_informer.go:320", "Caches are synced for cluster_authentication_trust_controller"),
            (6_861_720, "I", "storage_scheduling.go:111", "all system priority classes are created successfully or already exist."),
        ])
    }

    static func controllerManager(_ start: Int64, _ facts: ComponentLogs.Facts) -> [ComponentLogs.Line] {
        let bind = ComponentLogs.flag("bind-address", in: facts.argv) ?? "0.0.0.0"
        let identity = facts.node + "_" + uuid("kcm/\(facts.node)/\(start)")
        let started = "controllermanager.go:765"
        return klog(start, [
            (917_564, "I", "serving.go:386", "Generated self-signed cert in-memory"),
            (1_221_969, "I", "controllermanager.go:185", "\"Starting\" version=\"\(facts.tag)\""),
            (1_221_987, "I", "controllermanager.go:187", "\"Golang settings\" GOGC=\"\" GOMAXPROCS=\"\" GOTRACEBACK=\"\""),
            (1_223_955, "I", "dynamic_cafile_content.go:161",
             "\"Starting controller\" name=\"request-header::/etc/kubernetes/pki/front-proxy-ca.crt\""),
            (1_224_003, "I", "dynamic_cafile_content.go:161", "\"Starting controller\" name=\"client-ca-bundle::/etc/kubernetes/pki/ca.crt\""),
            (1_224_443, "I", "secure_serving.go:213", "Serving securely on \(bind):10257"),
            (1_224_712, "I", "tlsconfig.go:243", "\"Starting DynamicServingCertificateController\""),
            (1_224_999, "I", "leaderelection.go:257", "attempting to acquire leader lease kube-system/kube-controller-manager..."),
            (2_518_413, "I", "leaderelection.go:271", "successfully acquired lease kube-system/kube-controller-manager"),
            (2_518_985, "I", "event.go:389", "\"Event occurred\" object=\"kube-system/kube-controller-manager\" fieldPath=\"\" kind=\"Lease\" "
                + "apiVersion=\"coordination.k8s.io/v1\" type=\"Normal\" reason=\"LeaderElection\" message=\"\(identity) became leader\""),
            (2_527_743, "I", started, "\"Started controller\" controller=\"serviceaccount-token-controller\""),
            (2_528_394, "I", "shared_informer.go:313", "Waiting for caches to sync for tokens"),
            (2_557_255, "I", started, "\"Started controller\" controller=\"node-ipam-controller\""),
            (2_571_886, "I", started, "\"Started controller\" controller=\"deployment-controller\""),
            (2_584_120, "I", started, "\"Started controller\" controller=\"replicaset-controller\""),
            (2_596_731, "I", started, "\"Started controller\" controller=\"daemonset-controller\""),
            (2_610_442, "I", started, "\"Started controller\" controller=\"statefulset-controller\""),
            (2_628_903, "I", "shared_informer.go:320", "Caches are synced for tokens"),
            (2_911_305, "I", "shared_informer.go:320", "Caches are synced for deployment"),
            (2_911_662, "I", "shared_informer.go:320", "Caches are synced for ReplicaSet"),
            (2_912_018, "I", "shared_informer.go:320", "Caches are synced for daemon sets"),
            (2_912_407, "I", "shared_informer.go:320", "Caches are synced for stateful set"),
            (3_104_580, "I", "shared_informer.go:320", "Caches are synced for garbage collector"),
            (3_104_622, "I", "garbagecollector.go:157",
             "\"All resource monitors have synced. Proceeding to collect garbage\" logger=\"garbage-collector-controller\""),
        ])
    }

    static func scheduler(_ start: Int64, _ facts: ComponentLogs.Facts) -> [ComponentLogs.Line] {
        let bind = ComponentLogs.flag("bind-address", in: facts.argv) ?? "0.0.0.0"
        let clientCA = "client-ca::kube-system::extension-apiserver-authentication::client-ca-file"
        let requestCA = "client-ca::kube-system::extension-apiserver-authentication::requestheader-client-ca-file"
        return klog(start, [
            (950_132, "I", "serving.go:386", "Generated self-signed cert in-memory"),
            (1_156_934, "I", "server.go:166", "\"Starting Kubernetes Scheduler\" version=\"\(facts.tag)\""),
            (1_156_956, "I", "server.go:168", "\"Golang settings\" GOGC=\"\" GOMAXPROCS=\"\" GOTRACEBACK=\"\""),
            (1_158_702, "I", "requestheader_controller.go:180", "Starting RequestHeaderAuthRequestController"),
            (1_158_733, "I", "shared_informer.go:313", "Waiting for caches to sync for RequestHeaderAuthRequestController"),
            (1_159_726, "I", "configmap_cafile_content.go:205", "\"Starting controller\" name=\"\(clientCA)\""),
            (1_159_751, "I", "shared_informer.go:313", "Waiting for caches to sync for \(clientCA)"),
            (1_159_903, "I", "configmap_cafile_content.go:205", "\"Starting controller\" name=\"\(requestCA)\""),
            (1_159_914, "I", "shared_informer.go:313", "Waiting for caches to sync for \(requestCA)"),
            (1_160_227, "I", "secure_serving.go:213", "Serving securely on \(bind):10259"),
            (1_162_173, "I", "tlsconfig.go:243", "\"Starting DynamicServingCertificateController\""),
            (1_261_723, "I", "leaderelection.go:257", "attempting to acquire leader lease kube-system/kube-scheduler..."),
            (1_261_838, "I", "shared_informer.go:320", "Caches are synced for \(clientCA)"),
            (1_261_902, "I", "shared_informer.go:320", "Caches are synced for RequestHeaderAuthRequestController"),
            (1_262_267, "I", "shared_informer.go:320", "Caches are synced for \(requestCA)"),
            (2_793_344, "I", "leaderelection.go:271", "successfully acquired lease kube-system/kube-scheduler"),
        ])
    }

    static func proxy(_ start: Int64, _ facts: ComponentLogs.Facts) -> [ComponentLogs.Line] {
        let localnet = "\"Setting route_localnet=1 to allow node-ports on localhost; to change this either disable "
            + "iptables.localhostNodePorts (--iptables-localhost-nodeports) or set nodePortAddresses (--nodeport-addresses) "
            + "to filter loopback addresses\" ipFamily=\"IPv4\""
        return klog(start, [
            (912_310, "I", "server_linux.go:66", "\"Using iptables proxy\""),
            (1_007_054, "I", "server.go:698", "\"Successfully retrieved node IP(s)\" IPs=[\"\(facts.nodeIP)\"]"),
            (1_010_387, "I", "conntrack.go:121", "\"Set sysctl\" entry=\"net/netfilter/nf_conntrack_max\" value=131072"),
            (1_011_198, "I", "conntrack.go:60", "\"Setting nf_conntrack_max\" nfConntrackMax=131072"),
            (1_011_316, "I", "conntrack.go:121", "\"Set sysctl\" entry=\"net/netfilter/nf_conntrack_tcp_timeout_established\" value=86400"),
            (1_011_412, "I", "conntrack.go:121", "\"Set sysctl\" entry=\"net/netfilter/nf_conntrack_tcp_timeout_close_wait\" value=3600"),
            (1_011_440, "E", "server.go:234", "\"Kube-proxy configuration may be incomplete or incorrect\" err=\"nodePortAddresses is unset; "
                + "NodePort connections will be accepted on all local IPs. Consider using `--nodeport-addresses primary`\""),
            (1_011_466, "I", "server.go:243", "\"kube-proxy running in dual-stack mode\" primary ipFamily=\"IPv4\""),
            (1_011_506, "I", "server_linux.go:170", "\"Using iptables Proxier\""),
            (1_013_820, "I", "proxier.go:255", localnet),
            (1_079_907, "I", "server.go:497", "\"Version info\" version=\"\(facts.tag)\""),
            (1_079_932, "I", "server.go:499", "\"Golang settings\" GOGC=\"\" GOMAXPROCS=\"\" GOTRACEBACK=\"\""),
            (1_081_941, "I", "config.go:329", "\"Starting node config controller\""),
            (1_082_659, "I", "shared_informer.go:313", "Waiting for caches to sync for node config"),
            (1_082_848, "I", "config.go:199", "\"Starting service config controller\""),
            (1_082_881, "I", "shared_informer.go:313", "Waiting for caches to sync for service config"),
            (1_083_012, "I", "config.go:105", "\"Starting endpoint slice config controller\""),
            (1_083_020, "I", "shared_informer.go:313", "Waiting for caches to sync for endpoint slice config"),
            (1_183_034, "I", "shared_informer.go:320", "Caches are synced for node config"),
            (1_183_089, "I", "shared_informer.go:320", "Caches are synced for endpoint slice config"),
            (1_183_098, "I", "shared_informer.go:320", "Caches are synced for service config"),
        ])
    }

    /// A UUID made of stable hex digits (the leader election identity's suffix).
    private static func uuid(_ seed: String) -> String {
        let hex = Array(ComponentLogs.hex(seed, 32))
        func part(_ from: Int, _ to: Int) -> String { String(hex[from..<to]) }
        return part(0, 8) + "-" + part(8, 12) + "-4" + part(13, 16) + "-a" + part(17, 20) + "-" + part(20, 32)
    }
}

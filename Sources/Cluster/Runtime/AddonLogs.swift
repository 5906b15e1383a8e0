/// The network add-ons' startup logs: Calico's (logrus, `2026-01-05 09:00:21.512 [INFO][9] file.go 427: …`)
/// and flannel's (klog).
enum AddonLogs {
    typealias Entry = (offset: Int64, pid: Int, source: String, message: String)

    /// Calico's log lines on stdout; a line with an empty source is printed as is.
    private static func calico(_ start: Int64, _ entries: [Entry]) -> [ComponentLogs.Line] {
        entries.map { entry in
            let time = start + entry.offset * 1_000
            let text = entry.source.isEmpty ? entry.message
                : "\(ComponentLogs.dateTime(time)).\(ComponentLogs.millis(time)) [INFO][\(entry.pid)] \(entry.source): \(entry.message)"
            return ComponentLogs.Line(offset: entry.offset, stream: .stdout, text: text)
        }
    }

    static func calicoNode(_ start: Int64, _ facts: ComponentLogs.Facts) -> [ComponentLogs.Line] {
        calico(start, [
            (811_420, 9, "startup/startup.go 431", "Early log level set to info"),
            (811_804, 9, "startup/utils.go 126", "Using NODENAME environment for node name \(facts.node)"),
            (811_832, 9, "startup/utils.go 138", "Determined node name: \(facts.node)"),
            (812_016, 9, "startup/startup.go 95", "Starting node \(facts.node) with version v3.29.1"),
            (845_371, 9, "startup/startup.go 109", "Skipping datastore connection test"),
            (903_118, 9, "startup/startup.go 191", "Using node name: \(facts.node)"),
            (903_260, 9, "startup/startup.go 246", "Skipping IP autodetection"),
            (951_487, 9, "startup/startup.go 697", "FELIX_IPV6SUPPORT is false through environment variable"),
            (988_672, 9, "", "Calico node started successfully"),
            (1_915_204, 58, "felix/daemon.go 381", "Successfully loaded configuration. GOMAXPROCS=2 version=\"v3.29.1\""),
            (1_914_557, 58, "felix/daemon.go 458", "Connected to datastore"),
            (2_337_905, 58, "felix/health.go 336", "Overall health status changed: live=true ready=true"),
        ].sorted { $0.offset < $1.offset })
    }

    static func calicoKubeControllers(_ start: Int64, _ facts: ComponentLogs.Facts) -> [ComponentLogs.Line] {
        calico(start, [
            (412_801, 1, "main.go 107", "Loaded configuration from environment"),
            (415_102, 1, "k8s.go 652", "Trying to connect to Kubernetes"),
            (431_889, 1, "main.go 131", "Ensuring Calico datastore is initialized"),
            (448_217, 1, "main.go 157", "Calico datastore is initialized"),
            (448_390, 1, "main.go 194", "Getting initial config snapshot from datastore"),
            (463_512, 1, "main.go 197", "Got initial config snapshot"),
            (463_770, 1, "watchersyncer.go 89", "Start called"),
            (463_805, 1, "main.go 211", "Starting status report routine"),
            (463_841, 1, "main.go 220", "Starting Prometheus metrics server on port 9094"),
            (464_102, 1, "main.go 493", "Starting controller ControllerType=\"Node\""),
            (464_187, 1, "controller.go 193", "Starting Node controller"),
            (481_322, 1, "watchersyncer.go 130", "Sending status update Status=in-sync"),
            (564_951, 1, "controller.go 249", "Node controller is now running"),
        ])
    }

    static func flannel(_ start: Int64, _ facts: ComponentLogs.Facts) -> [ComponentLogs.Line] {
        KubeComponentLogs.klog(start, [
            (402_113, "W", "client_config.go:618",
             "Neither --kubeconfig nor --master was specified.  Using the inClusterConfig.  This might not work."),
            (413_880, "I", "kube.go:139", "Waiting 10m0s for node controller to sync"),
            (413_962, "I", "kube.go:469", "Starting kube subnet manager"),
            (1_414_235, "I", "kube.go:146", "Node controller sync successful"),
            (1_414_301, "I", "main.go:232", "Created subnet manager: Kubernetes Subnet Manager - \(facts.node)"),
            (1_414_318, "I", "main.go:235", "Installing signal handlers"),
            (1_414_529, "I", "main.go:469", "Found network config - Backend type: vxlan"),
            (1_416_807, "I", "match.go:211", "Determining IP address of default interface"),
            (1_417_240, "I", "match.go:264", "Using interface with name eth0 and address \(facts.nodeIP)"),
            (1_417_281, "I", "match.go:286", "Defaulting external address to interface address (\(facts.nodeIP))"),
            (1_417_402, "I", "vxlan.go:141", "VXLAN config: VNI=1 Port=0 GBP=false Learning=false DirectRouting=false"),
            (1_452_116, "I", "main.go:355", "Setting up masking rules"),
            (1_471_380, "I", "main.go:406", "Changing default FORWARD chain policy to ACCEPT"),
            (1_475_925, "I", "main.go:520", "Wrote subnet file to /run/flannel/subnet.env"),
            (1_475_944, "I", "main.go:524", "Running backend."),
            (1_476_112, "I", "vxlan_network.go:65", "watching for new subnet leases"),
            (1_481_008, "I", "main.go:545", "Waiting for all goroutines to exit"),
        ])
    }
}

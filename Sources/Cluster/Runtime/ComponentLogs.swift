import Controllers

/// What the control plane's components and the cluster add-ons print when they start, as v1.32.4,
/// etcd 3.5.16, CoreDNS 1.11.3, Calico 3.29 and flannel 0.24 print it, stamped from the container's start.
enum ComponentLogs {
    /// The facts a startup log quotes.
    struct Facts {
        var node: String
        var nodeIP: String
        var podIP: String
        /// The image tag (`v1.32.4`, `3.5.16-0`).
        var tag: String
        /// The process's command line.
        var argv: [String]
    }

    /// One line at `offset` microseconds after the start.
    struct Line {
        var offset: Int64
        var stream: ContainerLogLine.Stream
        var text: String
    }

    static func lines(_ kind: StartupLog.Kind, at start: Int64, facts: Facts) -> [Line] {
        switch kind {
        case .kubeAPIServer: return KubeComponentLogs.apiServer(start, facts)
        case .kubeControllerManager: return KubeComponentLogs.controllerManager(start, facts)
        case .kubeScheduler: return KubeComponentLogs.scheduler(start, facts)
        case .kubeProxy: return KubeComponentLogs.proxy(start, facts)
        case .etcd: return EtcdLog.lines(start, facts)
        case .coredns: return coredns()
        case .calicoNode: return AddonLogs.calicoNode(start, facts)
        case .calicoKubeControllers: return AddonLogs.calicoKubeControllers(start, facts)
        case .flannel: return AddonLogs.flannel(start, facts)
        case .none, .nginx, .httpd, .redis, .fluentd: return []
        }
    }

    /// CoreDNS prints its banner on stdout once the Corefile (kubeadm's, whose digest this is) is loaded.
    private static func coredns() -> [Line] {
        let sha = "591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908"
        return [".:53", "[INFO] plugin/reload: Running configuration SHA512 = " + sha, "CoreDNS-1.11.3",
                "linux/amd64, go1.21.11, a6338e9"].map { Line(offset: 412_318, stream: .stdout, text: $0) }
    }

    /// klog's text header: `I0105 09:00:05.640414       1 options.go:238] `.
    static func klog(_ level: Character, _ time: Int64, _ source: String, _ message: String) -> String {
        "\(level)\(SystemTime.monthDay(time)) \(SystemTime.clock(time)).\(micros(time))       1 \(source)] \(message)"
    }

    /// Six digits of microseconds.
    static func micros(_ time: Int64) -> String {
        let value = String((time / 1_000) % 1_000_000)
        return String(repeating: "0", count: 6 - value.count) + value
    }

    /// Three digits of milliseconds.
    static func millis(_ time: Int64) -> String {
        let value = String((time / 1_000_000) % 1_000)
        return String(repeating: "0", count: 3 - value.count) + value
    }

    /// `2026-01-05 09:00:05`
    static func dateTime(_ time: Int64) -> String {
        let date = SystemTime.civil(time)
        return "\(date.year)-\(SystemTime.two(date.month))-\(SystemTime.two(date.day)) \(SystemTime.clock(time))"
    }

    /// The value of `--name=value` in argv, if given.
    static func flag(_ name: String, in argv: [String]) -> String? {
        let prefix = "--" + name + "="
        return argv.last { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// Stable hex digits standing for ids a component makes up (member ids, leader identities).
    static func hex(_ seed: String, _ length: Int) -> String { StaticPodSource.hex(of: seed, length: length) }
}

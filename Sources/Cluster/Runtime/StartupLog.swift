import APIStore

/// What a serving image's process prints when it starts, with the times it prints them.
enum StartupLog {
    enum Kind {
        case none, nginx, httpd, redis, fluentd
        /// The cluster's own components (ComponentLogs): timed over their first seconds, klog on stderr.
        case kubeAPIServer, kubeControllerManager, kubeScheduler, kubeProxy, etcd, coredns, calicoNode,
             calicoKubeControllers, flannel
    }

    static func lines(_ kind: Kind, at time: Int64, podIP: String) -> [String] {
        let stamp = Timestamp.rfc3339(nanoseconds: time)  // 2026-01-05T09:00:05Z
        let chars = Array(stamp)
        func part(_ from: Int, _ to: Int) -> String { String(chars[from..<min(to, chars.count)]) }
        let year = part(0, 4), month = part(5, 7), day = part(8, 10), clock = part(11, 19)
        let monthName = months[(Int(month) ?? 1) - 1]
        switch kind {
        case .none, .kubeAPIServer, .kubeControllerManager, .kubeScheduler, .kubeProxy, .etcd, .coredns, .calicoNode,
             .calicoKubeControllers, .flannel:
            return []
        case .nginx:
            let at = "\(year)/\(month)/\(day) \(clock)"
            return [
                "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
                "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
                "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
                "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
                "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
                "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
                "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
                "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
                "/docker-entrypoint.sh: Configuration complete; ready for start up",
                "\(at) [notice] 1#1: using the \"epoll\" event method",
                "\(at) [notice] 1#1: nginx/1.27.3",
                "\(at) [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ",
                "\(at) [notice] 1#1: OS: Linux 6.8.0-1019-gcp",
                "\(at) [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576",
                "\(at) [notice] 1#1: start worker processes",
                "\(at) [notice] 1#1: start worker process 29",
                "\(at) [notice] 1#1: start worker process 30",
            ]
        case .httpd:
            let weekday = weekdays[Int((time / 1_000_000_000 / 86_400 + 3) % 7)]
            let at = "[\(weekday) \(monthName) \(day) \(clock).000000 \(year)]"
            let fqdn = "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using \(podIP). "
                + "Set the 'ServerName' directive globally to suppress this message"
            return [fqdn, fqdn,
                    "\(at) [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations",
                    "\(at) [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'"]
        case .redis:
            let at = "\(day) \(monthName) \(year) \(clock).000"
            return [
                "1:C \(at) # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail "
                    + "under low memory condition. Being disabled, it can also cause failures without low memory condition, "
                    + "see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' "
                    + "to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
                "1:C \(at) * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
                "1:C \(at) * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started",
                "1:C \(at) # Warning: no config file specified, using the default config. In order to specify a config file "
                    + "use redis-server /path/to/redis.conf",
                "1:M \(at) * monotonic clock: POSIX clock_gettime",
                "1:M \(at) * Running mode=standalone, port=6379.",
                "1:M \(at) * Server initialized",
                "1:M \(at) * Ready to accept connections tcp",
            ]
        case .fluentd:
            let at = "\(year)-\(month)-\(day) \(clock) +0000"
            return [
                "\(at) [info]: init supervisor logger path=nil rotate_age=nil rotate_size=nil",
                "\(at) [info]: parsing config file is succeeded path=\"/fluentd/etc/fluent.conf\"",
                "\(at) [info]: gem 'fluentd' version '1.17.1'",
                "\(at) [info]: using configuration file: <ROOT>",
                "\(at) [info]: starting fluentd-1.17.1 pid=7 ruby=\"3.2.5\"",
                "\(at) [info]: spawn command to main:  cmdline=[\"/usr/bin/ruby\", \"-Eascii-8bit:ascii-8bit\", "
                    + "\"/usr/bin/fluentd\", \"-c\", \"/fluentd/etc/fluent.conf\", \"-p\", \"/fluentd/plugins\", \"--under-supervisor\"]",
                "\(at) [info]: #0 fluentd worker is now running worker=0",
            ]
        }
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    /// 1970-01-01 was a Thursday.
    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
}

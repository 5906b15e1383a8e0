import APIStore

/// etcd 3.5's startup log: zap JSON lines on stderr, one object per line.
enum EtcdLog {
    static func lines(_ start: Int64, _ facts: ComponentLogs.Facts) -> [ComponentLogs.Line] {
        let argv = facts.argv
        let name = ComponentLogs.flag("name", in: argv) ?? facts.node
        let dataDir = ComponentLogs.flag("data-dir", in: argv) ?? "/var/lib/etcd"
        let peerURLs = list(ComponentLogs.flag("listen-peer-urls", in: argv) ?? "https://\(facts.nodeIP):2380")
        let clientURLs = list(ComponentLogs.flag("listen-client-urls", in: argv) ?? "https://127.0.0.1:2379")
        let advertised = list(ComponentLogs.flag("advertise-client-urls", in: argv) ?? "https://\(facts.nodeIP):2379")
        let metrics = list(ComponentLogs.flag("listen-metrics-urls", in: argv) ?? "http://127.0.0.1:2381")
        let version = facts.tag.split(separator: "-").first.map(String.init) ?? facts.tag
        let member = ComponentLogs.hex("etcd-member/" + name, 16)
        let cluster = ComponentLogs.hex("etcd-cluster/" + name, 16)
        let peerTLS = "cert = /etc/kubernetes/pki/etcd/peer.crt, key = /etc/kubernetes/pki/etcd/peer.key, client-cert=, "
            + "client-key=, trusted-ca = /etc/kubernetes/pki/etcd/ca.crt, client-cert-auth = true, crl-file = "
        // Raft speaks through etcd's zap adapter.
        let raft = "raft"
        var entries: [(Int64, String, String, String, String)] = [
            (21_034, "info", "etcdmain/etcd.go:73", "Running: ", ",\"args\":" + json(argv)),
            (21_196, "info", "etcdmain/etcd.go:116", "server has been already initialized",
             ",\"data-dir\":\(json(dataDir)),\"dir-type\":\"member\""),
            (21_233, "info", "embed/etcd.go:140", "configuring peer listeners", ",\"listen-peer-urls\":" + json(peerURLs)),
            (21_301, "info", "embed/etcd.go:528", "starting with peer TLS", ",\"tls-info\":\(json(peerTLS)),\"cipher-suites\":[]"),
            (22_087, "info", "embed/etcd.go:148", "configuring client listeners", ",\"listen-client-urls\":" + json(clientURLs)),
            (22_540, "info", "embed/etcd.go:323", "starting an etcd server",
             ",\"etcd-version\":\(json(version)),\"git-sha\":\"f20bbad\",\"go-version\":\"go1.22.7\",\"go-os\":\"linux\","
                + "\"go-arch\":\"amd64\",\"max-cpu-set\":2,\"max-cpu-available\":2,\"member-initialized\":true,"
                + "\"name\":\(json(name)),\"data-dir\":\(json(dataDir)),\"member-dir\":\(json(dataDir + "/member")),"
                + "\"heartbeat-interval\":\"100ms\",\"election-timeout\":\"1s\",\"snapshot-count\":10000,"
                + "\"advertise-client-urls\":\(json(advertised)),\"listen-client-urls\":\(json(clientURLs)),"
                + "\"listen-metrics-urls\":\(json(metrics)),\"quota-backend-bytes\":2147483648"),
            (24_905, "info", "etcdserver/backend.go:81", "opened backend db",
             ",\"path\":\(json(dataDir + "/member/snap/db")),\"took\":\"2.104905ms\""),
            (96_212, "info", "etcdserver/raft.go:530", "restarting local member",
             ",\"cluster-id\":\"\(cluster)\",\"local-member-id\":\"\(member)\",\"commit-index\":1873"),
            (96_388, "info", raft, "\(member) switched to configuration voters=()", ""),
            (96_415, "info", raft, "\(member) became follower at term 2", ""),
            (96_441, "info", raft, "newRaft \(member) [peers: [], term: 2, commit: 1873, applied: 0, lastindex: 1873, lastterm: 2]", ""),
            (1_105_672, "info", raft, "\(member) is starting a new election at term 2", ""),
            (1_105_734, "info", raft, "\(member) became pre-candidate at term 2", ""),
            (1_105_798, "info", raft, "\(member) became candidate at term 3", ""),
            (1_105_850, "info", raft, "\(member) became leader at term 3", ""),
            (1_105_879, "info", raft, "raft.node: \(member) elected leader \(member) at term 3", ""),
            (1_107_302, "info", "etcdserver/server.go:2118", "published local member to cluster through raft",
             ",\"local-member-id\":\"\(member)\",\"local-member-attributes\":"
                + json("{Name:\(name) ClientURLs:[\(advertised.joined(separator: " "))]}")
                + ",\"request-path\":\"/0/members/\(member)/attributes\",\"cluster-id\":\"\(cluster)\",\"publish-timeout\":\"7s\""),
            (1_107_388, "info", "embed/serve.go:103", "ready to serve client requests", ""),
        ]
        for (index, url) in clientURLs.enumerated() {
            let address = url.split(separator: "/").last.map(String.init) ?? url
            entries.append((1_108_021 + Int64(index) * 93, "info", "embed/serve.go:250", "serving client traffic securely",
                            ",\"traffic\":\"grpc+http\",\"address\":\(json(address))"))
        }
        entries.append((1_108_540, "info", "embed/etcd.go:870", "serving metrics", ",\"address\":" + json(metrics.first ?? "")))
        return entries.map { offset, level, caller, message, fields in
            let time = start + offset * 1_000
            let ts = Timestamp.rfc3339(nanoseconds: time).dropLast() + "." + ComponentLogs.micros(time) + "Z"
            let source = caller == raft ? "\"logger\":\"raft\",\"caller\":\"etcdserver/zap_raft.go:77\"" : "\"caller\":\"\(caller)\""
            return ComponentLogs.Line(offset: offset, stream: .stderr,
                                      text: "{\"level\":\"\(level)\",\"ts\":\"\(ts)\",\(source),\"msg\":\(json(message))\(fields)}")
        }
    }

    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map(String.init)
    }

    private static func json(_ values: [String]) -> String {
        "[" + values.map(json).joined(separator: ",") + "]"
    }

    /// A JSON string literal.
    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

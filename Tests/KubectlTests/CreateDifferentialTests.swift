import Testing

/// `kubectl create … --dry-run=client` objects against kubectl v1.32.
@Suite struct CreateDifferentialTests {
    static let lines: [[String]] = [
        ["create", "deployment", "web", "--image=nginx"],
        ["create", "deployment", "web", "--image=nginx", "--replicas=3", "--port=80", "--", "sleep", "10"],
        ["create", "deployment", "web", "--image=nginx", "--image=busybox", "-n", "prod"],
        ["create", "deploy", "web", "--image=registry.k8s.io/pause:3.10"],
        ["create", "job", "j1", "--image=busybox", "--", "echo", "hi"],
        ["create", "cronjob", "c1", "--image=busybox", "--schedule=*/1 * * * *", "--", "date"],
        ["create", "configmap", "cm1", "--from-literal=b=2", "--from-literal=a=1"],
        ["create", "cm", "cm1", "--from-file=app.conf", "--from-file=k=app.conf", "-n", "x"],
        ["create", "cm", "cm1", "--from-env-file=app.env"],
        ["create", "cm", "cm1", "--from-file=conf"],
        ["create", "secret", "generic", "s1", "--from-literal=pw=x", "--from-literal=user=admin"],
        ["create", "secret", "generic", "s1", "--from-literal=pw=x", "--type=foo"],
        ["create", "ns", "foo"], ["create", "namespace", "foo", "-n", "bar"],
        ["create", "sa", "bot"], ["create", "serviceaccount", "bot", "-n", "kube-system"],
        ["create", "service", "clusterip", "svc1", "--tcp=80:8080"], ["create", "svc", "clusterip", "h", "--clusterip=None"],
        ["create", "service", "nodeport", "np", "--tcp=80:8080", "--node-port=30080"],
        ["create", "service", "loadbalancer", "lb", "--tcp=80", "--tcp=443:https"],
        ["create", "service", "externalname", "e", "--external-name=example.com"],
        ["create", "rolebinding", "rb", "--role=r1", "--user=bob", "--group=devs", "--serviceaccount=default:bot"],
        ["create", "clusterrolebinding", "crb", "--clusterrole=cr", "--serviceaccount=default:bot"],
        ["create", "quota", "q", "--hard=pods=2,services=3"], ["create", "priorityclass", "pc", "--value=1000", "--description=x"],
    ]

    static let files = [
        "app.conf": "port=80\nhost=web\n", "app.env": "# comment\nA=1\n\nB=two words\n",
        "conf/a.txt": "alpha\n", "conf/b.txt": "beta\n",
    ]

    /// Flags go before `--` (after it they are the container's command).
    static func adding(_ flags: [String], to line: [String]) -> [String] {
        guard let dash = line.firstIndex(of: "--") else { return line + flags }
        return Array(line[..<dash]) + flags + Array(line[dash...])
    }

    @Test(arguments: lines)
    func jsonMatchesKubectl(_ line: [String]) {
        guard KubectlHarness.oracleAvailable else { return }
        let full = Self.adding(["--dry-run=client", "-o", "json"], to: line)
        #expect(KubectlHarness.lab(full, files: Self.files) == KubectlHarness.real(full, files: Self.files),
                "kubectl \(full.joined(separator: " "))")
    }

    @Test(arguments: lines)
    func nameAndMessageMatchKubectl(_ line: [String]) {
        guard KubectlHarness.oracleAvailable else { return }
        for extra in [["--dry-run=client"], ["--dry-run=client", "-o", "name"], ["--dry-run=client", "-o", "yaml"]] {
            let full = Self.adding(extra, to: line)
            #expect(KubectlHarness.lab(full, files: Self.files) == KubectlHarness.real(full, files: Self.files),
                    "kubectl \(full.joined(separator: " "))")
        }
    }
}

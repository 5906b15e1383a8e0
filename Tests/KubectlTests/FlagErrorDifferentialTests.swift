import Testing

/// Flag and command errors, byte for byte against kubectl v1.32.
@Suite struct FlagErrorDifferentialTests {
    static let lines: [[String]] = [
        ["get", "--foo"], ["get", "-z"], ["get", "-n"], ["get", "--namespace"], ["-n"], ["-v", "x"], ["--v=x", "get"],
        ["get", "-A=foo"], ["get", "--all-namespaces=maybe"], ["get", "--all_namespaces=x"], ["get", "---x"], ["get", "--=x"],
        ["create", "deployment", "x", "--image=nginx", "--replicas=x"], ["create", "deploy", "x", "--image=a", "-r", "9999999999"],
        ["create", "deploy", "x", "--image=a", "--port=x"], ["wait", "--timeout=x"], ["wait", "--timeout=5"], ["wait", "--timeout=5x"],
        ["foo"], ["gett"], ["crate"], ["ver"], ["versio"], ["gets"], ["xyz"], ["alpa"], ["desc"], ["lo"], ["gett", "--x"],
        ["--foo", "get", "pods"], ["-n", "foo", "gett"],
        ["set", "foo"], ["set", "foo", "bar"], ["rollout", "foo"], ["create", "secret", "foo"],
        ["create", "deployment"], ["create", "deploy", "--image=x"], ["create", "deployment", "a", "b", "--image=x"], ["create", "deployment", "a"],
        ["create", "job"], ["create", "job", "j"], ["create", "cronjob", "c", "--image=x"], ["create", "cronjob", "c", "--schedule=x"],
        ["create", "cm"], ["create", "cm", "c", "--from-literal=a"], ["create", "cm", "c", "--from-literal==b"],
        ["create", "cm", "c", "--from-literal=a=1", "--from-literal=a=2", "--dry-run=client"],
        ["create", "secret", "generic"], ["create", "ns"], ["create", "ns", "a", "b"], ["create", "sa"], ["create", "svc", "clusterip"],
        ["create", "svc", "clusterip", "s", "--tcp=x"], ["create", "svc", "nodeport", "s"], ["create", "svc", "externalname", "e"],
        ["create", "rolebinding", "rb"], ["create", "rolebinding", "rb", "--role=x", "--serviceaccount=bad", "--dry-run=client"],
        ["create", "role", "r"], ["run"], ["run", "x"], ["run", "x", "--image=y", "--restart=bad"],
        ["create", "deploy", "d", "--image=x", "--dry-run=client", "-o", "wide"], ["create", "deploy", "d", "--image=x", "--dry-run=bogus"],
        ["create", "deploy", "d", "--image=x", "--dry-run=client", "-o", "jsonpath"],
        ["create", "deploy", "d", "--image=x", "--dry-run=client", "-o", "jsonpath={.spec.replicas"],
        ["create", "cm", "c", "--from-file=/nonexist"], ["create", "cm", "c", "--from-env-file=/nonexist"],
        ["get", "-Az"], ["get", "--selector"], ["logs", "-c"], ["delete", "--grace-period=abc"],
    ]

    @Test(arguments: lines)
    func sameErrorAsKubectl(_ line: [String]) {
        guard KubectlHarness.oracleAvailable else { return }
        let real = KubectlHarness.real(line)
        let lab = KubectlHarness.lab(line)
        // The real kubectl cannot reach a server here; compare only lines it answers offline.
        #expect(lab == real, "kubectl \(line.joined(separator: " "))")
    }
}

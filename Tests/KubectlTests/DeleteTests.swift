import Testing

/// `kubectl delete` in a fresh lab, and its client-side refusals against kubectl 1.32.
@Suite struct DeleteTests {
    static func lab() -> ApplyLab {
        let lab = ApplyLab()
        lab.run("kubectl create deployment web --image=nginx; kubectl create deployment api --image=nginx")
        lab.run("kubectl create configmap c1 --from-literal=a=1; kubectl create configmap c2 --from-literal=a=1")
        lab.run("kubectl label cm c1 tier=x")
        return lab
    }

    @Test func byNamesAndTypeSlashName() {
        let lab = Self.lab()
        #expect(lab.run("kubectl delete deploy web api") == KubectlRun(
            stdout: "deployment.apps \"web\" deleted\ndeployment.apps \"api\" deleted\n", stderr: "", status: 0))
        #expect(lab.run("kubectl delete configmap/c1 cm/c2 -o name") == KubectlRun(
            stdout: "configmap/c1\nconfigmap/c2\n", stderr: "", status: 0))
    }

    @Test func notFoundAndIgnoreNotFound() {
        let lab = Self.lab()
        #expect(lab.run("kubectl delete cm nope c1") == KubectlRun(
            stdout: "configmap \"c1\" deleted\n", stderr: "Error from server (NotFound): configmaps \"nope\" not found\n", status: 1))
        #expect(lab.run("kubectl delete cm nope --ignore-not-found") == KubectlRun(stdout: "", stderr: "", status: 0))
    }

    @Test func selectorsAndAll() {
        let lab = Self.lab()
        #expect(lab.run("kubectl delete cm -l tier=none") == KubectlRun(stdout: "No resources found\n", stderr: "", status: 0))
        #expect(lab.run("kubectl delete cm -l tier=x").stdout == "configmap \"c1\" deleted\n")
        #expect(lab.run("kubectl delete deploy --all").stdout == "deployment.apps \"api\" deleted\ndeployment.apps \"web\" deleted\n")
        lab.run("kubectl create namespace prod; kubectl create cm p1 -n prod")
        #expect(lab.run("kubectl delete cm --all -A --dry-run=client").stdout.contains("configmap \"p1\" deleted (dry run)\n"))
        #expect(lab.object("configmaps", "p1", namespace: "prod") != nil)
    }

    @Test func forceAndGracePeriod() {
        let lab = Self.lab()
        lab.run("kubectl run p --image=nginx")
        let warning = "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n"
        #expect(lab.run("kubectl delete pod p --force --grace-period=0") == KubectlRun(
            stdout: "pod \"p\" force deleted\n", stderr: warning, status: 0))
        #expect(lab.object("pods", "p") == nil)
        #expect(lab.run("kubectl delete pod p --now").stderr == "Error from server (NotFound): pods \"p\" not found\n")
    }

    @Test func fromFilesAndNamespaces() {
        let lab = Self.lab()
        lab.run("kubectl create namespace dev")
        lab.write("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n")
        #expect(lab.run("kubectl delete -f ns.yaml") == KubectlRun(stdout: "namespace \"dev\" deleted\n", stderr: "", status: 0))
        lab.write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gone\n")
        #expect(lab.run("kubectl delete -f cm.yaml").stderr
            == "Error from server (NotFound): error when deleting \"cm.yaml\": configmaps \"gone\" not found\n")
        #expect(lab.run("kubectl delete namespace default").stderr
            == "Error from server (Forbidden): namespaces \"default\" is forbidden: this namespace may not be deleted\n")
    }

    /// `--field-selector` narrows what is deleted (with `-l` or alone); the server refuses fields it does not know.
    @Test func fieldSelectorsNarrowTheDelete() {
        let lab = Self.lab()
        #expect(lab.run("kubectl -n kube-system delete pod -l k8s-app=kube-proxy --field-selector spec.nodeName=node01 --wait=false")
            == KubectlRun(stdout: "pod \"kube-proxy-xcmt4\" deleted\n", stderr: "", status: 0))
        #expect(lab.run("kubectl delete pods --field-selector status.phase=Failed")
            == KubectlRun(stdout: "No resources found\n", stderr: "", status: 0))
        #expect(lab.run("kubectl delete pods --field-selector foo=bar").stderr == "Error from server (BadRequest): Unable to find "
            + "\"/v1, Resource=pods\" that match label selector \"\", field selector \"foo=bar\": field label not supported: foo\n")
    }

    @Test func cascadeValues() {
        let lab = Self.lab()
        #expect(lab.run("kubectl delete deploy web --cascade=false") == KubectlRun(
            stdout: "deployment.apps \"web\" deleted\n",
            stderr: "warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n", status: 0))
        #expect(lab.run("kubectl delete deploy api --cascade=foreground").stdout == "deployment.apps \"api\" deleted\n")
    }

    /// Refusals kubectl 1.32 makes before it talks to a server.
    static let offline: [[String]] = [
        ["delete"], ["delete", "pod", "x", "--cascade=bad"], ["delete", "pod", "x", "--now", "--grace-period=3"],
        ["create"], ["apply"], ["apply", "-f", "nope.yaml"], ["delete", "-f", "nope.yaml"],
        ["create", "-f", "nope.yaml"], ["replace", "-f", "nope.yaml"], ["create", "foo"], ["apply", "foo"],
        ["apply", "-f", "nope.yaml", "foo"], ["replace"], ["create", "-f", "x.yaml", "--validate=bad"],
    ]

    @Test(arguments: offline)
    func offlineRefusalsMatchKubectl(_ line: [String]) {
        guard KubectlHarness.oracleAvailable else { return }
        let lab = ApplyLab()
        let run = lab.run("kubectl " + line.joined(separator: " "))
        let real = KubectlHarness.real(line)
        #expect(run == real, "kubectl \(line.joined(separator: " "))")
    }

    /// Refusals that need discovery first in the real kubectl (its stderr starts with connection noise).
    @Test func selectorRefusals() {
        let lab = Self.lab()
        #expect(lab.run("kubectl delete pod").stderr == "error: resource(s) were provided, but no name was specified\n")
        #expect(lab.run("kubectl delete pod x -l a=b").stderr == "error: name cannot be provided when a selector is specified\n")
        #expect(lab.run("kubectl delete pods --all -l a=b").stderr == "error: setting 'all' parameter but found a non empty selector. \n")
        #expect(lab.run("kubectl delete pod x -o yaml").stderr == "error: unexpected -o output mode: yaml. We only support '-o name'\n")
        #expect(lab.run("kubectl delete pod x --force --grace-period=3").stderr
            == "error: --force and --grace-period greater than 0 cannot be specified together\n")
        #expect(lab.run("kubectl delete foos x").stderr == "error: the server doesn't have a resource type \"foos\"\n")
    }
}

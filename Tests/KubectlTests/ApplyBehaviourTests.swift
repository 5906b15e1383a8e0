import KubeModel
import Testing

/// `kubectl apply/create/replace -f` against a fresh lab: what is printed and what is stored.
@Suite struct ApplyBehaviourTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: nginx
                image: nginx:1.25
                env:
                - name: A
                  value: "1"
                - name: B
                  value: "2"
              - name: sidecar
                image: busybox
                command: ["sleep", "infinity"]

        """

    @Test func lastAppliedIsCompactSortedJSONWithANewline() {
        let lab = ApplyLab()
        lab.write("cm.yaml", "kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: cm\n  annotations: {z: \"1\", a: \"<&>\"}\ndata:\n  b: bee\n  a: ay\n")
        #expect(lab.run("kubectl apply -f cm.yaml") == KubectlRun(stdout: "configmap/cm created\n", stderr: "", status: 0))
        let annotation = lab.object("configmaps", "cm")?.annotations["kubectl.kubernetes.io/last-applied-configuration"]
        #expect(annotation == #"{"apiVersion":"v1","data":{"a":"ay","b":"bee"},"kind":"ConfigMap","metadata":{"annotations":{"a":"\u003c\u0026\u003e","z":"1"},"name":"cm","namespace":"default"}}"# + "\n")
        #expect(lab.run("kubectl apply -f cm.yaml").stdout == "configmap/cm unchanged\n")
    }

    @Test func threeWayMergeKeepsOtherWritersAndDropsWhatTheFileDropped() {
        let lab = ApplyLab()
        lab.write("web.yaml", Self.deployment)
        #expect(lab.run("kubectl apply -f web.yaml").stdout == "deployment.apps/web created\n")
        // Another writer adds a label; the file drops env B and the sidecar and changes the image.
        lab.run("kubectl label deploy web team=blue")
        let dropped = ["name: B", "value: \"2\"", "name: sidecar", "image: busybox", "command: ["]
        let edited = Self.deployment.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !dropped.contains { line.contains($0) } }
            .joined(separator: "\n").replacingOccurrences(of: "nginx:1.25", with: "nginx:1.26")
        lab.write("web.yaml", edited)
        #expect(lab.run("kubectl apply -f web.yaml") == KubectlRun(stdout: "deployment.apps/web configured\n", stderr: "", status: 0))
        let stored = lab.object("deployments", "web")
        #expect(stored?.labels["team"] == "blue")
        let containers = stored?[path: ["spec", "template", "spec", "containers"]]?.arrayValue ?? []
        #expect(containers.count == 1)
        #expect(containers.first?["image"] == "nginx:1.26")
        #expect(containers.first?["env"] == [["name": "A", "value": "1"]])
        // Defaults the server added stay.
        #expect(containers.first?["imagePullPolicy"] == "IfNotPresent")
        #expect(lab.run("kubectl apply -f web.yaml").stdout == "deployment.apps/web unchanged\n")
    }

    @Test func applyToAnImperativeObjectWarnsThenConfigures() {
        let lab = ApplyLab()
        lab.run("kubectl create deployment web --image=nginx")
        lab.write("web.yaml", Self.deployment)
        let warning = "Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n"
        #expect(lab.run("kubectl apply -f web.yaml") == KubectlRun(stdout: "deployment.apps/web configured\n", stderr: warning, status: 0))
        #expect(lab.run("kubectl apply -f web.yaml") == KubectlRun(stdout: "deployment.apps/web unchanged\n", stderr: "", status: 0))
    }

    @Test func createSaveConfigThenApplyIsQuiet() {
        let lab = ApplyLab()
        lab.write("web.yaml", Self.deployment)
        #expect(lab.run("kubectl create -f web.yaml --save-config").stdout == "deployment.apps/web created\n")
        #expect(lab.run("kubectl apply -f web.yaml") == KubectlRun(stdout: "deployment.apps/web unchanged\n", stderr: "", status: 0))
    }

    @Test func createTwiceIsAlreadyExists() {
        let lab = ApplyLab()
        lab.write("web.yaml", Self.deployment)
        lab.run("kubectl create -f web.yaml")
        #expect(lab.run("kubectl create -f web.yaml") == KubectlRun(
            stdout: "", stderr: "Error from server (AlreadyExists): error when creating \"web.yaml\": deployments.apps \"web\" already exists\n",
            status: 1))
    }

    @Test func dryRunsAndOutputFormats() {
        let lab = ApplyLab()
        lab.write("web.yaml", Self.deployment)
        let before = lab.storeState[1]
        #expect(lab.run("kubectl apply -f web.yaml --dry-run=client").stdout == "deployment.apps/web created (dry run)\n")
        #expect(lab.run("kubectl apply -f web.yaml --dry-run=server").stdout == "deployment.apps/web created (server dry run)\n")
        #expect(lab.run("kubectl create -f web.yaml --dry-run=server -o name").stdout == "deployment.apps/web\n")
        // Object count only: the store spends a resourceVersion on a server dry run.
        #expect(lab.storeState[1] == before)
        let yaml = lab.run("kubectl create -f web.yaml -o yaml")
        #expect(yaml.stdout.hasPrefix("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: "))
    }

    @Test func severalFilesDirectoriesAndStdin() {
        let lab = ApplyLab()
        lab.write("d/b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n")
        lab.write("d/a.yml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n")
        lab.write("d/notes.txt", "not a manifest\n")
        lab.write("d/sub/c.json", #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}"#)
        #expect(lab.run("kubectl apply -f d").stdout == "configmap/a created\nconfigmap/b created\n")
        #expect(lab.run("kubectl apply -R -f d").stdout == "configmap/a unchanged\nconfigmap/b unchanged\nconfigmap/c created\n")
        #expect(lab.run("printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: s\\n' | kubectl create -f - -f d/a.yml") == KubectlRun(
            stdout: "configmap/s created\n",
            stderr: "Error from server (AlreadyExists): error when creating \"d/a.yml\": configmaps \"a\" already exists\n", status: 1))
        #expect(lab.run("kubectl apply -f https://example.com/x.yaml").stderr
            == "Unable to connect to the server: dial tcp: lookup example.com on 127.0.0.53:53: server misbehaving\n")
        lab.write("empty/readme", "x")
        #expect(lab.run("kubectl apply -f empty").stderr == "error: error reading [empty]: recognized file extensions are [.json .yaml .yml]\n")
    }

    @Test func severalFailuresAreListedWithoutPrefix() {
        let lab = ApplyLab()
        lab.write("m.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Nope\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n")
        #expect(lab.run("kubectl apply -f m.yaml") == KubectlRun(
            stdout: "configmap/ok created\n",
            stderr: "resource mapping not found for name: \"x\" namespace: \"\" from \"m.yaml\": no matches for kind \"Nope\" in version \"v1\"\nensure CRDs are installed first\n"
                + "Error from server (Invalid): error when creating \"m.yaml\": Pod \"p\" is invalid: spec.containers[0].image: Required value\n",
            status: 1))
    }

    @Test func namespaceFlagAgainstTheObject() {
        let lab = ApplyLab()
        lab.run("kubectl create namespace prod")
        lab.write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  namespace: dev\n")
        #expect(lab.run("kubectl apply -f cm.yaml -n prod").stderr
            == "error: the namespace from the provided object \"dev\" does not match the namespace \"prod\". You must pass '--namespace=dev' to perform this operation.\n")
        lab.write("cm2.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm2\n")
        #expect(lab.run("kubectl apply -f cm2.yaml -n prod").stdout == "configmap/cm2 created\n")
        #expect(lab.object("configmaps", "cm2", namespace: "prod") != nil)
    }

    @Test func replaceAndForceReplace() {
        let lab = ApplyLab()
        lab.write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: \"1\"\n")
        #expect(lab.run("kubectl replace -f cm.yaml").stderr
            == "Error from server (NotFound): error when replacing \"cm.yaml\": configmaps \"cm\" not found\n")
        lab.run("kubectl create -f cm.yaml")
        lab.write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: \"2\"\n")
        #expect(lab.run("kubectl replace -f cm.yaml").stdout == "configmap/cm replaced\n")
        #expect(lab.object("configmaps", "cm")?[path: ["data", "a"]] == "2")
        #expect(lab.run("kubectl replace --force -f cm.yaml").stdout == "configmap \"cm\" deleted\nconfigmap/cm replaced\n")
    }
}

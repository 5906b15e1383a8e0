import Testing

/// `kubectl run --overrides` against kubectl v1.32. kubectl run asks discovery for the Pod's
/// REST mapping even with `--dry-run=client`, so the oracle gets a server address that never
/// answers and a fresh discovery cache that names pods.
@Suite struct RunOverridesDifferentialTests {
    static let cacheDirectory = ".kube/cache/discovery/127.0.0.1_6443/"
    static let discoveryCache = [
        cacheDirectory + "servergroups.json": """
            {"kind":"APIGroupList","apiVersion":"v1","groups":[{"name":"","versions":[{"groupVersion":"v1","version":"v1"}],\
            "preferredVersion":{"groupVersion":"v1","version":"v1"}}]}
            """,
        cacheDirectory + "v1/serverresources.json": """
            {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[{"name":"pods","singularName":"pod",\
            "namespaced":true,"kind":"Pod","verbs":["create","delete","get","list","patch","update","watch"],"shortNames":["po"]}]}
            """,
    ]

    static func real(_ line: [String]) -> KubectlRun {
        KubectlHarness.real(["--server=https://127.0.0.1:6443", "--token=x"] + line, files: discoveryCache)
    }

    static let lines: [[String]] = [
        ["run", "web", "--image=nginx", #"--overrides={"spec":{"nodeName":"node01"}}"#],
        ["run", "web", "--image=nginx", #"--overrides={"spec":"#],
        ["run", "web", "--image=nginx", "--overrides=[]"],
        ["run", "web", "--image=nginx", "--overrides=5"],
        ["run", "web", "--image=nginx", "--overrides=nodeName: x"],
        ["run", "web", "--image=nginx", "--overrides={}"],
        ["run", "web", "--image=nginx", #"--overrides={"spec":{"nodeName":5}}"#],
        ["run", "web", "--image=nginx", #"--overrides={"spec":{"foo":1,"hostNetwork":true}}"#],
        ["run", "web", "--image=nginx", #"--overrides={"apiVersion":"v2"}"#],
        ["run", "web", "--image=nginx", "-n", "prod", #"--overrides={"metadata":{"labels":null,"name":"other"}}"#],
        ["run", "web", "--image=nginx", #"--overrides={"spec":{"containers":[{"name":"web","image":"busybox","stdin":true,"tty":true}]}}"#],
        ["run", "web", "--image=nginx", "--labels=app=web,tier=fe",
         #"--overrides={"apiVersion":"v1","spec":{"nodeSelector":{"disk":"ssd"},"tolerations":[{"operator":"Exists"}]}}"#],
        ["run", "web", "--image=nginx", "--override-type=strategic", #"--overrides={"spec":{"containers":[{"name":"web","stdin":true}]}}"#],
        ["run", "web", "--image=nginx", "--override-type=strategic", #"--overrides=[{"op":"add"}]"#],
        ["run", "web", "--image=nginx", "--override-type=json", #"--overrides=[{"op":"add","path":"/spec/nodeName","value":"n1"}]"#],
        ["run", "web", "--image=nginx", "--override-type=json", #"--overrides={"spec":{}}"#],
        ["run", "web", "--image=nginx", "--override-type=foo", "--overrides={}"],
        ["run", "web", "--image=nginx", "--override-type=foo"],
    ]

    @Test(arguments: lines)
    func yamlMatchesKubectl(_ line: [String]) {
        guard KubectlHarness.oracleAvailable else { return }
        let full = line + ["--dry-run=client", "-o", "yaml"]
        #expect(KubectlHarness.lab(full) == Self.real(full), "kubectl \(full.joined(separator: " "))")
    }

    @Test func jsonKeepsGoOrderForGeneratedFields() {
        guard KubectlHarness.oracleAvailable else { return }
        let full = ["run", "web", "--image=nginx", #"--overrides={"metadata":{"annotations":{"a":"b"}}}"#, "--dry-run=client", "-o", "json"]
        #expect(KubectlHarness.lab(full) == Self.real(full), "kubectl \(full.joined(separator: " "))")
    }
}

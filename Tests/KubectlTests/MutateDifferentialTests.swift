import Testing

/// `--local` runs need no server: the same lines through kubectl v1.32 and the lab.
@Suite struct MutateDifferentialTests {
    static let files = [
        "d.yaml": MutateFixtures.deployment + "\n",
        "p.yaml": MutateFixtures.pod + "\n",
        "d2.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              finalizers: [a, b]
            spec:
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  tolerations: [{key: a, operator: Exists}]
                  containers:
                  - name: a
                    image: nginx
                    env: [{name: X, value: "1"}, {name: "Y", value: "2"}]
                    ports: [{containerPort: 80}, {containerPort: 81}]
                  - name: b
                    image: nginx
                  - name: c
                    image: nginx

            """,
        "patch.yaml": "spec:\n  replicas: 7\n",
        "r.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: r\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources:\n      limits: {cpu: \"1\"}\n",
        "d3.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: a
                    image: nginx
                    env: [{name: X, value: "1"}, {name: W, value: "2"}]
                  - name: b
                    image: nginx
                  - name: c
                    image: nginx

            """,
    ]

    static let lines: [[String]] = [
        ["label", "-f", "d.yaml", "--local", "app=x"],
        ["label", "-f", "d.yaml", "--local", "app=x", "--overwrite", "-o", "yaml"],
        ["label", "-f", "d.yaml", "--local", "tier=fe"],
        ["label", "-f", "d.yaml", "--local", "app-"],
        ["label", "-f", "d.yaml", "--local", "nope-"],
        ["label", "-f", "d.yaml", "--local", "--list"],
        ["label", "-f", "d.yaml", "--local", "a=b=c"],
        ["label", "-f", "d.yaml", "--local", "a=b c"],
        ["label", "-f", "d.yaml", "--local", "a=b", "a-"],
        ["label", "-f", "d.yaml", "--local"],
        ["label", "deploy", "web", "a=b", "--local"],
        ["label", "-f", "d.yaml", "-f", "p.yaml", "--local", "app=x", "run=y"],
        ["label", "-f", "p.yaml", "--local", "a=b", "--dry-run=client", "-o", "name"],
        ["label", "-f", "p.yaml", "--local", "a=b", "--dry-run=server"],
        ["label", "-f", "p.yaml", "--local", "--list", "-o", "yaml"],
        ["annotate", "-f", "p.yaml", "--local", "a=x"],
        ["annotate", "-f", "p.yaml", "--local", "a=x", "--overwrite", "-o", "json"],
        ["annotate", "-f", "p.yaml", "--local", "=x"],
        ["annotate", "-f", "p.yaml", "--local", "x=1", "x-"],
        ["annotate", "-f", "p.yaml", "--local", "--list"],
        ["annotate", "-f", "p.yaml", "--local", "zz-", "--dry-run=client"],
        ["patch", "-f", "d.yaml", "--local", "-p", #"{"spec":{"replicas":3}}"#, "-o", "yaml"],
        ["patch", "-f", "d.yaml", "--local", "-p", #"{"spec":{"replicas":1}}"#],
        ["patch", "-f", "d.yaml", "--local", "-p", "spec: {replicas: 4}", "-o", "json"],
        ["patch", "-f", "d.yaml", "--local", "-p", "{bad"],
        ["patch", "-f", "d.yaml", "--local", "-p", "a: ["],
        ["patch", "-f", "d.yaml", "--local", "--type=json", "-p", "{bad"],
        ["patch", "-f", "d.yaml", "--local", "--type=merge", "-p", " {bad"],
        ["patch", "-f", "d.yaml", "--local", "--type=json", "-p", "[bad"],
        ["patch", "-f", "d.yaml", "--local", "--type=merge", "-p", "[1]"],
        ["patch", "-f", "d.yaml", "--local", "--type=merge", "-p", "null"],
        ["patch", "-f", "d.yaml", "--local", "-p", "null"],
        ["patch", "-f", "d.yaml", "--local", "-p", "{}"],
        ["patch", "-f", "d.yaml", "--local", "-p", "[1]"],
        ["patch", "-f", "d.yaml", "--local", "--type=foo", "-p", "{}"],
        ["patch", "-f", "d.yaml", "--local"],
        ["patch", "-f", "d.yaml", "--local", "--patch-file", "nope.json"],
        ["patch", "-f", "d.yaml", "--local", "--patch-file", "patch.yaml", "-o", "yaml"],
        ["patch", "-f", "d.yaml", "--local", "--type=merge", "-p", #"{"metadata":{"labels":{"app":null,"x":"y"}}}"#, "-o", "yaml"],
        ["patch", "-f", "d2.yaml", "--local", "-o", "yaml", "-p",
         #"{"spec":{"template":{"spec":{"containers":[{"name":"z","image":"busybox"},{"name":"b","image":"x"}]}}}}"#],
        ["patch", "-f", "d2.yaml", "--local", "-o", "yaml", "-p",
         #"{"metadata":{"finalizers":["c","a"]},"spec":{"template":{"spec":{"tolerations":[{"key":"b"}],"containers":[{"name":"a","env":[{"name":"Z","value":"3"},{"name":"X","value":"9"}],"ports":[{"containerPort":82}]}]}}}}"#],
        ["patch", "-f", "d2.yaml", "--local", "-o", "yaml", "-p",
         #"{"spec":{"template":{"spec":{"containers":[{"name":"a","env":[{"name":"X","$patch":"delete"}]}]}}}}"#],
        ["patch", "-f", "d2.yaml", "--local", "-o", "yaml", "-p",
         #"{"spec":{"template":{"spec":{"containers":[{"name":"q","image":"i"},{"$patch":"replace"}]}}}}"#],
        ["patch", "-f", "d2.yaml", "--local", "-p", #"{"spec":{"template":{"spec":{"containers":[{"image":"nginx:2"}]}}}}"#],
        ["patch", "-f", "d2.yaml", "--local", "--type=merge", "-o", "yaml", "-p",
         #"{"spec":{"template":{"spec":{"containers":[{"name":"q"}]}}}}"#],
        ["patch", "-f", "d2.yaml", "--local", "--type", "json", "-o", "yaml", "-p",
         #"[{"op":"replace","path":"/metadata/finalizers/0","value":"z"},{"op":"add","path":"/metadata/finalizers/1","value":"y"},{"op":"remove","path":"/spec/template/spec/containers/1"},{"op":"copy","from":"/metadata/name","path":"/metadata/labels"},{"op":"move","from":"/metadata/finalizers/2","path":"/metadata/finalizers/0"}]"#],
        ["patch", "-f", "d.yaml", "--local", "--type=json", "-p", #"[{"op":"remove","path":"/spec/foo"}]"#],
        ["patch", "-f", "d.yaml", "--local", "--type=json", "-p", #"[{"op":"add","path":"/spec/a/b","value":1}]"#],
        ["patch", "-f", "d.yaml", "--local", "--type=json", "-p", #"[{"op":"add","path":"/spec/template/spec/containers/5","value":1}]"#],
        ["patch", "-f", "d.yaml", "--local", "--type=json", "-p", #"[{"op":"test","path":"/spec/replicas","value":2}]"#],
        ["patch", "-f", "d.yaml", "--local", "--type=json", "-p", #"[{"op":"test","path":"/spec/replicas","value":1}]"#],
        ["patch", "-f", "d.yaml", "--local", "--type=json", "-p", #"[{"op":"move","from":"/spec/x","path":"/spec/y"}]"#],
        ["patch", "-f", "d.yaml", "--local", "--type=json", "-p", #"[{"op":"bogus","path":"/spec/y"}]"#],
        ["patch", "-f", "d.yaml", "--local", "--type=json", "-p", #"{"op":"add"}"#],
        ["patch", "-f", "d.yaml", "--local", "--type=json", "-p", #"[{"path":"/spec/y"}]"#],
        ["patch", "-f", "d.yaml", "--local", "--type=json", "-p", #"[{"op":"add","value":1}]"#],
        ["patch", "-f", "d.yaml", "--local", "--type=json", "-p", #"[{"op":"remove","path":"/metadata/labels/9"}]"#],
        ["patch", "-f", "d2.yaml", "--local", "--type=json", "-p", #"[{"op":"remove","path":"/metadata/finalizers/9"}]"#],
        ["patch", "-f", "d2.yaml", "--local", "--type=json", "-p", #"[{"op":"replace","path":"/metadata/finalizers/9","value":1}]"#],
        ["patch", "-f", "d2.yaml", "--local", "--type=json", "-p", #"[{"op":"replace","path":"/nope/x","value":1}]"#],
        ["patch", "-f", "d2.yaml", "--local", "--type=json", "-p", #"[{"op":"remove","path":"/nope/x"}]"#],
        ["patch", "-f", "d.yaml", "--local", "--type=json", "-o", "yaml", "-p",
         #"[{"op":"add","path":"/spec/template/spec/containers/-","value":{"name":"b","image":"busybox"}}]"#],
        ["patch", "deploy", "web", "--local", "-p", "{}"],
        ["set", "image", "-f", "d3.yaml", "--local"],
        ["set", "image", "-f", "d3.yaml", "--local", "x"],
        ["set", "image", "-f", "d3.yaml", "--local", "a=b=c", "-o", "yaml"],
        ["set", "image", "-f", "d3.yaml", "--local", "a=nginx"],
        ["set", "image", "-f", "d3.yaml", "--local", "a=nginx:2"],
        ["set", "image", "-f", "d3.yaml", "--local", "a=nginx:2", "--dry-run=client"],
        ["set", "image", "-f", "d3.yaml", "--local", "*=busybox", "-o", "json"],
        ["set", "image", "-f", "d3.yaml", "--local", "*=a", "b=c"],
        ["set", "image", "-f", "d3.yaml", "--local", "a=x", "x=y"],
        ["set", "image", "-f", "d3.yaml", "--local", "c=x", "a=q", "-o", "yaml"],
        ["set", "image", "-f", "p.yaml", "--local", "c=x"],
        ["set", "image", "deploy/web", "a=b", "--local"],
        ["set", "env", "-f", "d3.yaml", "--local", "A=1", "-o", "yaml"],
        ["set", "env", "-f", "d3.yaml", "--local", "X=2"],
        ["set", "env", "-f", "d3.yaml", "--local", "X-", "-o", "yaml"],
        ["set", "env", "-f", "d3.yaml", "--local", "-c", "b", "A=1", "-o", "yaml"],
        ["set", "env", "-f", "d3.yaml", "--local", "-c", "zz", "A=1"],
        ["set", "env", "-f", "d3.yaml", "--local", "1A=2"],
        ["set", "env", "-f", "d3.yaml", "--local", "A=1", "A-"],
        ["set", "env", "-f", "d3.yaml", "--local", "--list", "-o", "yaml"],
        ["set", "env", "-f", "d3.yaml", "--local", "--list"],
        ["set", "env", "-f", "d3.yaml", "-f", "p.yaml", "--local", "--list", "-c", "a"],
        ["set", "env", "-f", "d3.yaml", "--local", "-e", "A=1", "-o", "yaml"],
        ["set", "env", "-f", "d3.yaml", "--local", "X=5", "--overwrite=false"],
        ["set", "env", "-f", "p.yaml", "--local", "A=1", "--dry-run=client"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=1000m", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=1024Mi", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=0.5", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=1536Mi", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=2000", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=1.5k", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=100Ki", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=1e3", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=1E6", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=2048", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=1Gi", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=0.1", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=1.5", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=12345678", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=500M", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=1000Ki", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=5e-3", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=0.0001", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=1n", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=0.5n", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=1.5Gi", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=-2000", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=0.25Ki", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=x=3000000000000", "-o", "jsonpath={.spec.containers[0].resources.limits.x}"],
        ["set", "resources", "-f", "d3.yaml", "--local", "--limits=cpu=200m,memory=512Mi", "-o", "jsonpath={.spec.template.spec.containers[*].resources}"],
        ["set", "resources", "-f", "d3.yaml", "--local", "--requests=cpu=100m", "-c", "b", "-o", "jsonpath={.spec.template.spec.containers[1].resources}"],
        ["set", "resources", "-f", "d3.yaml", "--local", "--limits=cpu=x"],
        ["set", "resources", "-f", "d3.yaml", "--local"],
        ["set", "resources", "-f", "d3.yaml", "--local", "--limits=cpu=1", "-c", "zz"],
        ["set", "resources", "-f", "d3.yaml", "--local", "--limits=cpu=1,memory", "-c", "a"],
        ["set", "resources", "-f", "d3.yaml", "--local", "--limits=cpu=1"],
        ["set", "resources", "-f", "d3.yaml", "--local", "--limits=cpu=1", "--dry-run=client"],
        ["set", "resources", "-f", "r.yaml", "--local", "--limits=cpu=1"],
        ["set", "serviceaccount", "-f", "d3.yaml", "--local", "mysa"],
        ["set", "sa", "-f", "d3.yaml", "--local", "mysa", "-o", "jsonpath={.spec.template.spec.serviceAccountName}"],
        ["set", "sa", "-f", "d3.yaml", "--local"],
    ]

    /// Known gap: `set image`/`set env` print local objects after a round trip through the Go
    /// types (`creationTimestamp: null`, `resources: {}`, `strategy: {}`, `status: {}`); the lab
    /// prints the object as read.
    static func typedRoundTrip(_ line: [String]) -> Bool {
        line.first == "set" && !line.contains("--list") && (line.contains("yaml") || line.contains("json"))
    }

    @Test(.enabled(if: KubectlHarness.oracleAvailable), arguments: lines)
    func sameAsKubectl(_ line: [String]) {
        let real = KubectlHarness.real(line, files: Self.files)
        let lab = KubectlHarness.lab(line, files: Self.files)
        if Self.typedRoundTrip(line) {
            withKnownIssue("typed round trip of local objects") { #expect(lab == real) }
            return
        }
        #expect(lab == real, "kubectl \(line.joined(separator: " "))")
    }
}

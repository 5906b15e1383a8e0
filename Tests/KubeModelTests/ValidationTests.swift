@testable import KubeModel
import Testing

/// Validation messages of the v1.32 API server, as `Invalid` status messages and as kubectl prints them.
@Suite struct ValidationTests {
    static let subdomain = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    static let label = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

    static func deployment(name: String = "web", selector: JSONValue? = ["matchLabels": ["app": "web"]],
                           labels: JSONValue = ["app": "web"], containers: JSONValue = [["name": "c", "image": "nginx"]],
                           replicas: JSONValue = 1) -> JSONValue {
        var spec: JSONValue = ["replicas": replicas, "template": ["metadata": ["labels": labels], "spec": ["containers": containers]]]
        if let selector { spec["selector"] = selector }
        return Defaults.apply(to: ["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": .string(name)], "spec": spec])
    }

    static func pod(_ name: String = "p", _ containers: JSONValue) -> JSONValue {
        Defaults.apply(to: ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": .string(name)], "spec": ["containers": containers]])
    }

    @Test(arguments: [
        (deployment(labels: ["app": "x"]),
         #"Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`"#),
        (deployment(selector: nil),
         #"Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`]"#),
        (deployment(name: "Bad_Name"), #"Deployment.apps "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": "# + subdomain),
        (deployment(replicas: -1), #"Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0"#),
        (deployment(containers: []), #"Deployment.apps "web" is invalid: spec.template.spec.containers: Required value"#),
        (pod("p", [["name": "c"]]), #"Pod "p" is invalid: spec.containers[0].image: Required value"#),
        (pod("p", [["name": "c", "image": "x"], ["name": "c", "image": "y"]]), #"Pod "p" is invalid: spec.containers[1].name: Duplicate value: "c""#),
        (pod("p", [["name": "Web", "image": "x", "ports": [["containerPort": 70000]]]]),
         #"Pod "p" is invalid: [spec.containers[0].name: Invalid value: "Web": "# + label + #", spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive]"#),
        (Defaults.apply(to: ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p"],
                             "spec": ["restartPolicy": "Sometimes", "containers": [["name": "c", "image": "x"]]]]),
         #"Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never""#),
        (Defaults.apply(to: ["apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": "j"],
                             "spec": ["template": ["spec": ["containers": [["name": "c", "image": "x"]]]]]]),
         #"Job.batch "j" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never""#),
        (Defaults.apply(to: ["apiVersion": "v1", "kind": "Service", "metadata": ["name": "1web"], "spec": ["selector": ["app": "web"]]]),
         #"Service "1web" is invalid: [metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?'), spec.ports: Required value]"#),
        (["apiVersion": "v1", "kind": "Pod", "metadata": [:], "spec": ["containers": [["name": "c", "image": "x"]]]],
         #"Pod "" is invalid: metadata.name: Required value: name or generateName is required"#),
        (["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "c", "labels": ["bad key": "v"]]],
         #"ConfigMap "c" is invalid: metadata.labels: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"#),
    ] as [(JSONValue, String)])
    func createErrors(object: JSONValue, expected: String) {
        #expect(Validation.validateCreate(object)?.message == expected)
    }

    static func pod(tolerations: JSONValue) -> JSONValue {
        Defaults.apply(to: ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p"],
                            "spec": ["tolerations": tolerations, "containers": [["name": "c", "image": "x"]]]])
    }

    /// `ValidateTolerations`: the values as given (an unset operator is `""`), effects in the server's order.
    @Test(arguments: [
        (pod(tolerations: [["effect": "Bogus"]]),
         #"Pod "p" is invalid: [spec.tolerations[0].operator: Invalid value: "": operator must be Exists when `key` is empty, which means "match all values and all keys", spec.tolerations[0].effect: Unsupported value: "Bogus": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"]"#),
        (pod(tolerations: [["key": "k", "operator": "Exists", "value": "v"]]),
         #"Pod "p" is invalid: spec.tolerations[0].operator: Invalid value: core.Toleration{Key:"k", Operator:"Exists", Value:"v", Effect:"", TolerationSeconds:(*int64)(nil)}: value must be empty when `operator` is 'Exists'"#),
        (pod(tolerations: [["operator": "Exists"], ["key": "k", "value": "bad value", "tolerationSeconds": 5]]),
         #"Pod "p" is invalid: [spec.tolerations[1].effect: Invalid value: "": effect must be 'NoExecute' when `tolerationSeconds` is set, spec.tolerations[1].operator: Invalid value: "bad value": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')]"#),
        (pod(tolerations: [["key": "k", "operator": "In"]]),
         #"Pod "p" is invalid: spec.tolerations[0].operator: Unsupported value: "In": supported values: "Equal", "Exists""#),
    ] as [(JSONValue, String)])
    func tolerationErrors(object: JSONValue, expected: String) {
        #expect(Validation.validateCreate(object)?.message == expected)
        #expect(Validation.validateCreate(Self.pod(tolerations: [["operator": "Exists"], ["key": "k", "value": "v", "effect": "NoExecute", "tolerationSeconds": 30]])) == nil)
    }

    @Test func validObjectsPass() {
        #expect(Validation.validateCreate(Self.deployment()) == nil)
        #expect(Validation.validateCreate(Self.pod("p", [["name": "c", "image": "nginx", "ports": [["containerPort": 80]]]])) == nil)
        #expect(Validation.validateCreate(Defaults.apply(to: ["apiVersion": "v1", "kind": "Service", "metadata": ["name": "web"],
                                                               "spec": ["ports": [["port": 80]], "selector": ["app": "web"]]])) == nil)
        #expect(Validation.validateCreate(Defaults.apply(to: ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "dev"]])) == nil)
    }

    @Test func kubectlRendering() throws {
        let error = try #require(Validation.validateCreate(Self.deployment(selector: nil)))
        #expect(error.reason == .invalid && error.code == 422 && error.kind == "Deployment" && error.name == "web")
        #expect(error.kubectlInvalidText == """
            The Deployment "web" is invalid: \n\
            * spec.selector: Required value
            * spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`
            """)
        let one = try #require(Validation.validateCreate(Self.deployment(replicas: -2)))
        #expect(one.kubectlInvalidText == #"The Deployment "web" is invalid: spec.replicas: Invalid value: -2: must be greater than or equal to 0"#)
    }

    @Test func immutableSelector() throws {
        let old = Self.deployment()
        let new = Self.deployment(selector: ["matchLabels": ["app": "web2"]], labels: ["app": "web2"])
        let error = try #require(Validation.validateUpdate(new, old: old))
        #expect(error.message == #"Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable"#)
        #expect(Validation.validateUpdate(Self.deployment(replicas: 5), old: old) == nil)
    }

    @Test func admissionPipeline() {
        let typo: JSONValue = ["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"],
                               "spec": ["replica": 2]]
        guard case .failure(let error) = Admission.create(typo) else {
            Issue.record("accepted")
            return
        }
        #expect(error.reason == .badRequest && error.code == 400)
        #expect(error.message == #"Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica""#)
        guard case .success(let created) = Admission.create(Self.deployment()) else {
            Issue.record("rejected")
            return
        }
        #expect(created[path: ["spec", "progressDeadlineSeconds"]] == 600)
    }
}

/// The one-pass check of a qualified name agrees with the long way's verdict on valid keys,
/// every kind of bad one, and a seeded spread of random ones.
@Suite struct QualifiedNameTests {
    @Test func quickCheckAgreesWithTheMessages() {
        var keys = [
            "app", "node.kubernetes.io/not-ready", "example.com/MyName", "a", "A_b.c-D", "my.name", "123-abc",
            "", "/", "/name", "prefix/", "a/b/c", "-app", "app-", "_a", "a..b/c", "Example.com/x", "ex-.com/x",
            ".example.com/x", "example.com./x", "example..com/x", String(repeating: "a", count: 63),
            String(repeating: "a", count: 64), String(repeating: "a.", count: 126) + "a/x", "é", "a/é", "kubernetes.io/hostname",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet = Array("aZ09-_./é".unicodeScalars)
        for _ in 0..<2_000 {
            var key = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for step in 0..<Int(state >> 60) {
                key.unicodeScalars.append(alphabet[Int((state >> (UInt64(step % 12) * 4)) & 0xF) % alphabet.count])
            }
            keys.append(key)
        }
        for key in keys {
            #expect(NameRules.isQualifiedName(key) == NameRules.qualifiedNameErrors(key).isEmpty, "\(key)")
        }
        #expect(NameRules.qualifiedName("a/b/c").count == 1)
        #expect(NameRules.qualifiedName("node.kubernetes.io/unreachable") == [])
    }
}

import KubeModel
import Testing

/// Strict decoding: the BadRequest messages of the v1.32 API server (sigs.k8s.io/json strict mode).
@Suite struct SchemaDecodeTests {
    static func pod(_ spec: JSONValue, metadata: JSONValue = ["name": "p"]) -> JSONValue {
        ["apiVersion": "v1", "kind": "Pod", "metadata": metadata, "spec": spec]
    }

    static func deployment(_ spec: JSONValue) -> JSONValue {
        ["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"], "spec": spec]
    }

    static func message(_ object: JSONValue) -> String? {
        if case .failure(let error) = Admission.decode(object) { return error.message }
        return nil
    }

    @Test func catalogLoadsAllKinds() {
        let catalog = SchemaCatalog.v1_32
        for (api, kind) in [("v1", "Pod"), ("apps/v1", "Deployment"), ("batch/v1", "CronJob"), ("v1", "Namespace"),
                            ("networking.k8s.io/v1", "NetworkPolicy"), ("policy/v1", "PodDisruptionBudget")] {
            #expect(catalog.kind(apiVersion: api, kind: kind) != nil, "\(api) \(kind)")
        }
        let container = catalog.definition("io.k8s.api.core.v1.Container")
        #expect(container?.field("name")?.required == true)
        #expect(container?.field("ports")?.type == .list(.ref("io.k8s.api.core.v1.ContainerPort")))
        #expect(container?.field("imagePullPolicy")?.goType == "v1.PullPolicy")
    }

    /// How fast it parses is a benchmark (`ckalab bench`), not a test.
    @Test func catalogParsesItsSource() {
        let catalog = SchemaCatalog(text: SchemaCatalog.sourceText)
        #expect(catalog.definitions.count > 300)
    }

    @Test(arguments: [
        (pod(["containers": [["name": "c", "image": "nginx", "imagee": "x"]]]),
         #"Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee""#),
        (pod(["containers": [["name": "c", "image": "nginx", "instanceType": "x"]]], metadata: ["name": "p", "region": "x"]),
         #"Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadata.region", unknown field "spec.containers[0].instanceType""#),
        (deployment(["replicas": 1, "template": ["spec": ["containers": [["name": "c", "image": "x", "Image": "y"]]]], "strategy": ["typo": 1]]),
         #"Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.strategy.typo", unknown field "spec.template.spec.containers[0].Image""#),
        (pod(["containers": "nginx"]),
         #"Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container"#),
        (deployment(["replicas": "3"]),
         #"Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32"#),
        (deployment(["replicas": 2.5]),
         #"Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 2.5 into Go struct field DeploymentSpec.spec.replicas of type int32"#),
        // Found by the manifest fuzzer: a whole float beyond Int.max trapped while being worded.
        (deployment(["replicas": 1e20]),
         #"Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 100000000000000000000 into Go struct field DeploymentSpec.spec.replicas of type int32"#),
        (pod(["containers": [["name": "c", "image": "x", "command": "sleep 10"]]]),
         #"Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string"#),
        (pod(["containers": [["name": "c", "image": "x", "ports": [["containerPort": "80"]]]]]),
         #"Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32"#),
        (pod(["restartPolicy": 1, "containers": []]),
         #"Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy"#),
        (pod(["containers": []], metadata: ["name": "p", "labels": ["a": 1]]),
         #"Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string"#),
        (pod(["containers": [["name": "c", "image": "x", "resources": ["limits": ["memory": "1Gb"]]]]]),
         #"Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"#),
        (pod(["containers": [["name": "c", "image": "x", "resources": ["requests": ["cpu": "500mi"]]]]]),
         #"Pod in version "v1" cannot be handled as a Pod: unable to parse quantity's suffix"#),
        (pod(["containers": [["name": "c", "image": "x", "resources": ["requests": ["cpu": "Gi"]]]]]),
         #"Pod in version "v1" cannot be handled as a Pod: unable to parse numeric part of quantity"#),
        (["apiVersion": "v1", "kind": "Service", "metadata": ["name": "s"], "spec": ["ports": [["port": 80, "targetPort": true]]]],
         #"Service in version "v1" cannot be handled as a Service: json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32"#),
        (["apiVersion": "v1", "kind": "Secret", "metadata": ["name": "s"], "data": ["password": "hello"]],
         #"Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4"#),
        (["apiVersion": "v1", "kind": "Secret", "metadata": ["name": "s"], "data": ["password": "pa$$word"]],
         #"Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 2"#),
        // A type error wins over unknown fields.
        (deployment(["replicas": "3", "foo": 1]),
         #"Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32"#),
    ] as [(JSONValue, String)])
    func rejected(object: JSONValue, expected: String) {
        #expect(Self.message(object) == expected)
    }

    @Test func acceptedValuesAreNormalised() throws {
        let object = Self.deployment(["replicas": 3.0, "paused": nil, "template": ["spec": ["containers": [
            ["name": "c", "image": "x", "resources": ["limits": ["cpu": "500m", "memory": 1e9]],
             "ports": [["containerPort": 80, "protocol": "TCP"]]],
        ]]]])
        let decoded = try Admission.decode(object).get()
        #expect(decoded[path: ["spec", "replicas"]] == .int(3))
        #expect(decoded[path: ["spec"]]?["paused"] == nil)
        #expect(Admission.decode(["apiVersion": "v1", "kind": "Secret", "metadata": ["name": "s"],
                                  "data": ["a": "aGVsbG8=", "b": "aGk="]]).isSuccess)
    }

    @Test func quantityRules() {
        for good in ["1", "0", "500m", "1Gi", "1.5", ".5", "1e3", "1E-3", "+1", "-2Ki", "100M", "1."] {
            #expect(Quantity.parseError(good) == nil, "\(good)")
        }
        #expect(Quantity.parseError("1 Gi") == Quantity.formatError)
        #expect(Quantity.parseError("abc") == Quantity.formatError)
        #expect(Quantity.parseError("") == Quantity.formatError)
        #expect(Quantity.parseError("5MB") == Quantity.formatError)
        #expect(Quantity.parseError("1Ki2") == Quantity.suffixError)
    }
}

extension Result {
    var isSuccess: Bool { if case .success = self { true } else { false } }
}

/// A store's admission keeps error-free struct decodes by storage: what it gives must be what
/// decoding gives, and a problem must never hide behind it.
@Suite struct DecodeMemoTests {
    static let container: JSONValue = ["name": "c", "image": "busybox", "command": ["sh", "-c", "sleep 1"], "ports": [["containerPort": 80.0]]]

    static func pod(_ name: String, containers: [JSONValue]) -> JSONValue {
        SchemaDecodeTests.pod(["containers": .array(containers), "nodeName": .string(name)], metadata: ["name": .string(name)])
    }

    @Test func aRememberedDecodeIsTheDecode() throws {
        let memo = DecodeMemo()
        for name in ["a", "b", "c"] {
            let pod = Self.pod(name, containers: [Self.container])
            let plain = try Admission.decode(pod).get()
            let remembered = try Admission.decode(pod, memo: memo).get()
            #expect(remembered == plain)
            // Whole numbers written as floats come back as ints, from the memo too.
            #expect(remembered[path: ["spec", "containers"]]?.arrayValue?.first?["ports"]?.arrayValue?.first?["containerPort"] == .int(80))
            #expect(remembered[path: ["spec", "nodeName"]] == .string(name))
        }
    }

    @Test func problemsAreFoundEveryTime() {
        let memo = DecodeMemo()
        let bad: JSONValue = ["name": "c", "image": "busybox", "imagee": "x"]
        for name in ["a", "b"] {
            let pod = Self.pod(name, containers: [Self.container, bad])
            guard case .failure(let error) = Admission.decode(pod, memo: memo) else {
                Issue.record("decoded with an unknown field")
                return
            }
            #expect(error.message.hasSuffix(#"strict decoding error: unknown field "spec.containers[1].imagee""#))
        }
        // The good container of those pods was remembered; a pod with only it decodes.
        #expect((try? Admission.decode(Self.pod("c", containers: [Self.container]), memo: memo).get()) != nil)
    }

    @Test func aChangedCopyIsDecodedAfresh() throws {
        let memo = DecodeMemo()
        // Twice: storage is remembered when it comes a second time.
        _ = try Admission.decode(Self.pod("a", containers: [Self.container]), memo: memo).get()
        _ = try Admission.decode(Self.pod("a2", containers: [Self.container]), memo: memo).get()
        var changed = Self.container
        changed["image"] = 5
        guard case .failure(let error) = Admission.decode(Self.pod("b", containers: [changed]), memo: memo) else {
            Issue.record("a number as the image decoded")
            return
        }
        #expect(error.message.contains("cannot unmarshal number into Go struct field Container.spec.containers.image of type string"))
    }
}

import APIStore
import KubeModel
import SimKit
import Testing

/// Create, get, list, update, delete as the API server does them.
struct APIStoreTests {
    let clock = SimClock()
    let store: APIStore
    let pods = ResourceTable.standard.lookup("pods")!
    let deployments = ResourceTable.standard.lookup("deploy")!
    let namespaces = ResourceTable.standard.lookup("ns")!

    init() throws {
        store = APIStore(clock: clock, seed: 7)
        for name in ["default", "kube-system"] {
            try store.create(KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]))
        }
    }

    static func pod(_ name: String, namespace: String? = nil, labels: JSONObject = [:], node: String? = nil) -> KubeObject {
        var metadata: JSONObject = ["name": .string(name)]
        if let namespace { metadata["namespace"] = .string(namespace) }
        if !labels.isEmpty { metadata["labels"] = .object(labels) }
        var spec: JSONObject = ["containers": [["image": "nginx", "name": "nginx"]]]
        if let node { spec["nodeName"] = .string(node) }
        return KubeObject(["apiVersion": "v1", "kind": "Pod", "metadata": .object(metadata), "spec": .object(spec)])
    }

    static func deployment(_ name: String) -> KubeObject {
        KubeObject(["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": .string(name)],
                    "spec": ["replicas": 1, "selector": ["matchLabels": ["app": "web"]]]])
    }

    @Test func createStampsServerFields() throws {
        let pod = try store.create(Self.pod("nginx"))
        #expect(pod.namespace == "default")
        #expect(pod[path: ["metadata", "resourceVersion"]] == "3")
        #expect(pod[path: ["metadata", "creationTimestamp"]] == "2026-01-05T09:00:00Z")
        #expect(pod[path: ["metadata", "generation"]] == nil)
        #expect(pod[path: ["status"]] == ["phase": "Pending", "qosClass": "BestEffort"])
        let uid = pod.uid
        #expect(uid.count == 36 && Array(uid)[14] == "4" && uid.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        let deployment = try store.create(Self.deployment("web"))
        #expect(deployment[path: ["metadata", "generation"]] == 1 && deployment[path: ["status"]] == .emptyObject)
        let namespace = try store.get(namespaces, namespace: "", name: "default")
        #expect(namespace.labels == ["kubernetes.io/metadata.name": "default"])
        #expect(namespace[path: ["status", "phase"]] == "Active" && namespace[path: ["spec", "finalizers"]] == ["kubernetes"])
    }

    @Test func sameSeedSameUidsAndNames() throws {
        func run() throws -> [String] {
            let store = APIStore(clock: SimClock(), seed: 42)
            try store.create(KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "default"]]))
            var result: [String] = []
            for _ in 0..<3 {
                let pod = try store.create(KubeObject(["apiVersion": "v1", "kind": "Pod",
                                                       "metadata": ["generateName": "web-"], "spec": .emptyObject]))
                result += [pod.name, pod.uid]
            }
            return result
        }
        let first = try run()
        #expect(first == (try run()))
        #expect(first[0].hasPrefix("web-") && first[0].count == 9)
        #expect(first[0].dropFirst(4).allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
    }

    @Test func errorsAreWordedAsTheAPIServerWordsThem() throws {
        try store.create(Self.pod("nginx"))
        #expect(throws: APIError.alreadyExists(pods, name: "nginx")) { try store.create(Self.pod("nginx")) }
        #expect(APIError.alreadyExists(pods, name: "nginx").message == "pods \"nginx\" already exists")
        try store.create(Self.deployment("web"))
        do {
            try store.create(Self.deployment("web"))
            Issue.record("created twice")
        } catch {
            #expect(error.message == "deployments.apps \"web\" already exists" && error.code == 409 && error.reason == .alreadyExists)
        }
        do {
            _ = try store.get(pods, namespace: "default", name: "x")
        } catch {
            #expect(error.message == "pods \"x\" not found" && error.code == 404)
        }
        do {
            try store.create(Self.pod("a", namespace: "nope"))
        } catch {
            #expect(error.message == "namespaces \"nope\" not found" && error.reason == .notFound)
        }
        do {
            try store.create(KubeObject(["apiVersion": "v1", "kind": "Pod", "metadata": .emptyObject]))
        } catch {
            #expect(error.message == "Pod \"\" is invalid: metadata.name: Required value: name or generateName is required")
            #expect(error.reason == .invalid && error.code == 422)
        }
        do {
            try store.create(Self.pod("a", namespace: "kube-system"), namespace: "default")
        } catch {
            #expect(error.reason == .badRequest)
        }
        #expect(APIError.invalid(deployments, name: "x", causes: [
            .init(type: "FieldValueRequired", message: "spec.a: Required value", field: "spec.a"),
            .init(type: "FieldValueRequired", message: "spec.b: Required value", field: "spec.b"),
        ]).message == "Deployment.apps \"x\" is invalid: [spec.a: Required value, spec.b: Required value]")
    }

    @Test func updateBumpsResourceVersionAndGenerationOnlyForSpec() throws {
        let created = try store.create(Self.deployment("web"))
        var changed = created
        changed.labels = ["tier": "front"]
        let relabelled = try store.update(changed)
        #expect(relabelled[path: ["metadata", "generation"]] == 1)
        #expect(relabelled[path: ["metadata", "resourceVersion"]] != created[path: ["metadata", "resourceVersion"]])
        var scaled = relabelled
        scaled[path: ["spec", "replicas"]] = 3
        let updated = try store.update(scaled)
        #expect(updated[path: ["metadata", "generation"]] == 2 && updated.uid == created.uid)
        // Unchanged: nothing written.
        #expect(try store.update(updated)[path: ["metadata", "resourceVersion"]] == updated[path: ["metadata", "resourceVersion"]])
        // Stale resourceVersion: Conflict.
        do {
            try store.update(scaled)
            Issue.record("stale update accepted")
        } catch {
            #expect(error.message == "Operation cannot be fulfilled on deployments.apps \"web\": the object has been modified; please apply your changes to the latest version and try again")
            #expect(error.reason == .conflict && error.code == 409)
        }
        // Status is its own subresource.
        var withStatus = updated
        withStatus[path: ["status", "replicas"]] = 3
        withStatus[path: ["metadata", "resourceVersion"]] = nil
        #expect(try store.update(withStatus)[path: ["status", "replicas"]] == nil)
        let statusWritten = try store.update(withStatus, subresource: .status)
        #expect(statusWritten[path: ["status", "replicas"]] == 3 && statusWritten[path: ["metadata", "generation"]] == 2)
    }

    @Test func deleteIsGracefulForBoundPodsAndWaitsForFinalizers() throws {
        try store.create(Self.pod("unbound"))
        #expect(try { if case .deleted = try store.delete(pods, namespace: "default", name: "unbound") { true } else { false } }())
        try store.create(Self.pod("bound", node: "node01"))
        clock.advance(seconds: 10)
        let outcome = try store.delete(pods, namespace: "default", name: "bound")
        guard case .terminating(let pod) = outcome else { Issue.record("not graceful"); return }
        #expect(pod[path: ["metadata", "deletionTimestamp"]] == "2026-01-05T09:00:40Z")
        #expect(pod[path: ["metadata", "deletionGracePeriodSeconds"]] == 30)
        do {
            try store.create(Self.pod("bound"))
        } catch {
            #expect(error.message == "object is being deleted: pods \"bound\" already exists")
        }
        // The kubelet's final delete.
        let final = try store.delete(pods, namespace: "default", name: "bound",
                                     options: DeleteOptions(gracePeriodSeconds: 0, preconditionUID: pod.uid))
        if case .terminating = final { Issue.record("not removed") }
        #expect(store.object(pods, namespace: "default", name: "bound") == nil)

        var finalized = Self.deployment("web")
        finalized[path: ["metadata", "finalizers"]] = ["example.com/keep"]
        try store.create(finalized)
        let pending = try store.delete(deployments, namespace: "default", name: "web", options: DeleteOptions(propagationPolicy: .orphan))
        #expect(pending.object[path: ["metadata", "finalizers"]] == ["example.com/keep", "orphan"])
        var released = pending.object
        released[path: ["metadata", "finalizers"]] = nil
        try store.update(released)
        #expect(store.object(deployments, namespace: "default", name: "web") == nil)
        #expect(store.events(since: 0).last?.type == .deleted)
    }

    @Test func namespacesTerminateAndImmortalOnesStay() throws {
        do {
            try store.delete(namespaces, namespace: "", name: "default")
        } catch {
            #expect(error.message == "namespaces \"default\" is forbidden: this namespace may not be deleted")
        }
        try store.create(KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "dev"]]))
        try store.create(Self.pod("a", namespace: "dev"))
        let outcome = try store.delete(namespaces, namespace: "", name: "dev")
        #expect(outcome.object[path: ["status", "phase"]] == "Terminating")
        do {
            try store.create(Self.pod("b", namespace: "dev"))
        } catch {
            #expect(error.message == "pods \"b\" is forbidden: unable to create new content in namespace dev because it is being terminated")
        }
        store.finishNamespaceDeletion("dev")
        #expect(store.object(namespaces, namespace: "", name: "dev") == nil && store.count(pods, namespace: "dev") == 0)
    }

    /// A write touches only the index whose field changed: a binding moves the node index and
    /// keeps the labels', a relabel the other way round, a status write neither.
    @Test func indexesFollowBindingsRelabelsAndStatusWrites() throws {
        func byNode(_ node: String) -> [String] {
            store.list(pods, ListOptions(fields: [FieldRequirement(path: "spec.nodeName", value: node)])).map(\.name)
        }
        func byApp(_ app: String) -> [String] { store.list(pods, ListOptions(labels: [.equals("app", app)])).map(\.name) }
        try store.create(Self.pod("p", labels: ["app": "web"]))
        try store.bind(podNamespace: "default", name: "p", to: "node01")
        #expect(byNode("node01") == ["p"] && byApp("web") == ["p"])
        var pod = try #require(store.object(pods, namespace: "default", name: "p"))
        pod.labels = ["app": "db"]
        pod = try store.update(pod)
        #expect(byApp("web") == [] && byApp("db") == ["p"] && byNode("node01") == ["p"])
        pod[path: ["status", "phase"]] = "Running"
        try store.update(pod, subresource: .status)
        #expect(byApp("db") == ["p"] && byNode("node01") == ["p"] && byNode("node02") == [])
    }

    @Test func listsSortByNamespaceThenNameAndUseSelectors() throws {
        try store.create(Self.pod("b", labels: ["app": "web"], node: "node01"))
        try store.create(Self.pod("a", labels: ["app": "db"], node: "node02"))
        try store.create(Self.pod("c", namespace: "kube-system", labels: ["app": "web"], node: "node01"))
        #expect(store.list(pods).map(\.name) == ["a", "b", "c"])
        #expect(store.list(pods, ListOptions(namespace: "default")).map(\.name) == ["a", "b"])
        #expect(store.list(pods, ListOptions(labels: [.equals("app", "web")])).map(\.name) == ["b", "c"])
        #expect(store.list(pods, ListOptions(labels: LabelRequirement.parse("app in (db, web),app!=db")!)).map(\.name) == ["b", "c"])
        #expect(store.list(pods, ListOptions(fields: [FieldRequirement(path: "spec.nodeName", value: "node01")])).map(\.name)
            == ["b", "c"])
        #expect(store.list(pods, ListOptions(namespace: "default", fields: FieldRequirement.parse("spec.nodeName=node01")!))
            .map(\.name) == ["b"])
        #expect(store.list(pods, ListOptions(fields: FieldRequirement.parse("metadata.name!=b")!)).map(\.name) == ["a", "c"])
        try store.delete(pods, namespace: "default", name: "a", options: DeleteOptions(gracePeriodSeconds: 0))
        #expect(store.list(pods).map(\.name) == ["b", "c"])
        #expect(LabelRequirement.parse("a=b,,c") == nil && LabelRequirement.parse("") == [])
    }

    @Test func watchLogAndEvents() throws {
        let start = store.nextSequence
        let pod = try store.create(Self.pod("nginx"))
        clock.advance(seconds: 5)
        store.recordEvent(regarding: pod, reason: "Pulling", message: "Pulling image \"nginx\"", component: "kubelet", host: "node01")
        clock.advance(seconds: 5)
        let repeated = try #require(store.recordEvent(regarding: pod, reason: "Pulling", message: "Pulling image \"nginx\"",
                                                      component: "kubelet", host: "node01"))
        #expect(repeated[path: ["count"]] == 2)
        #expect(repeated[path: ["firstTimestamp"]] == "2026-01-05T09:00:05Z" && repeated[path: ["lastTimestamp"]] == "2026-01-05T09:00:10Z")
        #expect(repeated[path: ["involvedObject", "name"]] == "nginx" && repeated[path: ["source", "host"]] == "node01")
        #expect(repeated.name.hasPrefix("nginx."))
        #expect(store.events(since: start).map(\.type) == [.added, .added, .modified])
        #expect(store.events(since: start).map(\.resource.kind) == ["Pod", "Event", "Event"])
    }

    /// The loops that do not read status (the kubelets' own pods, the garbage collector, taint
    /// eviction) skip a status write by its watch event's mark; any other write is not marked.
    @Test func statusWritesAreMarkedInTheWatchLog() throws {
        let start = store.nextSequence
        var pod = try store.create(Self.pod("nginx"))
        pod[path: ["status", "phase"]] = "Running"
        pod = try store.update(pod, subresource: .status)
        pod.labels = ["app": "web"]
        try store.update(pod)
        #expect(store.events(since: start).map(\.statusOnly) == [false, true, false])
    }

    /// Each recorder remembers its last 4,096 events (client-go's LRU): a repeat within them is
    /// counted on the same Event, one older than that starts a new Event; other recorders' events
    /// do not push a recorder's own out.
    @Test func eventAggregationIsPerRecorderAndBounded() throws {
        let pod = try store.create(Self.pod("nginx"))
        func pulling(_ image: String, host: String = "node01") -> KubeObject? {
            store.recordEvent(regarding: pod, reason: "Pulling", message: "Pulling image \"\(image)\"", component: "kubelet", host: host)
        }
        let first = try #require(pulling("first"))
        for n in 0..<3_000 { _ = pulling("other-\(n)", host: "node02") }
        #expect(try #require(pulling("first"))[path: ["count"]] == 2)
        for n in 0..<5_000 { _ = pulling("image-\(n)") }
        let again = try #require(pulling("first"))
        #expect(again[path: ["count"]] == 1 && again.name != first.name)
        #expect(try #require(pulling("image-4999"))[path: ["count"]] == 2)
    }

    @Test func timestamps() {
        #expect(Timestamp.rfc3339(nanoseconds: 0) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.rfc3339(nanoseconds: -1_000_000_000) == "1969-12-31T23:59:59Z")
        #expect(Timestamp.rfc3339(nanoseconds: 4_102_444_799_000_000_000) == "2099-12-31T23:59:59Z")
        #expect(Timestamp.rfc3339(nanoseconds: SimClock.defaultStart) == "2026-01-05T09:00:00Z")
        #expect(Timestamp.rfc3339Nano(nanoseconds: SimClock.defaultStart + 120_000_000) == "2026-01-05T09:00:00.12Z")
        #expect(Timestamp.parse("2026-01-05T09:00:00Z") == SimClock.defaultStart)
        #expect(Timestamp.parse("2024-02-29T23:59:59.5Z") == Timestamp.parse("2024-03-01T00:00:00Z").map { $0 - 500_000_000 })
        #expect(Timestamp.parse("2024-02-29") == nil)
    }
}

import Kubectl
import KubeModel
import Testing

/// A cluster of a few objects for `kubectl get`'s unit tests (no store: lists in name order).
final class FixtureContext: KubectlContext, @unchecked Sendable {
    var objects: [String: [KubeObject]]

    init(_ objects: [String: [KubeObject]]) { self.objects = objects }

    var defaultNamespace: String { "default" }

    func list(resource: String, namespace: String?) throws(KubectlServerError) -> [KubeObject] {
        (objects[resource] ?? []).filter { namespace == nil || $0.namespace == namespace || $0.namespace.isEmpty }
    }

    func get(resource: String, namespace: String?, name: String) throws(KubectlServerError) -> KubeObject {
        let singular = ResourceTable.standard.type(key: resource)?.groupResource ?? resource
        guard let object = try list(resource: resource, namespace: namespace ?? "default").first(where: { $0.name == name })
        else { throw KubectlServerError(reason: "NotFound", code: 404, message: "\(singular) \"\(name)\" not found") }
        return object
    }

    func create(_ object: KubeObject, dryRun: Bool) throws(KubectlServerError) -> KubeObject { object }
    func update(_ object: KubeObject, dryRun: Bool) throws(KubectlServerError) -> KubeObject { object }
    func delete(resource: String, namespace: String?, name: String) throws(KubectlServerError) -> KubeObject {
        try get(resource: resource, namespace: namespace, name: name)
    }
}

/// `kubectl get` on fixture objects: pod STATUS/RESTARTS as printPod computes them, lists, errors.
struct GetTests {
    /// 2026-01-05T09:00:00Z, the lab clock's start.
    static func pod(_ name: String, created: String = "2026-01-05T08:00:00Z", status: JSONValue,
                    spec: JSONValue = ["containers": [["name": "c", "image": "nginx"]]], deleting: Bool = false) -> KubeObject {
        var metadata: JSONObject = ["name": .string(name), "namespace": "default", "creationTimestamp": .string(created),
                                    "labels": ["app": .string(name)], "managedFields": [["manager": "kubectl"]]]
        if deleting { metadata["deletionTimestamp"] = "2026-01-05T08:59:00Z" }
        return KubeObject(["apiVersion": "v1", "kind": "Pod", "metadata": .object(metadata), "spec": spec, "status": status])
    }

    static let context = FixtureContext(["pods": [
        pod("running", status: ["phase": "Running", "containerStatuses": [[
            "name": "c", "ready": true, "restartCount": 2, "state": ["running": ["startedAt": "2026-01-05T08:27:00Z"]],
            "lastState": ["terminated": ["exitCode": 1, "finishedAt": "2026-01-05T08:27:00Z"]]]]]),
        pod("creating", created: "2026-01-05T08:59:57Z", status: ["phase": "Pending", "containerStatuses": [[
            "name": "c", "ready": false, "restartCount": 0, "state": ["waiting": ["reason": "ContainerCreating"]]]]]),
        pod("done", status: ["phase": "Succeeded", "containerStatuses": [[
            "name": "c", "ready": false, "restartCount": 0, "state": ["terminated": ["exitCode": 0, "reason": "Completed"]]]]]),
        pod("init", status: ["phase": "Pending", "initContainerStatuses": [[
            "name": "i", "ready": false, "restartCount": 0, "state": ["running": [:]]]]],
            spec: ["initContainers": [["name": "i", "image": "busybox"]], "containers": [["name": "c", "image": "nginx"]]]),
        pod("stopping", status: ["phase": "Running", "containerStatuses": [[
            "name": "c", "ready": true, "restartCount": 0, "state": ["running": [:]]]]], deleting: true),
    ]])

    private func get(_ arguments: String) -> KubectlRun {
        KubectlHarness.lab(["get"] + arguments.split(separator: " ").map(String.init), context: Self.context)
    }

    @Test func podStatusesAsPrintPodComputesThem() {
        #expect(get("pods") == KubectlRun(stdout: """
            NAME       READY   STATUS              RESTARTS      AGE
            running    1/1     Running             2 (33m ago)   60m
            creating   0/1     ContainerCreating   0             3s
            done       0/1     Completed           0             60m
            init       0/1     Init:0/1            0             60m
            stopping   1/1     Terminating         0             60m

            """, stderr: "", status: 0))
    }

    @Test func namesKeepTheirOrderAndMissingOnesFail() {
        #expect(get("po done nope running") == KubectlRun(stdout: """
            NAME      READY   STATUS      RESTARTS      AGE
            done      0/1     Completed   0             60m
            running   1/1     Running     2 (33m ago)   60m

            """, stderr: "Error from server (NotFound): pods \"nope\" not found\n", status: 1))
    }

    @Test func selectorsLabelsAndNoHeaders() {
        #expect(get("pods -l app=done --show-labels --no-headers").stdout
            == "done   0/1   Completed   0     60m   app=done\n")
        #expect(get("pods -l app=none") == KubectlRun(stdout: "", stderr: "No resources found in default namespace.\n", status: 0))
        #expect(get("pods -A -l app=none").stderr == "No resources found\n")
    }

    @Test func yamlOfSeveralObjectsIsAList() {
        let run = get("pods -l app=none -o yaml")
        #expect(run.stdout == "apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: \"\"\n")
        let single = get("pod done -o yaml")
        #expect(single.stdout.hasPrefix("apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: \"2026-01-05T08:00:00Z\"\n"))
        #expect(!single.stdout.contains("managedFields"))
        #expect(get("pods -o name").stdout == "pod/running\npod/creating\npod/done\npod/init\npod/stopping\n")
    }

    @Test func jsonpathCustomColumnsAndSort() {
        #expect(get("pods -o jsonpath={.items[*].metadata.name}").stdout == "running creating done init stopping")
        #expect(get("pods --sort-by=.metadata.name -o custom-columns=N:.metadata.name,P:.status.phase").stdout == """
            N          P
            creating   Pending
            done       Succeeded
            init       Pending
            running    Running
            stopping   Running

            """)
    }

    @Test func argumentErrors() {
        #expect(get("foo").stderr == "error: the server doesn't have a resource type \"foo\"\n")
        #expect(get("pods/x pods").stderr.hasPrefix("error: there is no need to specify a resource type as a separate argument"))
        #expect(get("pods x -A").stderr == "error: a resource cannot be retrieved by name across all namespaces\n")
        #expect(get("pods x -l a=b").stderr == "error: name cannot be provided when a selector is specified\n")
        #expect(get("pods/").stderr == "error: arguments in resource/name form must have a single resource and name\n")
    }
}

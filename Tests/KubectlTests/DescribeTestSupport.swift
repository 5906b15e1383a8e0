import Kubectl
import KubeModel

/// An in-memory cluster for describe tests: objects by resource, resolved like the API server.
final class DescribeFakeContext: KubectlContext, @unchecked Sendable {
    var objects: [KubeObject]
    var defaultNamespace = "default"

    init(_ objects: [JSONValue]) { self.objects = objects.map(KubeObject.init) }

    private func matches(_ object: KubeObject, _ type: ResourceType) -> Bool {
        object.kind == type.kind && ResourceTable.split(apiVersion: object.apiVersion).group == type.group
    }

    func list(resource: String, namespace: String?) throws(KubectlServerError) -> [KubeObject] {
        guard let type = ResourceTable.standard.lookup(resource) else {
            throw KubectlServerError(reason: "NotFound", code: 404, message: "the server could not find the requested resource")
        }
        return objects.filter { matches($0, type) && (namespace == nil || !type.namespaced || $0.namespace == namespace) }
            .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
    }

    func get(resource: String, namespace: String?, name: String) throws(KubectlServerError) -> KubeObject {
        guard let type = ResourceTable.standard.lookup(resource) else {
            throw KubectlServerError(reason: "NotFound", code: 404, message: "the server could not find the requested resource")
        }
        let namespace = type.namespaced ? (namespace ?? defaultNamespace) : ""
        guard let object = objects.first(where: { matches($0, type) && $0.name == name && $0.namespace == namespace }) else {
            throw KubectlServerError(reason: "NotFound", code: 404, message: "\(type.groupResource) \"\(name)\" not found")
        }
        return object
    }

    func create(_ object: KubeObject, dryRun: Bool) throws(KubectlServerError) -> KubeObject { object }
    func update(_ object: KubeObject, dryRun: Bool) throws(KubectlServerError) -> KubeObject { object }
    func delete(resource: String, namespace: String?, name: String) throws(KubectlServerError) -> KubeObject {
        try get(resource: resource, namespace: namespace, name: name)
    }
}

/// Objects for describe tests (the lab clock starts at 2026-01-05T09:00:00Z).
enum DescribeFixtures {
    static func pod(_ name: String, namespace: String = "default", labels: JSONObject = ["run": "web"],
                    uid: String = "11111111-2222-3333-4444-555555555555") -> JSONValue {
        [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": ["name": .string(name), "namespace": .string(namespace), "uid": .string(uid),
                         "creationTimestamp": "2026-01-05T08:55:00Z", "labels": .object(labels)],
            "spec": [
                "containers": [[
                    "name": "web", "image": "nginx:1.27", "imagePullPolicy": "IfNotPresent",
                    "ports": [["containerPort": 80, "protocol": "TCP"]],
                    "resources": ["limits": ["cpu": "500m", "memory": "128Mi"], "requests": ["cpu": "0.25", "memory": "64Mi"]],
                    "env": [["name": "MODE", "value": "prod"],
                            ["name": "POD_NAME", "valueFrom": ["fieldRef": ["apiVersion": "v1", "fieldPath": "metadata.name"]]],
                            ["name": "PASSWORD", "valueFrom": ["secretKeyRef": ["name": "db", "key": "password"]]]],
                    "volumeMounts": [["name": "data", "mountPath": "/data"],
                                     ["name": "kube-api-access-abcde", "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount",
                                      "readOnly": true]],
                ]],
                "nodeName": "node01", "serviceAccountName": "default", "priority": 0,
                "tolerations": [
                    ["key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300],
                    ["key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300],
                ],
                "volumes": [
                    ["name": "data", "emptyDir": [:]],
                    ["name": "kube-api-access-abcde", "projected": ["defaultMode": 420, "sources": [
                        ["serviceAccountToken": ["expirationSeconds": 3607, "path": "token"]],
                        ["configMap": ["name": "kube-root-ca.crt", "items": [["key": "ca.crt", "path": "ca.crt"]]]],
                        ["downwardAPI": ["items": [["path": "namespace", "fieldRef": ["apiVersion": "v1", "fieldPath": "metadata.namespace"]]]]],
                    ]]],
                ],
            ],
            "status": [
                "phase": "Running", "hostIP": "172.30.2.2", "podIP": "192.168.1.4", "podIPs": [["ip": "192.168.1.4"]],
                "startTime": "2026-01-05T08:55:00Z", "qosClass": "Burstable",
                "conditions": [["type": "Initialized", "status": "True"], ["type": "Ready", "status": "True"],
                               ["type": "PodScheduled", "status": "True"]],
                "containerStatuses": [["name": "web", "ready": true, "restartCount": 2, "image": "nginx:1.27",
                                       "imageID": "docker.io/library/nginx@sha256:abc", "containerID": "containerd://0123",
                                       "state": ["running": ["startedAt": "2026-01-05T08:56:00Z"]],
                                       "lastState": ["terminated": ["exitCode": 137, "reason": "OOMKilled",
                                                                    "startedAt": "2026-01-05T08:55:10Z",
                                                                    "finishedAt": "2026-01-05T08:55:50Z"]]]],
            ],
        ]
    }

    static func event(_ name: String, involved: JSONValue, type: String = "Normal", reason: String, message: String,
                      component: String, first: String, last: String, count: Int = 1, fieldPath: String? = nil) -> JSONValue {
        var involvedObject = involved
        if let fieldPath { involvedObject["fieldPath"] = .string(fieldPath) }
        return [
            "apiVersion": "v1", "kind": "Event",
            "metadata": ["name": .string(name), "namespace": involved["namespace"] ?? "default"],
            "involvedObject": involvedObject, "reason": .string(reason), "message": .string(message),
            "source": ["component": .string(component)], "firstTimestamp": .string(first), "lastTimestamp": .string(last),
            "count": .int(count), "type": .string(type),
        ]
    }
}

import KubeModel
import SimKit

/// Workloads `ckalab bench` times: a large store built and listed the ways `kubectl get` lists.
public enum APIStoreBenchmarks {
    /// A store holding `pods` bound pods spread over `nodes` nodes in 10 namespaces
    /// (one template pod, copied with its name, namespace, node and labels changed).
    public static func populatedStore(pods: Int, nodes: Int) -> APIStore {
        let store = APIStore(clock: SimClock(), seed: 1)
        store.recordsWatchEvents = false
        for index in 0..<10 {
            _ = try? store.create(KubeObject(["apiVersion": "v1", "kind": "Namespace",
                                              "metadata": ["name": .string("team-\(index)")]]))
        }
        let template: JSONValue = [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": ["labels": ["app": "web"]],
            "spec": ["containers": [["image": "nginx:1.27", "name": "nginx",
                                     "resources": ["requests": ["cpu": "10m", "memory": "16Mi"]]]],
                     "restartPolicy": "Always"],
        ]
        for index in 0..<pods {
            var pod = KubeObject(template)
            pod.name = "web-\(index)"
            pod.namespace = "team-\(index % 10)"
            pod[path: ["metadata", "labels", "shard"]] = .string(String(index % 100))
            pod[path: ["spec", "nodeName"]] = .string("node\(index % max(1, nodes))")
            _ = try? store.create(pod)
        }
        return store
    }

    /// Every pod (`kubectl get pods -A`).
    public static func listAll(_ store: APIStore) -> Int {
        guard let pods = store.resources.type(key: "pods") else { return 0 }
        return store.list(pods).count
    }

    /// One namespace's pods (`kubectl get pods -n team-3`).
    public static func listNamespace(_ store: APIStore) -> Int {
        guard let pods = store.resources.type(key: "pods") else { return 0 }
        return store.list(pods, ListOptions(namespace: "team-3")).count
    }

    /// One node's pods (`kubectl get pods -A --field-selector spec.nodeName=node42`).
    public static func listNode(_ store: APIStore) -> Int {
        guard let pods = store.resources.type(key: "pods") else { return 0 }
        return store.list(pods, ListOptions(fields: [FieldRequirement(path: "spec.nodeName", value: "node42")])).count
    }

    /// A label selector matching 1% of the pods (`kubectl get pods -A -l shard=7`).
    public static func listLabel(_ store: APIStore) -> Int {
        guard let pods = store.resources.type(key: "pods") else { return 0 }
        return store.list(pods, ListOptions(labels: [.equals("shard", "7")])).count
    }
}

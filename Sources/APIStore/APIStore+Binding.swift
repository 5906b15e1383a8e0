import KubeModel

extension APIStore {
    /// `POST pods/<name>/binding` (k8s `pkg/registry/core/pod/storage` `BindingREST`): sets
    /// `spec.nodeName`, which a pod update may not change, and the `PodScheduled=True` condition.
    @discardableResult
    public func bind(podNamespace namespace: String, name: String, to node: String) throws(APIError) -> KubeObject {
        guard let type = resources.type(key: "pods") else {
            throw APIError(reason: .notFound, code: 404, message: "the server could not find the requested resource")
        }
        let key = ObjectKey(namespace: namespace, name: name)
        let bucket = bucket(for: type)
        guard var pod = bucket.objects[key] else { throw .notFound(type, name: name) }
        if pod[path: ["metadata", "deletionTimestamp"]] != nil {
            throw .conflict(type, name: name, detail: "pod \(name) is being deleted, cannot be assigned to a host")
        }
        if let current = pod[path: ["spec", "nodeName"]]?.stringValue, !current.isEmpty {
            throw .conflict(type, name: name, detail: "pod \(name) is already assigned to node \"\(current)\"")
        }
        pod[path: ["spec", "nodeName"]] = .string(node)
        // `podutil.UpdatePodCondition`: a new status replaces the condition (reason and message go).
        var conditions = pod[path: ["status", "conditions"]]?.arrayValue ?? []
        let index = conditions.firstIndex { $0["type"]?.stringValue == "PodScheduled" }
        var transition = JSONValue.string(stamp())
        if let index, conditions[index]["status"]?.stringValue == "True",
           let old = conditions[index]["lastTransitionTime"] { transition = old }
        let condition: JSONValue = ["lastProbeTime": nil, "lastTransitionTime": transition, "status": "True",
                                    "type": "PodScheduled"]
        if let index { conditions[index] = condition } else { conditions.append(condition) }
        pod[path: ["status", "conditions"]] = .array(conditions)
        pod[path: ["metadata", "resourceVersion"]] = .string(nextResourceVersion())
        bucket.replace(pod, at: key)
        record(.modified, type, pod)
        return pod
    }
}

import KubeModel

/// polymorphichelpers.SelectorsForObject: the pods a controller or service stands for.
enum LogSelectors {
    /// The object's pod selector, or the error kubectl wraps in `cannot get the logs from *v1.Kind: …`.
    static func selector(for object: KubeObject, type: ResourceType,
                         verb: String = "get the logs from") -> Result<LabelSelector, KubectlFailure> {
        let goType = "*\(type.version).\(type.kind)"
        func failure(_ detail: String) -> Result<LabelSelector, KubectlFailure> {
            .failure(.error("cannot \(verb) \(goType): \(detail)"))
        }
        let spec = object.content["spec"]
        switch (type.group, type.kind) {
        case ("batch", "Job") where spec?["selector"] == nil:
            // The API server defaults a Job's selector to its uid label; the lab's store may not have.
            return .success(.fromSet(["batch.kubernetes.io/controller-uid": object.uid]))
        case ("apps", "ReplicaSet"), ("apps", "StatefulSet"), ("apps", "DaemonSet"), ("apps", "Deployment"), ("batch", "Job"):
            switch LabelSelector.fromObject(spec?["selector"]) {
            case .success(let selector): return .success(selector)
            case .failure(let error): return failure("invalid label selector: \(error.message)")
            }
        case ("", "ReplicationController"):
            return .success(.fromSet(stringMap(spec?["selector"])))
        case ("", "Service"):
            let set = stringMap(spec?["selector"])
            guard !set.isEmpty else {
                return failure("invalid service '\(object.name)': Service is defined without a selector")
            }
            return .success(.fromSet(set))
        default:
            return failure("selector for \(goType) not implemented")
        }
    }

    private static func stringMap(_ value: JSONValue?) -> [String: String] {
        var result: [String: String] = [:]
        for (key, entry) in value?.objectValue ?? [:] { result[key] = entry.stringValue ?? "" }
        return result
    }
}

import KubeModel

/// `kubectl create namespace|serviceaccount|quota|priorityclass`.
extension CreateVerbs {
    static func namespace(_ request: inout VerbRequest) throws(KubectlFailure) {
        let name = try request.singleName()
        var object = Generated.object(kind: "Namespace", apiVersion: "v1", metadata: Generated.metadata(name: name, namespace: nil))
        object["spec"] = .emptyObject
        object["status"] = .emptyObject
        try request.finishCreate(.object(object))
    }

    static func serviceAccount(_ request: inout VerbRequest) throws(KubectlFailure) {
        let name = try request.singleName()
        let object = Generated.object(kind: "ServiceAccount", apiVersion: "v1",
                                      metadata: Generated.metadata(name: name, namespace: request.enforcedNamespace))
        try request.finishCreate(.object(object))
    }

    static func quota(_ request: inout VerbRequest) throws(KubectlFailure) {
        let name = try request.singleName()
        var object = Generated.object(kind: "ResourceQuota", apiVersion: "v1",
                                      metadata: Generated.metadata(name: name, namespace: request.enforcedNamespace))
        var spec: JSONObject = [:]
        var hard: [(String, JSONValue)] = []
        for pair in request.flags.string("hard").split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw .error("invalid argument \(pair), expected key=value") }
            hard.append((String(parts[0]), .string(String(parts[1]))))
        }
        if !hard.isEmpty { spec["hard"] = .object(Generated.sortedMap(hard)) }
        let scopes = request.flags.string("scopes").split(separator: ",").map { JSONValue.string(String($0)) }
        if !scopes.isEmpty { spec["scopes"] = .array(scopes) }
        object["spec"] = .object(spec)
        object["status"] = .emptyObject
        try request.finishCreate(.object(object))
    }

    static func priorityClass(_ request: inout VerbRequest) throws(KubectlFailure) {
        let name = try request.singleName()
        var object = Generated.object(kind: "PriorityClass", apiVersion: "scheduling.k8s.io/v1",
                                      metadata: Generated.metadata(name: name, namespace: nil))
        object["value"] = .int(request.flags.int("value"))
        if request.flags.bool("global-default") { object["globalDefault"] = true }
        let description = request.flags.string("description")
        if !description.isEmpty { object["description"] = .string(description) }
        object["preemptionPolicy"] = .string(request.flags.string("preemption-policy"))
        try request.finishCreate(.object(object))
    }
}

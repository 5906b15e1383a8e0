import KubeModel

/// `kubectl create deployment|job|cronjob` and `kubectl run`: objects with a pod template.
enum CreateVerbs {
    static func deployment(_ request: inout VerbRequest) throws(KubectlFailure) {
        try request.require("image")
        let name = try request.singleName()
        let images = request.flags.strings("image")
        let command = request.commandAfterName
        if images.count > 1, !command.isEmpty {
            throw .error("cannot specify multiple --image options and command")
        }
        let port = request.flags.int("port")
        var containers: [JSONValue] = []
        for (index, image) in images.enumerated() {
            let ports: [JSONValue] = index == 0 && port >= 0 ? [["containerPort": .int(port)]] : []
            containers.append(Generated.container(name: containerName(for: image), image: image, command: command, ports: ports))
        }
        let labels: JSONObject = ["app": .string(name)]
        var object = Generated.object(kind: "Deployment", apiVersion: "apps/v1",
                                      metadata: Generated.metadata(name: name, namespace: request.enforcedNamespace, labels: labels))
        object["spec"] = [
            "replicas": .int(request.flags.int("replicas")),
            "selector": ["matchLabels": .object(labels)],
            "template": [
                "metadata": Generated.metadata(name: "", namespace: nil, labels: labels).removingName,
                "spec": ["containers": .array(containers)],
            ],
            "strategy": .emptyObject,
        ]
        object["status"] = .emptyObject
        try request.finishCreate(.object(object))
    }

    /// The container name create deployment derives from an image: last path part, no tag or digest.
    static func containerName(for image: String) -> String {
        var name = String(image.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        if let colon = name.firstIndex(of: ":") { name = String(name[..<colon]) }
        if let at = name.firstIndex(of: "@") { name = String(name[..<at]) }
        guard name.contains(where: { $0 == "_" || $0 == "." }) else { return name }
        // kubectl adds five random characters here; the lab derives them from the name instead.
        let sanitized = String(name.map { $0 == "_" || $0 == "." ? "-" : $0 })
        return sanitized + "-" + suffix(for: name)
    }

    private static func suffix(for text: String) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        var hash: UInt64 = 1469598103934665603
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 1099511628211 }
        return String((0..<5).map { i in alphabet[Int((hash >> (UInt64(i) * 8)) % UInt64(alphabet.count))] })
    }

    static func job(_ request: inout VerbRequest) throws(KubectlFailure) {
        let name = try request.singleName()
        let image = request.flags.string("image"), from = request.flags.string("from")
        guard image.isEmpty != from.isEmpty else { throw .error("either --image or --from must be specified") }
        if !from.isEmpty {
            if !request.commandAfterName.isEmpty { throw .error("cannot specify --from and command") }
            try request.finishCreate(try jobFromCronJob(name: name, from: from, request: request))
            return
        }
        var object = Generated.object(kind: "Job", apiVersion: "batch/v1",
                                      metadata: Generated.metadata(name: name, namespace: request.enforcedNamespace))
        object["spec"] = jobSpec(name: name, request: request, restartPolicy: "Never")
        object["status"] = .emptyObject
        try request.finishCreate(.object(object))
    }

    /// `createJobFromCronJob`: the CronJob's job template, annotated as started by hand and owned
    /// by the CronJob (controller, without blockOwnerDeletion).
    private static func jobFromCronJob(name: String, from: String, request: VerbRequest) throws(KubectlFailure) -> JSONValue {
        let set = try request.resolveTargets(request.targetQuery([from], local: false, emptyMessage: VerbRequest.noResourcesMessage))
        if let failure = set.failures.first { throw failure }
        guard set.targets.count == 1, let cronJob = set.targets.first?.object else { throw .error("from must be an existing cronjob") }
        guard cronJob.kind == "CronJob" else {
            let version = cronJob.apiVersion.split(separator: "/").last.map(String.init) ?? cronJob.apiVersion
            throw .error("unknown object type *\(version).\(cronJob.kind)")
        }
        let template = cronJob[path: ["spec", "jobTemplate"]] ?? .emptyObject
        var annotations: JSONObject = ["cronjob.kubernetes.io/instantiate": "manual"]
        for (key, value) in template[path: ["metadata", "annotations"]]?.objectValue ?? [:] { annotations[key] = value }
        guard case .object(var metadata) = Generated.metadata(name: name, namespace: request.enforcedNamespace,
                                                              labels: template[path: ["metadata", "labels"]]?.objectValue,
                                                              annotations: annotations) else { return .null }
        metadata["ownerReferences"] = [[
            "apiVersion": "batch/v1", "kind": "CronJob", "name": .string(cronJob.name), "uid": .string(cronJob.uid),
            "controller": true,
        ]]
        var object = Generated.object(kind: "Job", apiVersion: "batch/v1", metadata: .object(metadata))
        var spec = template["spec"] ?? .emptyObject
        // A Go object's zero time prints as null.
        if spec[path: ["template", "metadata", "creationTimestamp"]] == nil { spec[path: ["template", "metadata", "creationTimestamp"]] = .null }
        object["spec"] = spec
        object["status"] = .emptyObject
        return .object(object)
    }

    static func cronJob(_ request: inout VerbRequest) throws(KubectlFailure) {
        try request.require("image", "schedule")
        let name = try request.singleName()
        var object = Generated.object(kind: "CronJob", apiVersion: "batch/v1",
                                      metadata: Generated.metadata(name: name, namespace: request.enforcedNamespace))
        object["spec"] = [
            "schedule": .string(request.flags.string("schedule")),
            "jobTemplate": [
                "metadata": Generated.metadata(name: name, namespace: nil),
                "spec": jobSpec(name: name, request: request, restartPolicy: request.flags.changed("restart") ? request.flags.string("restart") : "OnFailure"),
            ],
        ]
        object["status"] = .emptyObject
        try request.finishCreate(.object(object))
    }

    private static func jobSpec(name: String, request: VerbRequest, restartPolicy: String) -> JSONValue {
        let container = Generated.container(name: name, image: request.flags.string("image"), command: request.commandAfterName)
        return [
            "template": [
                "metadata": Generated.metadata(name: "", namespace: nil).removingName,
                "spec": ["containers": [container], "restartPolicy": .string(restartPolicy)],
            ]
        ]
    }
}

extension JSONValue {
    /// The same metadata without its `name` member (pod templates have none).
    var removingName: JSONValue {
        guard var members = objectValue else { return self }
        members.removeValue(forKey: "name")
        return .object(members)
    }
}

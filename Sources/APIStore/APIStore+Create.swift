import KubeModel

extension APIStore {
    /// Creates an object as `POST` does: namespace checks, generateName, admission, then the
    /// server-set metadata (uid, resourceVersion, generation, creationTimestamp).
    /// `namespace` is the request's (kubectl's `-n`); the object's own wins if it agrees.
    @discardableResult
    public func create(_ object: KubeObject, namespace requestNamespace: String? = nil,
                       options: CreateOptions = CreateOptions()) throws(APIError) -> KubeObject {
        guard let type = resources.type(apiVersion: object.apiVersion, kind: object.kind) else {
            throw APIError(reason: .notFound, code: 404, message: "the server could not find the requested resource")
        }
        guard type.verbs.contains("create") else { throw .methodNotAllowed(type, verb: "create") }
        var object = object
        if type.namespaced {
            if let requestNamespace, !object.namespace.isEmpty, object.namespace != requestNamespace {
                throw .badRequest("the namespace of the provided object does not match the namespace sent on the request")
            }
            if object.namespace.isEmpty { object.namespace = requestNamespace ?? "default" }
            try checkNamespaceAcceptsContent(object.namespace, type: type, name: object.name)
        } else {
            object.namespace = ""
        }
        let bucket = bucket(for: type)
        if object.name.isEmpty {
            let prefix = object[path: ["metadata", "generateName"]]?.stringValue ?? ""
            guard !prefix.isEmpty else {
                throw .invalid(type, name: "", causes: [APIError.Cause(
                    type: "FieldValueRequired", message: "metadata.name: Required value: name or generateName is required",
                    field: "metadata.name")])
            }
            // The API server retries a taken generated name (RetryGenerateName, on in 1.32).
            for _ in 0..<8 {
                object.name = String(prefix.prefix(58)) + names.suffix()
                if bucket.objects[ObjectKey(namespace: object.namespace, name: object.name)] == nil { break }
            }
        }
        if !options.trusted { try admission.admit(&object, type: type, operation: .create, old: nil) }
        let key = ObjectKey(namespace: object.namespace, name: object.name)
        if let existing = bucket.objects[key] {
            var error = APIError.alreadyExists(type, name: object.name)
            if existing[path: ["metadata", "deletionTimestamp"]] != nil {
                error.message = "object is being deleted: " + error.message
            }
            throw error
        }
        try allocateServiceAddresses(&object, type: type)
        prepareForCreate(&object, type: type, options: options)
        if options.dryRun { return object }
        bucket.insert(object, at: key)
        record(.added, type, object)
        return object
    }

    /// NamespaceLifecycle admission: the namespace must exist and not be terminating.
    func checkNamespaceAcceptsContent(_ namespace: String, type: ResourceType, name: String) throws(APIError) {
        guard let namespaceType = resources.type(key: "namespaces"),
              let stored = object(namespaceType, namespace: "", name: namespace) else {
            throw .namespaceNotFound(namespace)
        }
        if stored[path: ["status", "phase"]]?.stringValue == "Terminating" {
            throw .forbidden(type, name: name,
                             why: "unable to create new content in namespace \(namespace) because it is being terminated")
        }
    }

    /// What the registry strategies' `PrepareForCreate` and `BeforeCreate` set.
    private func prepareForCreate(_ object: inout KubeObject, type: ResourceType, options: CreateOptions) {
        let uid = newUID(), version = nextResourceVersion(), created = stamp(options.creationTime)
        object.updateMetadata { metadata in
            // Four members to come: room made once, not doubled member by member.
            metadata.reserveCapacity(metadata.count + 4)
            metadata["deletionTimestamp"] = nil
            metadata["deletionGracePeriodSeconds"] = nil
            metadata["uid"] = .string(uid)
            metadata["resourceVersion"] = .string(version)
            metadata["generation"] = type.hasGeneration ? 1 : nil
            metadata["creationTimestamp"] = .string(created)
        }
        switch type.key {
        case "namespaces":
            object.labels["kubernetes.io/metadata.name"] = object.name
            object[path: ["spec", "finalizers"]] = ["kubernetes"]
        case "daemonsets.apps":
            object.annotations["deprecated.daemonset.template.generation"] = "1"
        case "jobs.batch":
            generateJobSelector(&object)
        default: break
        }
        guard type.hasStatus, !options.keepStatus else { return }
        switch type.key {
        case "pods": object.content["status"] = ["phase": "Pending", "qosClass": .string(Defaults.qosClass(object.content))]
        case "namespaces": object.content["status"] = ["phase": "Active"]
        case "services": object.content["status"] = ["loadBalancer": .emptyObject]
        case "persistentvolumeclaims", "persistentvolumes": object.content["status"] = ["phase": "Pending"]
        case "nodes": break
        default: object.content["status"] = .emptyObject
        }
    }

    /// The Job strategy's `generateSelector` (unless `manualSelector`): the pods are labelled with
    /// the Job's uid and name (new and legacy keys) and selected by the uid; a Job without labels
    /// takes its template's.
    private func generateJobSelector(_ job: inout KubeObject) {
        guard job[path: ["spec", "manualSelector"]]?.boolValue != true else { return }
        let uid = JSONValue.string(job.uid), name = JSONValue.string(job.name)
        var labels = job[path: ["spec", "template", "metadata", "labels"]]?.objectValue ?? [:]
        labels["batch.kubernetes.io/controller-uid"] = uid
        labels["batch.kubernetes.io/job-name"] = name
        labels["controller-uid"] = uid
        labels["job-name"] = name
        job[path: ["spec", "template", "metadata", "labels"]] = .object(labels)
        job[path: ["spec", "selector"]] = ["matchLabels": ["batch.kubernetes.io/controller-uid": uid]]
        if job.labels.isEmpty { job[path: ["metadata", "labels"]] = .object(labels) }
    }
}

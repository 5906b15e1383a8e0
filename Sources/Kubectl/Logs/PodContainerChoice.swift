import KubeModel

/// Which container of a pod `logs` and `exec` talk to, chosen as kubectl 1.32 chooses it.
enum PodContainerChoice {
    /// `a, b, init (init)`: podcmd.AllContainerNames.
    static func allNames(_ pod: KubeObject) -> String {
        var names = containers(pod, "containers")
        names += containers(pod, "ephemeralContainers").map { "\($0) (ephem)" }
        names += containers(pod, "initContainers").map { "\($0) (init)" }
        return names.joined(separator: ", ")
    }

    static func containers(_ pod: KubeObject, _ field: String) -> [String] {
        (pod[path: ["spec", field]]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
    }

    /// The container to use when none was named: the default-container annotation, else the
    /// first container with kubectl's `Defaulted container` note on stderr.
    static func defaulted(_ pod: KubeObject, warnings: inout String) -> String? {
        let main = containers(pod, "containers")
        if let annotated = pod.annotations["kubectl.kubernetes.io/default-container"], !annotated.isEmpty {
            if exists(annotated, in: pod) { return annotated }
            warnings += "Default container name \"\(annotated)\" not found in pod \(pod.name)\n"
        }
        guard let first = main.first else { return nil }
        if main.count > 1 || !containers(pod, "initContainers").isEmpty || !containers(pod, "ephemeralContainers").isEmpty {
            warnings += "Defaulted container \"\(first)\" out of: \(allNames(pod))\n"
        }
        return first
    }

    static func exists(_ name: String, in pod: KubeObject) -> Bool {
        ["containers", "initContainers", "ephemeralContainers"].contains { containers(pod, $0).contains(name) }
    }

    /// The container's status entry (regular, init or ephemeral).
    static func status(_ name: String, in pod: KubeObject) -> JSONValue? {
        for field in ["containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses"] {
            if let status = pod[path: ["status", field]]?.arrayValue?.first(where: { $0["name"]?.stringValue == name }) {
                return status
            }
        }
        return nil
    }

    /// `containerd://abc` → `abc`.
    static func runtimeID(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue, !text.isEmpty else { return nil }
        let parts = text.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].hasSuffix(":"), parts[1].isEmpty { return String(parts[2]) }
        return text
    }

    /// The kubelet's validateContainerLogStatus: which container instance's log to read, or the
    /// BadRequest text the API server relays.
    static func logContainerID(_ name: String, in pod: KubeObject, previous: Bool) -> Result<String, KubectlFailure> {
        func bad(_ message: String) -> Result<String, KubectlFailure> {
            .failure(KubectlFailure(stderr: "Error from server (BadRequest): \(message)\n"))
        }
        let podName = pod.name
        guard let status = status(name, in: pod) else {
            return bad("container \"\(name)\" in pod \"\(podName)\" is waiting to start: ContainerCreating")
        }
        let last = status[path: ["lastState", "terminated", "containerID"]]
        let state = status["state"]
        if previous {
            guard let id = runtimeID(last) else {
                return bad("previous terminated container \"\(name)\" in pod \"\(podName)\" not found")
            }
            return .success(id)
        }
        if state?["running"] != nil, let id = runtimeID(status["containerID"]) { return .success(id) }
        if let terminated = state?["terminated"] {
            if let id = runtimeID(terminated["containerID"]) ?? runtimeID(last) { return .success(id) }
            return bad("container \"\(name)\" in pod \"\(podName)\" is terminated")
        }
        if let id = runtimeID(last) { return .success(id) }
        if let waiting = state?["waiting"] {
            switch waiting["reason"]?.stringValue ?? "" {
            case "ErrImagePull": return bad("container \"\(name)\" in pod \"\(podName)\" is waiting to start: image can't be pulled")
            case "ImagePullBackOff":
                return bad("container \"\(name)\" in pod \"\(podName)\" is waiting to start: trying and failing to pull image")
            case let reason: return bad("container \"\(name)\" in pod \"\(podName)\" is waiting to start: \(reason)")
            }
        }
        return bad("container \"\(name)\" in pod \"\(podName)\" is waiting to start - no logs yet")
    }
}

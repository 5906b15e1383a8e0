import KubeModel

/// The API server's pod defaults (`SetDefaults_Pod` and friends) for the pods the kubeadm world
/// starts with; only fields still missing are set, so a real defaulting admission agrees.
enum PodDefaults {
    static func apply(to spec: inout JSONValue) {
        setIfMissing(&spec, "dnsPolicy", "ClusterFirst")
        setIfMissing(&spec, "enableServiceLinks", true)
        if spec["priorityClassName"] != nil { setIfMissing(&spec, "preemptionPolicy", "PreemptLowerThanOrEqual") }
        setIfMissing(&spec, "restartPolicy", "Always")
        setIfMissing(&spec, "schedulerName", "default-scheduler")
        setIfMissing(&spec, "securityContext", .emptyObject)
        setIfMissing(&spec, "terminationGracePeriodSeconds", 30)
        let hostNetwork = spec["hostNetwork"]?.boolValue ?? false
        for key in ["initContainers", "containers"] {
            guard var containers = spec[key]?.arrayValue else { continue }
            for index in containers.indices { container(&containers[index], hostNetwork: hostNetwork) }
            spec[key] = .array(containers)
        }
        if var volumes = spec["volumes"]?.arrayValue {
            for index in volumes.indices {
                if volumes[index]["hostPath"] != nil { setIfMissing(&volumes[index], path: ["hostPath", "type"], "") }
                if volumes[index]["configMap"] != nil { setIfMissing(&volumes[index], path: ["configMap", "defaultMode"], 420) }
                if volumes[index]["projected"] != nil { setIfMissing(&volumes[index], path: ["projected", "defaultMode"], 420) }
            }
            spec["volumes"] = .array(volumes)
        }
    }

    private static func container(_ container: inout JSONValue, hostNetwork: Bool) {
        let image = container["image"]?.stringValue ?? ""
        let tag = image.split(separator: "/").last.map { $0.split(separator: ":").dropFirst().first.map(String.init) } ?? nil
        setIfMissing(&container, "imagePullPolicy", tag == nil || tag == "latest" ? "Always" : "IfNotPresent")
        setIfMissing(&container, "resources", .emptyObject)
        setIfMissing(&container, "terminationMessagePath", "/dev/termination-log")
        setIfMissing(&container, "terminationMessagePolicy", "File")
        for probe in ["livenessProbe", "readinessProbe", "startupProbe"] where container[probe] != nil {
            setIfMissing(&container, path: [probe, "failureThreshold"], 3)
            setIfMissing(&container, path: [probe, "periodSeconds"], 10)
            setIfMissing(&container, path: [probe, "successThreshold"], 1)
            setIfMissing(&container, path: [probe, "timeoutSeconds"], 1)
            if container[path: [probe, "httpGet"]] != nil { setIfMissing(&container, path: [probe, "httpGet", "scheme"], "HTTP") }
        }
        if var ports = container["ports"]?.arrayValue {
            for index in ports.indices {
                setIfMissing(&ports[index], "protocol", "TCP")
                if hostNetwork, let port = ports[index]["containerPort"] { setIfMissing(&ports[index], "hostPort", port) }
            }
            container["ports"] = .array(ports)
        }
    }

    private static func setIfMissing(_ value: inout JSONValue, _ key: String, _ member: JSONValue) {
        if value[key] == nil { value[key] = member }
    }

    private static func setIfMissing(_ value: inout JSONValue, path: [String], _ member: JSONValue) {
        if value[path: path] == nil { value[path: path] = member }
    }
}

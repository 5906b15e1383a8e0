/// Pod spec and container defaults (core/v1 `SetDefaults_PodSpec`, `SetDefaults_Container`, probes,
/// volumes) and the pod admission plugins.
extension Defaults {
    static func podSpec(_ spec: inout JSONValue) {
        spec.setDefault("restartPolicy", "Always")
        spec.setDefault("terminationGracePeriodSeconds", 30)
        spec.setDefault("dnsPolicy", "ClusterFirst")
        spec.setDefault("securityContext", .object([:]))
        spec.setDefault("schedulerName", "default-scheduler")
        spec.setDefault("enableServiceLinks", true)
        spec.updateEach("containers") { container(&$0) }
        spec.updateEach("initContainers") { container(&$0) }
        spec.updateEach("volumes") { volume(&$0) }
        if spec["hostNetwork"]?.boolValue == true {
            // Host-network pods publish their container ports on the host.
            for key in ["containers", "initContainers"] {
                spec.updateEach(key) { c in c.updateEach("ports") { $0.setDefault("hostPort", $0["containerPort"] ?? 0) } }
            }
        }
    }

    static func container(_ c: inout JSONValue) {
        if c["imagePullPolicy"] == nil {
            c["imagePullPolicy"] = .string(imageTag(c["image"]?.stringValue ?? "") == "latest" ? "Always" : "IfNotPresent")
        }
        c.setDefault("terminationMessagePath", "/dev/termination-log")
        c.setDefault("terminationMessagePolicy", "File")
        c.setDefault("resources", .object([:]))
        c.updateEach("ports") { $0.setDefault("protocol", "TCP") }
        c.updateEach("env") { env in
            guard env[path: ["valueFrom", "fieldRef"]] != nil else { return }
            env.update("valueFrom") { $0.update("fieldRef") { $0.setDefault("apiVersion", "v1") } }
        }
        for probe in ["livenessProbe", "readinessProbe", "startupProbe"] where c[probe] != nil {
            c.update(probe) { p in
                p.setDefault("timeoutSeconds", 1)
                p.setDefault("periodSeconds", 10)
                p.setDefault("successThreshold", 1)
                p.setDefault("failureThreshold", 3)
                if p["httpGet"] != nil { p.update("httpGet") { $0.setDefault("scheme", "HTTP") } }
            }
        }
    }

    static func volume(_ v: inout JSONValue) {
        if v["secret"] != nil { v.update("secret") { $0.setDefault("defaultMode", 420) } }
        if v["configMap"] != nil { v.update("configMap") { $0.setDefault("defaultMode", 420) } }
        if v["projected"] != nil { v.update("projected") { $0.setDefault("defaultMode", 420) } }
        if v["downwardAPI"] != nil { v.update("downwardAPI") { $0.setDefault("defaultMode", 420) } }
        if v["hostPath"] != nil { v.update("hostPath") { $0.setDefault("type", "") } }
        if v["persistentVolumeClaim"] == nil, v["emptyDir"] == nil, volumeSourceCount(v) == 0 {
            v["emptyDir"] = .object([:])  // a volume with no source is an emptyDir
        }
    }

    static func volumeSourceCount(_ v: JSONValue) -> Int {
        (v.objectValue?.keys.filter { $0 != "name" }.count) ?? 0
    }

    /// The tag `parsers.ParseImageName` finds: "latest" when there is neither tag nor digest.
    static func imageTag(_ image: String) -> String {
        var name = Substring(image)
        var hasDigest = false
        if let at = name.firstIndex(of: "@") {
            name = name[..<at]
            hasDigest = true
        }
        let lastSlash = name.lastIndex(of: "/")
        if let colon = name.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            return String(name[name.index(after: colon)...])
        }
        return hasDigest ? "" : "latest"
    }

    /// `SetDefaults_Pod`: a container with limits but no requests requests its limits.
    static func podResourceRequests(_ pod: inout JSONValue) {
        pod.update("spec") { spec in
            for key in ["containers", "initContainers"] {
                spec.updateEach(key) { c in
                    guard case .object(let limits)? = c[path: ["resources", "limits"]], !limits.isEmpty else { return }
                    var requests = c[path: ["resources", "requests"]]?.objectValue ?? [:]
                    for (name, value) in limits where requests[name] == nil { requests[name] = value }
                    c[path: ["resources", "requests"]] = .object(requests)
                }
            }
        }
    }

    /// What the pod admission plugins add to a pod created through the API: the
    /// DefaultTolerationSeconds tolerations (not-ready/unreachable, NoExecute, 300 s), the
    /// service account (`default`), `priority` 0 and `preemptionPolicy` PreemptLowerPriority.
    /// The token volume (`kube-api-access-xxxxx`) needs a random suffix: the store adds it.
    /// Mirror pods get no service account (the ServiceAccount plugin leaves them alone).
    public static func admitPod(_ pod: JSONValue) -> JSONValue {
        var o = pod
        let mirror = pod[path: ["metadata", "annotations", "kubernetes.io/config.mirror"]] != nil
        o.update("spec") { spec in
            if !mirror {
                spec.setDefault("serviceAccountName", spec["serviceAccount"] ?? "default")
                spec.setDefault("serviceAccount", spec["serviceAccountName"] ?? "default")
            }
            spec.setDefault("priority", 0)
            spec.setDefault("preemptionPolicy", "PreemptLowerPriority")
            var tolerations = spec["tolerations"]?.arrayValue ?? []
            for key in ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]
            where !tolerations.contains(where: { tolerates($0, key: key) }) {
                tolerations.append(["effect": "NoExecute", "key": .string(key), "operator": "Exists", "tolerationSeconds": 300])
            }
            spec["tolerations"] = .array(tolerations)
        }
        return o
    }

    /// Whether `toleration` tolerates a NoExecute taint with `key` (`ToleratesTaint`).
    static func tolerates(_ toleration: JSONValue, key: String) -> Bool {
        let effect = toleration["effect"]?.stringValue ?? ""
        guard effect.isEmpty || effect == "NoExecute" else { return false }
        let tKey = toleration["key"]?.stringValue ?? ""
        guard tKey.isEmpty || tKey == key else { return false }
        let op = toleration["operator"]?.stringValue ?? "Equal"
        return op == "Exists" || (op == "Equal" && (toleration["value"]?.stringValue ?? "").isEmpty)
    }

    /// The pod's QoS class (`qos.GetPodQOS`), which the API server records in `status.qosClass`.
    public static func qosClass(_ pod: JSONValue) -> String {
        let containers = (pod[path: ["spec", "containers"]]?.arrayValue ?? [])
            + (pod[path: ["spec", "initContainers"]]?.arrayValue ?? [])
        var anySet = false
        var guaranteed = true
        for c in containers {
            let requests = c[path: ["resources", "requests"]]?.objectValue ?? [:]
            let limits = c[path: ["resources", "limits"]]?.objectValue ?? [:]
            let relevant: Set<String> = ["cpu", "memory"]
            if requests.keys.contains(where: relevant.contains) || limits.keys.contains(where: relevant.contains) {
                anySet = true
            }
            for name in relevant {
                guard let limit = limits[name] else {
                    guaranteed = false
                    continue
                }
                if let request = requests[name], request != limit { guaranteed = false }
            }
        }
        if !anySet { return "BestEffort" }
        return guaranteed ? "Guaranteed" : "Burstable"
    }
}

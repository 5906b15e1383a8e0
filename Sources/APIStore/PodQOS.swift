import KubeModel

/// A pod's quality-of-service class (`qos.GetPodQOS`), set by the API server on create.
public enum PodQOS {
    public static func qosClass(of pod: KubeObject) -> String {
        let containers = (pod[path: ["spec", "containers"]]?.arrayValue ?? [])
            + (pod[path: ["spec", "initContainers"]]?.arrayValue ?? [])
        var anyResource = false
        var guaranteed = !containers.isEmpty
        for container in containers {
            let requests = container[path: ["resources", "requests"]]?.objectValue ?? [:]
            let limits = container[path: ["resources", "limits"]]?.objectValue ?? [:]
            if !requests.isEmpty || !limits.isEmpty { anyResource = true }
            for resource in ["cpu", "memory"] {
                guard let limit = limits[resource] else {
                    guaranteed = false
                    continue
                }
                if let request = requests[resource], request != limit { guaranteed = false }
            }
        }
        if !anyResource { return "BestEffort" }
        return guaranteed ? "Guaranteed" : "Burstable"
    }
}

import APIStore
import Controllers
import KubeModel

/// One container as containerd lists it to crictl.
struct CrictlContainer {
    var id: String
    var sandboxID: String
    var name: String
    var attempt: Int
    /// The image reference, canonical (`docker.io/library/busybox:latest`).
    var image: String
    var created: Int64
    var running: Bool
    var podName: String
    var podNamespace: String
    var podUID: String
    /// The runtime's record (nil for a container the kubeadm world started before the lab).
    var record: RuntimeContainer?
}

/// One pod sandbox as containerd lists it to crictl.
struct CrictlSandbox {
    var id: String
    var created: Int64
    var ready: Bool
    var name: String
    var namespace: String
}

/// What containerd holds on one node: the runtime's own containers, plus those the kubeadm world
/// started before the lab (known only from their pods' statuses, checked against the kubelet).
struct CrictlInventory {
    /// Newest first, as crictl sorts them.
    private(set) var containers: [CrictlContainer] = []
    private(set) var sandboxes: [CrictlSandbox] = []

    static func sandboxID(podUID: String) -> String { StaticPodSource.hex(of: "sandbox/" + podUID, length: 64) }

    init(node: String, world: World) {
        let runtime = world.runtime
        var pods: [String: KubeObject] = [:]
        if let podType = world.store.resources.type(key: "pods") {
            for pod in world.store.list(podType) where pod[path: ["spec", "nodeName"]]?.stringValue == node {
                pods[Self.runtimeUID(pod)] = pod
            }
        }
        // Static pods the kubelet runs from its manifests, mirrored in the API or not (the API server may be down).
        var staticPods: [String: KubeObject] = [:]
        if let path = world.agents.kubelet?.staticPodPath(of: node), let disk = world.node(named: node)?.disk {
            for manifest in StaticPodSource.read(path, disk: disk, node: node, now: world.clock.now) {
                if let pod = manifest.pod { staticPods[pod.uid] = pod }
            }
        }
        var running: Set<String> = []
        for entry in world.agents.kubelet?.runningContainers(on: node) ?? [] {
            running.insert("\(entry.pod.namespace)/\(entry.pod.name)/\(entry.container["name"]?.stringValue ?? "")/\(entry.startedAt)")
        }
        // The kubelet keeps one dead container per pod and container name (MaxPerPodContainer).
        var latestDead: [String: RuntimeContainer] = [:]
        var firstCreated: [String: Int64] = [:]
        for record in runtime.records(onNode: node) {
            firstCreated[record.podUID] = min(firstCreated[record.podUID] ?? record.created, record.created)
            if record.isRunning {
                containers.append(Self.container(record))
            } else if pods[record.podUID] != nil || staticPods[record.podUID] != nil {
                let key = record.podUID + "/" + record.name
                if let kept = latestDead[key], kept.created > record.created { continue }
                latestDead[key] = record
            }
        }
        containers += latestDead.values.map(Self.container)
        var adoptedStale: [String: Bool] = [:]
        for (uid, pod) in pods {
            for status in Self.statuses(pod) {
                for (field, isCurrent) in [(status["containerID"], true), (status[path: ["lastState", "terminated", "containerID"]], false)] {
                    guard let id = Self.runtimeID(field), runtime.containers[id] == nil else { continue }
                    let name = status["name"]?.stringValue ?? ""
                    let startedText = isCurrent
                        ? status[path: ["state", "running", "startedAt"]]?.stringValue ?? status[path: ["state", "terminated", "startedAt"]]?.stringValue
                        : status[path: ["lastState", "terminated", "startedAt"]]?.stringValue
                    let started = Timestamp.parse(startedText ?? "") ?? 0
                    let isRunning = isCurrent && status[path: ["state", "running"]] != nil
                        && running.contains("\(pod.namespace)/\(pod.name)/\(name)/\(started)")
                    let restarts = status["restartCount"]?.intValue ?? 0
                    let image = status["image"]?.stringValue ?? ""
                    containers.append(CrictlContainer(
                        id: id, sandboxID: Self.sandboxID(podUID: uid), name: name,
                        attempt: isCurrent ? restarts : max(0, restarts - 1),
                        image: ImageReference.parse(image)?.canonical ?? image, created: started, running: isRunning,
                        podName: pod.name, podNamespace: pod.namespace, podUID: uid, record: nil))
                    adoptedStale[uid] = (adoptedStale[uid] ?? true) && !isRunning
                }
            }
        }
        containers.sort { ($0.created, $0.id) > ($1.created, $1.id) }
        var seen: Set<String> = []
        for (uid, pod) in pods {
            seen.insert(Self.sandboxID(podUID: uid))
            let phase = pod[path: ["status", "phase"]]?.stringValue ?? ""
            let started = Timestamp.parse(pod[path: ["status", "startTime"]]?.stringValue ?? "")
            let earliest = firstCreated[uid] ?? containers.filter { $0.sandboxID == Self.sandboxID(podUID: uid) }.map(\.created).min()
            guard let created = started ?? earliest.map({ $0 - 1_000_000_000 }) else { continue }
            // A mirror pod whose static pod the kubelet no longer runs (its manifest changed) stands for a dead sandbox.
            let orphaned = pod.annotation("kubernetes.io/config.mirror") != nil && staticPods[uid] == nil
                && !containers.contains { $0.podUID == uid && $0.running }
            let ready = phase != "Succeeded" && phase != "Failed" && adoptedStale[uid] != true && !orphaned
            sandboxes.append(CrictlSandbox(id: Self.sandboxID(podUID: uid), created: created, ready: ready,
                                           name: pod.name, namespace: pod.namespace))
        }
        // Pods the runtime still has but the API does not show (a static pod while the API server is down).
        for container in containers.reversed() where (container.running || staticPods[container.podUID] != nil)
            && !seen.contains(container.sandboxID) {
            seen.insert(container.sandboxID)
            let created = (firstCreated[container.podUID] ?? container.created) - 1_000_000_000
            sandboxes.append(CrictlSandbox(id: container.sandboxID, created: created, ready: true,
                                           name: container.podName, namespace: container.podNamespace))
        }
        sandboxes.sort { ($0.created, $0.id) > ($1.created, $1.id) }
    }

    /// The uid the kubelet runs a pod under: a mirror pod stands for its static pod.
    static func runtimeUID(_ pod: KubeObject) -> String {
        pod.annotation("kubernetes.io/config.mirror") ?? pod.uid
    }

    private static func statuses(_ pod: KubeObject) -> [JSONValue] {
        (pod[path: ["status", "initContainerStatuses"]]?.arrayValue ?? []) + (pod[path: ["status", "containerStatuses"]]?.arrayValue ?? [])
    }

    private static func runtimeID(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue, !text.isEmpty else { return nil }
        if let range = text.range(of: "://") { return String(text[range.upperBound...]) }
        return text
    }

    private static func container(_ record: RuntimeContainer) -> CrictlContainer {
        CrictlContainer(id: record.id, sandboxID: sandboxID(podUID: record.podUID), name: record.name, attempt: record.attempt,
                        image: record.image, created: record.created, running: record.isRunning,
                        podName: record.podName, podNamespace: record.podNamespace, podUID: record.podUID, record: record)
    }

    /// Finds a container by id or unique id prefix (containerd's truncindex).
    func container(matching prefix: String) -> CrictlContainer? {
        guard !prefix.isEmpty else { return nil }
        let matches = containers.filter { $0.id.hasPrefix(prefix) }
        return matches.count == 1 ? matches.first : nil
    }
}

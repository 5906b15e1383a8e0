import APIStore
import KubeModel

/// The status manager: writes each pod's status (a static pod's to its mirror pod) when it changed.
extension KubeletLoop {
    func writeStatus(_ uid: String) {
        guard let worker = workers[uid], let node = nodes[worker.node], node.running,
              let podType = store.resources.type(key: "pods") else { return }
        let isStatic = worker.pod.annotation("kubernetes.io/config.hash") != nil
        guard var stored = store.object(podType, namespace: worker.pod.namespace, name: worker.pod.name) else { return }
        if isStatic {
            guard stored.annotation("kubernetes.io/config.mirror") == uid else { return }
        } else {
            guard stored.uid == uid else { return }
        }
        let status = PodStatusBuilder.status(of: worker, hostIP: hostIP(worker.node), now: now)
        worker.lastStatus = status
        guard stored.content["status"] != status else { return }
        stored.content["status"] = status
        _ = try? store.update(stored, subresource: .status)
    }
}

/// The control plane as static pods: which components serve, so the world knows whether the API
/// server answers and whether the scheduler and controller manager run.
extension KubeletLoop {
    /// Whether the static pod `component` (kube-apiserver, etcd, …) on the control plane runs and has warmed up.
    public func serving(_ component: String) -> Bool {
        guard let controlPlane else { return true }
        if controlPlaneKubelet == nil { controlPlaneKubelet = nodes[controlPlane] }
        guard let node = controlPlaneKubelet else { return true }
        // Asked several times per settle round, while the answer changes only with the workers.
        if let memo = servingMemo, memo.holds(staticPodsVersion: node.staticPodsVersion) {
            return memo.serves(component, now: now)
        }
        // The node's static pods' workers, in the order of its `staticPods`.
        let memo = ServingMemo(node.staticPods.values.compactMap { workers[$0] }, staticPodsVersion: node.staticPodsVersion,
                               warmUp: warmUp)
        servingMemo = memo
        return memo.serves(component, now: now)
    }


    /// The API server answers when its static pod and etcd's run (no static pods at all: always).
    public var apiServerUp: Bool {
        guard controlPlane != nil else { return true }
        return serving("kube-apiserver") && serving("etcd")
    }
}

/// The kubelet process of each node: started (its config read) and stopped by systemd.
extension KubeletLoop {
    /// The kubelet starts with this static pod path (nil: none): it re-reads its files and catches up.
    public func kubeletStarted(_ node: String, staticPodPath: String?) {
        guard let state = nodes[node] else { return }
        let moved = state.staticPodPath != staticPodPath
        state.running = true
        state.registered = false
        state.staticPodPath = staticPodPath
        if moved { state.fingerprint = ["(moved)"] }
        if staticPodPath != nil {
            log(node, "I", "kubelet.go:411", "\"Adding static pod path\" path=\"\(staticPodPath ?? "")\"")
        }
        context.heartbeats.kubeletStarted(node)
        scheduleNodeStatus(node)
        dirtyNodes.insert(node)
        let work = state.deferred
        state.deferred = []
        for action in work { action() }
        // This node's workers, found through its pods (a scan of every worker per node is quadratic at boot).
        let uids = state.pods.compactMap { apiWorkers[$0] } + state.staticPods.values.sorted()
        for uid in uids { if let worker = workers[uid], worker.node == node { markDirty(worker) } }
        // Warm-up ends: let the world settle then (the API server may answer from that moment).
        for seconds in Set(warmUp.values) { context.after(seconds: seconds) {} }
    }

    public func kubeletStopped(_ node: String) {
        guard let state = nodes[node], state.running else { return }
        state.running = false
        context.heartbeats.kubeletStopped(node, at: now)
    }

    public func isKubeletRunning(_ node: String) -> Bool { nodes[node]?.running ?? false }

    /// The static pod path a node's kubelet runs with.
    public func staticPodPath(of node: String) -> String? { nodes[node]?.staticPodPath }

    /// Running containers of a node, for `ps`: (pod, container spec, started) in start order.
    public func runningContainers(on node: String) -> [(pod: KubeObject, container: JSONValue, startedAt: Int64)] {
        var result: [(pod: KubeObject, container: JSONValue, startedAt: Int64)] = []
        for worker in workers.values where worker.node == node {
            for record in worker.containers {
                if case .running(let startedAt) = record.state {
                    result.append((worker.pod, worker.spec(of: record), startedAt))
                }
            }
        }
        return result.sorted { ($0.startedAt, $0.pod.name) < ($1.startedAt, $1.pod.name) }
    }
}

/// Since when each control-plane component serves: its static pod's containers all run, and the
/// last to start has warmed up. Valid while the workers are the same ones in the same states.
final class ServingMemo {
    private let staticPodsVersion: Int
    private let workers: [PodWorker]
    private let versions: [Int]
    /// The first worker of each component decides (nil: it does not serve, whatever the time).
    private let since: [(component: String, instant: Int64?)]

    init(_ workers: [PodWorker], staticPodsVersion: Int, warmUp: [String: Double]) {
        self.staticPodsVersion = staticPodsVersion
        self.workers = workers
        versions = workers.map(\.version)
        var since: [(component: String, instant: Int64?)] = []
        for worker in workers {
            guard let component = worker.component, !since.contains(where: { $0.component == component }) else { continue }
            guard !worker.terminating, worker.allRunning else {
                since.append((component, nil))
                continue
            }
            let warm = Int64((warmUp[component] ?? 0) * 1_000_000_000)
            var latest: Int64? = Int64.min
            for record in worker.containers {
                if case .running(let startedAt) = record.state, let known = latest { latest = max(known, startedAt + warm) } else { latest = nil }
            }
            since.append((component, latest))
        }
        self.since = since
    }

    func holds(staticPodsVersion current: Int) -> Bool {
        guard current == staticPodsVersion else { return false }
        for index in workers.indices where workers[index].version != versions[index] { return false }
        return true
    }

    func serves(_ component: String, now: Int64) -> Bool {
        for entry in since where entry.component == component {
            guard let instant = entry.instant else { return false }
            return instant <= now
        }
        return false
    }
}

import APIStore
import KubeModel
import NodeFS

/// Static pods: each node's `staticPodPath`, read when it changes, run as pods, mirrored in the API.
extension KubeletLoop {
    /// Notices changed static pod directories (the real kubelet's inotify watch), at most once per instant.
    func scanStaticPodPaths() {
        guard now != lastScan else { return }
        lastScan = now
        let candidates = changedDisks.union(unwatchedDisks)
        for name in candidates {
            guard let node = nodes[name], node.running else { continue }
            changedDisks.remove(name)
            node.diskChanged = false
            noteNetworkConfig(name)
            guard let path = node.staticPodPath, let disk = disk(node.name) else { continue }
            // Nothing written on the node since the last look: nothing to read.
            let stamp = (disk as? Disk)?.changeStamp
            if let stamp, stamp == node.scannedStamp { continue }
            node.scannedStamp = stamp
            let fingerprint = Self.fingerprint(path, disk: disk)
            if fingerprint != node.fingerprint { dirtyNodes.insert(node.name) }
        }
    }

    static func fingerprint(_ path: String, disk: any FileSystem) -> [String] {
        guard let info = try? disk.info(path, followSymlinks: true) else { return [] }
        guard info.kind == .directory else { return ["\(info.size) \(info.modificationTime)"] }
        return ((try? disk.listDirectory(path)) ?? []).sorted().map { name in
            guard let entry = try? disk.info(Path.join(path, name), followSymlinks: true) else { return name }
            return "\(name) \(entry.size) \(entry.modificationTime)"
        }
    }

    /// Reads the node's static pod path and makes the running static pods and the mirror pods agree with it.
    func syncStaticPods(_ name: String) {
        guard let node = nodes[name], node.running else { return }
        if let path = node.staticPodPath, let disk = disk(name) {
            let fingerprint = Self.fingerprint(path, disk: disk)
            if fingerprint != node.fingerprint {
                node.fingerprint = fingerprint
                readManifests(node, StaticPodSource.read(path, disk: disk, node: name, now: now))
            }
        } else if !node.manifests.isEmpty {
            node.fingerprint = []
            readManifests(node, [])
        }
        guard apiServerUp else {
            mirrorsOwed.insert(name)
            return
        }
        syncMirrorPods(node)
    }

    private func readManifests(_ node: NodeKubelet, _ manifests: [StaticPodSource.Manifest]) {
        let previous = Dictionary(node.manifests.map { ($0.path, $0.text) }) { first, _ in first }
        for manifest in manifests where manifest.problem != nil && previous[manifest.path] != manifest.text {
            log(node.name, "E", "file.go:187", "\"Could not process manifest file\" err=\"\(manifest.problem ?? "")\" path=\"\(manifest.path)\"")
        }
        node.manifests = manifests
        var desired: [String: KubeObject] = [:]
        var names: Set<String> = []
        for manifest in manifests {
            guard let pod = manifest.pod, names.insert(pod.namespace + "/" + pod.name).inserted else { continue }
            desired[manifest.path] = pod
        }
        for (path, uid) in node.staticPods where desired[path]?.uid != uid {
            node.staticPods[path] = nil
            if let worker = workers[uid] { terminateStatic(worker) }
        }
        for (path, pod) in desired.sorted(by: { $0.key < $1.key }) where node.staticPods[path] == nil {
            node.staticPods[path] = pod.uid
            if let adopted = adoptMirror(pod, node: node) {
                workers[pod.uid] = adopted
                continue
            }
            let worker = PodWorker(pod: pod, node: node.name)
            workers[pod.uid] = worker
            step(worker)
        }
    }

    /// The kubeadm world's static pods: the mirror pod with this hash already shows them running.
    private func adoptMirror(_ pod: KubeObject, node: NodeKubelet) -> PodWorker? {
        guard let podType = store.resources.type(key: "pods"),
              let mirror = store.object(podType, namespace: pod.namespace, name: pod.name),
              mirror.annotation("kubernetes.io/config.mirror") == pod.uid,
              mirror[path: ["status", "phase"]]?.stringValue == "Running", !adoptedOnce.contains(pod.uid) else { return nil }
        adoptedOnce.insert(pod.uid)
        var running = pod
        running.content["status"] = mirror.content["status"]
        let worker = PodWorker.adopting(running, node: node.name)
        // The runtime sees the pod with its status (its address), as the kubelet started it.
        adoptContainers(worker)
        worker.pod = pod
        return worker
    }

    /// A static pod whose file went away or changed: its containers stop, its mirror goes.
    private func terminateStatic(_ worker: PodWorker) {
        worker.terminating = true
        cancelTickets(worker)
        stopContainers(worker, grace: worker.pod[path: ["spec", "terminationGracePeriodSeconds"]]?.intValue ?? 30)
        for index in worker.containers.indices where worker.containers[index].isRunning {
            worker.containers[index].state = .terminated(exitCode: 0, reason: "Completed", startedAt: 0, finishedAt: now,
                                                         containerID: worker.containers[index].containerID ?? "")
        }
        forget(worker)
    }

    /// Mirror pods: one per static pod, with its hash; deleted or edited ones are put back, stale ones removed.
    private func syncMirrorPods(_ node: NodeKubelet) {
        guard let podType = store.resources.type(key: "pods") else { return }
        var expected: [ObjectKey: PodWorker] = [:]
        for uid in node.staticPods.values {
            if let worker = workers[uid] { expected[worker.key] = worker }
        }
        for key in node.mirrors.sorted() where expected[key] == nil {
            _ = try? store.delete(podType, namespace: key.namespace, name: key.name, options: DeleteOptions(gracePeriodSeconds: 0))
        }
        for (key, worker) in expected.sorted(by: { $0.key < $1.key }) {
            let mirror = store.object(podType, namespace: key.namespace, name: key.name)
            if let mirror, mirror.annotation("kubernetes.io/config.mirror") == worker.pod.uid,
               mirror[path: ["metadata", "deletionTimestamp"]] == nil,
               Self.signature(mirror) == Self.signature(worker.pod) {
                continue
            }
            if let mirror {
                _ = try? store.delete(podType, namespace: key.namespace, name: key.name,
                                      options: DeleteOptions(gracePeriodSeconds: 0, preconditionUID: mirror.uid))
            }
            createMirror(worker, node: node)
        }
    }

    /// What an edit through the API can change in a mirror pod and the kubelet puts back.
    static func signature(_ pod: KubeObject) -> [JSONValue] {
        (pod[path: ["spec", "containers"]]?.arrayValue ?? []).map { container in
            [container["name"] ?? nil, container["image"] ?? nil, container["command"] ?? nil, container["args"] ?? nil]
        }
    }

    private func createMirror(_ worker: PodWorker, node: NodeKubelet) {
        var pod = worker.pod
        pod.annotations["kubernetes.io/config.mirror"] = worker.pod.uid
        pod[path: ["metadata", "uid"]] = nil
        pod[path: ["metadata", "resourceVersion"]] = nil
        var owner: JSONObject = ["apiVersion": "v1", "controller": true, "kind": "Node", "name": .string(node.name)]
        if let nodeType = store.resources.type(key: "nodes"), let object = store.object(nodeType, namespace: "", name: node.name) {
            owner["uid"] = .string(object.uid)
        }
        pod[path: ["metadata", "ownerReferences"]] = [.object(owner)]
        pod.content["status"] = nil
        guard (try? store.create(pod)) != nil else { return }
        // The status manager posts the pod's status on its next sync, a few seconds on.
        worker.lastStatus = nil
        schedule(worker, after: 4) { [weak self] in self?.markDirty(worker) }
    }
}

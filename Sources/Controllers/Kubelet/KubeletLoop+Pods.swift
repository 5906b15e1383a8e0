import APIStore
import KubeModel

/// API pods: start what is newly bound, tear down what is deleted.
extension KubeletLoop {
    func syncAPIPod(_ key: ObjectKey, _ object: KubeObject?) {
        guard let object else {
            // Gone from the API (forced, or after our own final delete): stop whatever still runs.
            if let uid = apiWorkers.removeValue(forKey: key), let worker = workers[uid] {
                stopContainers(worker, grace: 0)
                forget(worker)
            }
            return
        }
        let nodeName = object[path: ["spec", "nodeName"]]?.stringValue ?? ""
        guard let node = nodes[nodeName] else { return }
        guard node.running else {
            node.deferred.append { [weak self] in self?.changedPods[key] = object }
            return
        }
        if let uid = apiWorkers[key], uid != object.uid, let old = workers[uid] {
            stopContainers(old, grace: 0)
            forget(old)
            apiWorkers[key] = nil
        }
        let worker: PodWorker
        if let uid = apiWorkers[key], let existing = workers[uid] {
            worker = existing
            worker.pod = object
        } else {
            let phase = object[path: ["status", "phase"]]?.stringValue ?? "Pending"
            // A pod that already ended is not run again.
            guard phase == "Pending" || phase == "Running" else { return }
            worker = PodWorker(pod: object, node: nodeName)
            workers[object.uid] = worker
            apiWorkers[key] = object.uid
            step(worker)
        }
        if object[path: ["metadata", "deletionTimestamp"]] != nil, !worker.terminating {
            let grace = object[path: ["metadata", "deletionGracePeriodSeconds"]]?.intValue ?? 30
            terminate(worker, grace: grace)
        }
    }

    /// Graceful deletion: Killing events, SIGTERM, and the final delete once every container has exited.
    func terminate(_ worker: PodWorker, grace: Int) {
        worker.terminating = true
        cancelTickets(worker)
        stopContainers(worker, grace: grace)
        finishTerminationIfDone(worker)
        guard workers[worker.pod.uid] === worker else { return }
        // SIGKILL at the end of the grace period, whatever the runtime says.
        schedule(worker, after: Double(grace)) { [weak self] in
            guard let self else { return }
            for index in worker.containers.indices where worker.containers[index].isRunning {
                worker.containers[index].state = .terminated(exitCode: 137, reason: "Error", startedAt: 0,
                                                             finishedAt: now, containerID: worker.containers[index].containerID ?? "")
            }
            finishTerminationIfDone(worker)
        }
    }

    func stopContainers(_ worker: PodWorker, grace: Int) {
        for record in worker.initContainers + worker.containers where record.isRunning {
            guard let id = record.containerID else { continue }
            if grace > 0 {
                event(worker, reason: "Killing", message: "Stopping container \(record.name)", container: record)
            }
            runtime.stop(containerID: id, gracePeriodSeconds: grace)
        }
    }

    /// Once nothing runs, an API pod is removed (`DELETE` with grace 0 and the uid as precondition).
    func finishTerminationIfDone(_ worker: PodWorker) {
        guard worker.terminating, !(worker.initContainers + worker.containers).contains(where: \.isRunning) else { return }
        forget(worker)
        guard worker.pod.annotation("kubernetes.io/config.hash") == nil, let podType = store.resources.type(key: "pods") else {
            return
        }
        apiWorkers[worker.key] = nil
        _ = try? store.delete(podType, namespace: worker.pod.namespace, name: worker.pod.name,
                              options: DeleteOptions(gracePeriodSeconds: 0, preconditionUID: worker.pod.uid))
    }

    func forget(_ worker: PodWorker) {
        cancelTickets(worker)
        if workers[worker.pod.uid] === worker { workers[worker.pod.uid] = nil }
        dirtyStatus.remove(worker.pod.uid)
    }

    func cancelTickets(_ worker: PodWorker) {
        for ticket in worker.tickets { context.timeline.cancel(ticket) }
        worker.tickets = []
    }

    /// Runs `action` later, only while the worker is still current and its kubelet runs.
    func schedule(_ worker: PodWorker, after seconds: Double, _ action: @escaping () -> Void) {
        let ticket = context.after(seconds: seconds) { [weak self, weak worker] in
            guard let self, let worker, self.workers[worker.pod.uid] === worker else { return }
            if let node = self.nodes[worker.node], !node.running {
                node.deferred.append(action)
                return
            }
            action()
        }
        worker.tickets.append(ticket)
    }

    func markDirty(_ worker: PodWorker) {
        dirtyStatus.insert(worker.pod.uid)
    }

    /// Records an event about the pod (the mirror pod, for a static one) as the kubelet on its node.
    func event(_ worker: PodWorker, type: String = "Normal", reason: String, message: String, container: ContainerRecord?) {
        guard apiServerUp else { return }
        var regarding = worker.pod
        if worker.pod.annotation("kubernetes.io/config.hash") != nil {
            guard let podType = store.resources.type(key: "pods"),
                  let mirror = store.object(podType, namespace: worker.pod.namespace, name: worker.pod.name) else { return }
            regarding = mirror
        }
        let fieldPath = container.map { "spec.\($0.isInit ? "initContainers" : "containers"){\($0.name)}" }
        store.recordEvent(regarding: regarding, type: type, reason: reason, message: message, component: "kubelet",
                          host: worker.node, fieldPath: fieldPath)
    }
}

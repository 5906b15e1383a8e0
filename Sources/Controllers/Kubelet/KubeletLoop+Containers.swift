import APIStore
import KubeModel

/// A pod's containers through their lives: sandbox, pull, create, start, exit, restart, back-off.
extension KubeletLoop {
    /// Does whatever the pod's next step is (each step that takes time schedules the one after).
    func step(_ worker: PodWorker) {
        guard !worker.terminating, workers[worker.pod.uid] === worker else { return }
        if worker.startTime == nil {
            worker.startTime = now
            worker.podIP = allocateIP(worker)
            markDirty(worker)
            schedule(worker, after: 1) { [weak self] in
                worker.sandboxReady = true
                self?.markDirty(worker)
                self?.step(worker)
            }
            return
        }
        guard worker.sandboxReady, worker.finishedPhase == nil else { return }
        if let index = worker.pendingInit {
            advance(worker, index: index, isInit: true)
            return
        }
        for index in worker.containers.indices { advance(worker, index: index, isInit: false) }
    }

    private func record(_ worker: PodWorker, _ index: Int, _ isInit: Bool) -> ContainerRecord {
        isInit ? worker.initContainers[index] : worker.containers[index]
    }

    private func update(_ worker: PodWorker, _ index: Int, _ isInit: Bool, _ change: (inout ContainerRecord) -> Void) {
        if isInit { change(&worker.initContainers[index]) } else { change(&worker.containers[index]) }
        markDirty(worker)
    }

    /// Starts one container if it is due (not running, not busy, not in back-off, allowed to restart).
    private func advance(_ worker: PodWorker, index: Int, isInit: Bool) {
        let container = record(worker, index, isInit)
        guard !container.busy, !container.isRunning else { return }
        if let code = container.exitCode {
            let restarts = isInit ? worker.restartPolicy != "Never" && code != 0
                : worker.restartPolicy == "Always" || (worker.restartPolicy == "OnFailure" && code != 0)
            guard restarts else { return }
        }
        if container.backOff.isActive(at: now) {
            let wait = Double(container.backOff.until - now) / 1_000_000_000
            update(worker, index, isInit) { $0.busy = true }
            schedule(worker, after: wait) { [weak self] in
                self?.update(worker, index, isInit) { $0.busy = false }
                self?.step(worker)
            }
            return
        }
        pull(worker, index: index, isInit: isInit)
    }

    private func pull(_ worker: PodWorker, index: Int, isInit: Bool) {
        let container = record(worker, index, isInit)
        let spec = worker.spec(of: container)
        let policy = spec["imagePullPolicy"]?.stringValue ?? "IfNotPresent"
        let outcome = runtime.pull(image: container.image, node: worker.node, always: policy == "Always")
        update(worker, index, isInit) { $0.busy = true }
        let image = container.image
        switch outcome {
        case .present:
            event(worker, reason: "Pulled", message: "Container image \"\(image)\" already present on machine", container: container)
            create(worker, index: index, isInit: isInit)
        case .pulled(let seconds, let waited, let bytes):
            event(worker, reason: "Pulling", message: "Pulling image \"\(image)\"", container: container)
            schedule(worker, after: waited) { [weak self] in
                guard let self else { return }
                let time = KubeletText.duration(seconds), total = KubeletText.duration(waited)
                event(worker, reason: "Pulled", message: "Successfully pulled image \"\(image)\" in \(time) (\(total) including waiting). Image size: \(bytes) bytes.", container: container)
                create(worker, index: index, isInit: isInit)
            }
        case .failed(let message):
            event(worker, reason: "Pulling", message: "Pulling image \"\(image)\"", container: container)
            schedule(worker, after: 1.2) { [weak self] in
                self?.pullFailed(worker, index: index, isInit: isInit, message: message)
            }
        }
    }

    private func pullFailed(_ worker: PodWorker, index: Int, isInit: Bool, message: String) {
        let container = record(worker, index, isInit)
        let image = container.image
        event(worker, type: "Warning", reason: "Failed", message: "Failed to pull image \"\(image)\": \(message)", container: container)
        event(worker, type: "Warning", reason: "Failed", message: "Error: ErrImagePull", container: container)
        update(worker, index, isInit) {
            $0.state = .waiting(reason: "ErrImagePull", message: message)
            $0.backOff.next(now: now)
        }
        // The next sync reports the back-off, which ends with another pull.
        schedule(worker, after: 2) { [weak self] in
            guard let self else { return }
            event(worker, reason: "BackOff", message: "Back-off pulling image \"\(image)\"", container: container)
            event(worker, type: "Warning", reason: "Failed", message: "Error: ImagePullBackOff", container: container)
            update(worker, index, isInit) {
                $0.state = .waiting(reason: "ImagePullBackOff", message: "Back-off pulling image \"\(image)\": ErrImagePull: \(message)")
                $0.busy = false
            }
            step(worker)
        }
    }

    private func create(_ worker: PodWorker, index: Int, isInit: Bool) {
        var container = record(worker, index, isInit)
        let spec = worker.spec(of: container)
        var restarting = false
        if case .waiting("CrashLoopBackOff", _) = container.state { restarting = true }
        if container.exitCode != nil {
            container.lastState = container.state
            restarting = true
        }
        if restarting {
            container.restartCount += 1
            container.backOff.next(now: now)
        }
        let launch = ContainerLaunch(node: worker.node, pod: worker.podAsRun, container: spec, isInit: isInit,
                                     restartCount: container.restartCount)
        container.imageID = container.imageID ?? ImageSizes.imageID(container.image)
        let id = runtime.start(launch) { [weak self, weak worker] exit in
            guard let self, let worker else { return }
            exited(worker, index: index, isInit: isInit, exit: exit)
        }
        container.containerID = id
        container.busy = false
        event(worker, reason: "Created", message: "Created container \(container.name)", container: container)
        if let failure = runtime.startFailure(containerID: id) {
            container.state = .terminated(exitCode: failure.exitCode, reason: failure.reason, startedAt: 0,
                                          finishedAt: failure.finishedAt, containerID: id)
            update(worker, index, isInit) { $0 = container }
            event(worker, type: "Warning", reason: "Failed", message: "Error: " + failure.message, container: container)
            schedule(worker, after: 0.5) { [weak self] in self?.afterExit(worker, index: index, isInit: isInit) }
            return
        }
        container.state = .running(startedAt: now)
        update(worker, index, isInit) { $0 = container }
        event(worker, reason: "Started", message: "Started container \(container.name)", container: container)
        if restarting { markDirty(worker) }
        // A control-plane component serves once warmed up: let the world settle at that moment.
        if let component = worker.pod.label("component"), let warm = warmUp[component] {
            context.after(seconds: warm) {}
        }
    }

    /// Hands an adopted pod's running containers to the runtime, so it has their logs and can stop them.
    func adoptContainers(_ worker: PodWorker) {
        for index in worker.containers.indices {
            let container = worker.containers[index]
            guard case .running(let startedAt) = container.state, let id = container.containerID, !id.isEmpty else { continue }
            let launch = ContainerLaunch(node: worker.node, pod: worker.podAsRun, container: worker.spec(of: container), isInit: false,
                                         restartCount: container.restartCount)
            runtime.adopt(launch, containerID: id, startedAt: startedAt) { [weak self, weak worker] exit in
                guard let self, let worker else { return }
                exited(worker, index: index, isInit: false, exit: exit)
            }
        }
    }

    /// The runtime reports a container's end.
    private func exited(_ worker: PodWorker, index: Int, isInit: Bool, exit: ContainerExit) {
        guard workers[worker.pod.uid] === worker else { return }
        let container = record(worker, index, isInit)
        guard case .running(let startedAt) = container.state else { return }
        update(worker, index, isInit) {
            $0.state = .terminated(exitCode: exit.exitCode, reason: exit.reason, startedAt: startedAt,
                                   finishedAt: exit.finishedAt, containerID: $0.containerID ?? "")
            // A container that ran 10 minutes starts its back-off over.
            if exit.finishedAt - startedAt > 2 * BackOff.maximum { $0.backOff = BackOff() }
        }
        if worker.terminating {
            finishTerminationIfDone(worker)
            return
        }
        afterExit(worker, index: index, isInit: isInit)
    }

    /// After an exit: the next init container, a restart (at once the first time, then in back-off), or nothing.
    private func afterExit(_ worker: PodWorker, index: Int, isInit: Bool) {
        let container = record(worker, index, isInit)
        guard let code = container.exitCode else { return }
        let restarts = isInit ? worker.restartPolicy != "Never" && code != 0
            : worker.restartPolicy == "Always" || (worker.restartPolicy == "OnFailure" && code != 0)
        if restarts, container.backOff.isActive(at: now) {
            let podName = "\(worker.pod.name)_\(worker.pod.namespace)(\(worker.pod.uid))"
            event(worker, type: "Warning", reason: "BackOff",
                  message: "Back-off restarting failed container \(container.name) in pod \(podName)", container: container)
            update(worker, index, isInit) {
                $0.lastState = $0.state
                $0.state = .waiting(reason: "CrashLoopBackOff",
                                    message: "back-off \($0.backOff.text) restarting failed container=\($0.name) pod=\(podName)")
            }
        }
        step(worker)
    }
}

import APIStore
import KubeModel

/// One pod as its node's kubelet runs it: the containers' records and the status they add up to.
final class PodWorker {
    /// The pod as the kubelet runs it (the API's pod, or the static pod read from its file).
    var pod: KubeObject {
        didSet {
            component = pod.label("component")
            if pod.content["spec"] != oldValue.content["spec"] { qosClass = Defaults.qosClass(pod.content) }
            version &+= 1
        }
    }
    /// The pod's `component` label (kube-apiserver, etcd, …): asked after every change, whether
    /// the control plane serves.
    private(set) var component: String?
    /// The pod's QoS class, worked out when its spec changes (every status write reports it).
    private(set) var qosClass: String
    let node: String
    var initContainers: [ContainerRecord] { didSet { version &+= 1 } }
    var containers: [ContainerRecord] { didSet { version &+= 1 } }
    var startTime: Int64? { didSet { version &+= 1 } }
    var podIP: String? { didSet { version &+= 1 } }
    /// Whether the sandbox is up (PodReadyToStartContainers).
    var sandboxReady = false { didSet { version &+= 1 } }
    /// Set once the pod is being torn down (deleted, or its static file gone or changed).
    var terminating = false { didSet { version &+= 1 } }
    /// Bumped by every change of the state above: whether a control-plane component serves is
    /// worked out from it and kept until then.
    private(set) var version = 0
    /// The status last written (or adopted), so unchanged statuses are not written again.
    var lastStatus: JSONValue?
    /// Whether a status write is owed (the API server was down, or the mirror pod missing).
    var statusDirty = true
    /// The timeline tickets to cancel when the pod goes.
    var tickets: [Int] = []

    init(pod: KubeObject, node: String) {
        self.pod = pod
        self.node = node
        component = pod.label("component")
        qosClass = Defaults.qosClass(pod.content)
        let spec = pod.content["spec"] ?? .emptyObject
        initContainers = (spec["initContainers"]?.arrayValue ?? []).map {
            ContainerRecord(name: $0["name"]?.stringValue ?? "", image: $0["image"]?.stringValue ?? "", isInit: true)
        }
        containers = (spec["containers"]?.arrayValue ?? []).map {
            ContainerRecord(name: $0["name"]?.stringValue ?? "", image: $0["image"]?.stringValue ?? "", isInit: false)
        }
    }

    /// A worker for a pod that already runs (the kubeadm world's pods): its status as it stands.
    static func adopting(_ pod: KubeObject, node: String) -> PodWorker {
        let worker = PodWorker(pod: pod, node: node)
        let status = pod.content["status"] ?? .emptyObject
        for entry in status["initContainerStatuses"]?.arrayValue ?? [] {
            if let record = ContainerRecord(adopting: entry, isInit: true),
               let index = worker.initContainers.firstIndex(where: { $0.name == record.name }) {
                worker.initContainers[index] = record
            }
        }
        for entry in status["containerStatuses"]?.arrayValue ?? [] {
            if let record = ContainerRecord(adopting: entry, isInit: false),
               let index = worker.containers.firstIndex(where: { $0.name == record.name }) {
                worker.containers[index] = record
            }
        }
        worker.startTime = Timestamp.parse(status["startTime"]?.stringValue ?? "")
        worker.podIP = status["podIP"]?.stringValue
        worker.sandboxReady = true
        worker.lastStatus = pod.content["status"]
        worker.statusDirty = false
        return worker
    }

    /// The pod with the status this kubelet last worked out (pod IP, host IP, phase): what a
    /// container is started with. `pod` keeps the status the API had when its spec last changed,
    /// as the kubelet does not follow its own status writes.
    var podAsRun: KubeObject {
        guard let lastStatus else { return pod }
        var running = pod
        running.content["status"] = lastStatus
        return running
    }

    var key: ObjectKey { ObjectKey(namespace: pod.namespace, name: pod.name) }
    var restartPolicy: String { pod[path: ["spec", "restartPolicy"]]?.stringValue ?? "Always" }

    func spec(of record: ContainerRecord) -> JSONValue {
        let list = pod[path: ["spec", record.isInit ? "initContainers" : "containers"]]?.arrayValue ?? []
        return list.first { $0["name"]?.stringValue == record.name } ?? .emptyObject
    }

    /// The index of the init container to run next, or nil once all have completed.
    var pendingInit: Int? {
        initContainers.firstIndex { $0.exitCode != 0 }
    }

    var initialized: Bool { pendingInit == nil }

    /// Whether every container has ended for good (Succeeded or Failed pods).
    var finishedPhase: String? {
        if let index = pendingInit, restartPolicy == "Never", let code = initContainers[index].exitCode, code != 0 {
            return "Failed"
        }
        guard initialized, !containers.isEmpty else { return nil }
        let codes = containers.map(\.exitCode)
        if codes.contains(where: { $0 == nil }) { return nil }
        switch restartPolicy {
        case "Never": return codes.allSatisfy { $0 == 0 } ? "Succeeded" : "Failed"
        case "OnFailure": return codes.allSatisfy { $0 == 0 } ? "Succeeded" : nil
        default: return nil
        }
    }

    var phase: String {
        if let finished = finishedPhase { return finished }
        guard initialized else { return "Pending" }
        let started = containers.contains { record in
            if case .waiting = record.state { return record.restartCount > 0 || record.lastState != nil }
            return true
        }
        return started ? "Running" : "Pending"
    }

    var allRunning: Bool { !containers.isEmpty && containers.allSatisfy(\.isRunning) }
}

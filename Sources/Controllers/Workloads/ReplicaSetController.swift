import APIStore
import KubeModel

/// The ReplicaSet controller: keeps `spec.replicas` pods from the template, reports status;
/// adopts orphaned pods its selector matches, as the real one's ControllerRefManager does.
final class ReplicaSetController: OwnerLoop {
    static let source = "replicaset-controller"

    init(store: APIStore) {
        super.init(store: store, owner: "replicasets.apps", kind: "ReplicaSet", child: "pods", adopts: true)
    }

    /// `ClaimPods` over `FilterActivePods`: a pod that has finished (Succeeded or Failed) is not claimed.
    override func canAdopt(_ child: KubeObject, owner: KubeObject) -> Bool {
        !["Succeeded", "Failed"].contains(child[path: ["status", "phase"]]?.stringValue ?? "")
    }

    override func sync(owner replicaSet: KubeObject, _ context: ControllerContext) {
        let pods = childObjects(of: replicaSet)
        if !PodFacts.isTerminating(replicaSet) {
            let replicas = replicaSet[path: ["spec", "replicas"]]?.intValue ?? 1
            let plan = ReplicaSetDecisions.plan(replicas: replicas, pods: pods, now: context.now)
            if plan.create > 0 {
                let count = min(plan.create, burst)
                if count < plan.create { dirty.insert(ObjectKey(namespace: replicaSet.namespace, name: replicaSet.name)) }
                for _ in 0..<count {
                    PodMaker.create(from: replicaSet, template: replicaSet[path: ["spec", "template"]],
                                    generateName: replicaSet.name + "-", source: Self.source, store: store)
                }
            }
            for pod in plan.delete { PodMaker.delete(pod, owner: replicaSet, source: Self.source, store: store) }
        }
        let status = ReplicaSetDecisions.status(of: replicaSet, pods: pods, now: context.now)
        writeStatus(replicaSet, status)
        let minReady = replicaSet[path: ["spec", "minReadySeconds"]]?.intValue ?? 0
        if let due = pods.compactMap({ PodFacts.availableAt($0, minReadySeconds: minReady, now: context.now) }).min() {
            requeue(replicaSet, at: due, context)
        }
    }

    private func writeStatus(_ object: KubeObject, _ status: JSONValue) {
        guard object.content["status"] != status else { return }
        var updated = object
        updated.content["status"] = status
        _ = try? store.update(updated, subresource: .status)
    }
}

/// Creating and deleting controller pods, with the events `RealPodControl` records.
enum PodMaker {
    /// A pod from `template`, owned by `owner`; records `SuccessfulCreate` or `FailedCreate`.
    @discardableResult
    static func create(from owner: KubeObject, template: JSONValue?, generateName: String? = nil, name: String? = nil,
                       extraLabels: [String: String] = [:], labels known: JSONObject? = nil,
                       edit: (inout JSONValue) -> Void = { _ in },
                       source: String, createdMessage: ((String) -> String)? = nil, store: APIStore) -> KubeObject? {
        var metadata: JSONObject = [:]
        if let generateName { metadata["generateName"] = .string(generateName) }
        if let name { metadata["name"] = .string(name) }
        // `known`: `podLabels(template:extraLabels:)` as the caller built it already.
        let labels = known ?? podLabels(template: template, extraLabels: extraLabels)
        if !labels.isEmpty { metadata["labels"] = .object(labels) }
        if let annotations = template?[path: ["metadata", "annotations"]], annotations.objectValue?.isEmpty == false {
            metadata["annotations"] = annotations
        }
        metadata["namespace"] = .string(owner.namespace)
        metadata["ownerReferences"] = [ControllerRef.reference(to: owner)]
        var pod: JSONValue = ["apiVersion": "v1", "kind": "Pod", "metadata": .object(metadata),
                              "spec": template?["spec"] ?? .emptyObject]
        edit(&pod)
        do {
            let created = try store.create(KubeObject(pod), namespace: owner.namespace)
            store.recordEvent(regarding: owner, reason: "SuccessfulCreate",
                              message: createdMessage?(created.name) ?? "Created pod: \(created.name)", component: source)
            return created
        } catch {
            store.recordEvent(regarding: owner, type: "Warning", reason: "FailedCreate",
                              message: "Error creating: \(error.message)", component: source)
            return nil
        }
    }

    /// The template's labels with `extraLabels` set (in name order, after the template's).
    static func podLabels(template: JSONValue?, extraLabels: [String: String]) -> JSONObject {
        var labels = template?[path: ["metadata", "labels"]]?.objectValue ?? [:]
        for (key, value) in extraLabels.sorted(by: { $0.key < $1.key }) { labels[key] = .string(value) }
        return labels
    }

    /// Deletes a pod (gracefully); records `SuccessfulDelete`.
    static func delete(_ pod: KubeObject, owner: KubeObject, source: String, message: String? = nil, store: APIStore) {
        guard let type = store.resourceType("pods"), !PodFacts.isTerminating(pod) else { return }
        do {
            try store.delete(type, namespace: pod.namespace, name: pod.name, options: DeleteOptions(preconditionUID: pod.uid))
            store.recordEvent(regarding: owner, reason: "SuccessfulDelete", message: message ?? "Deleted pod: \(pod.name)",
                              component: source)
        } catch {
            store.recordEvent(regarding: owner, type: "Warning", reason: "FailedDelete",
                              message: "Error deleting: \(error.message)", component: source)
        }
    }
}

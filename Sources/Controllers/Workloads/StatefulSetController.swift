import APIStore
import KubeModel

/// The StatefulSet controller: pods `<set>-<ordinal>` with stable names, hostnames and claims.
final class StatefulSetController: OwnerLoop {
    static let source = "statefulset-controller"

    init(store: APIStore) {
        super.init(store: store, owner: "statefulsets.apps", kind: "StatefulSet", child: "pods", adopts: true)
    }

    override func sync(owner set: KubeObject, _ context: ControllerContext) {
        guard !PodFacts.isTerminating(set) else { return }
        let template = set[path: ["spec", "template"]] ?? .emptyObject
        let hash = TemplateHash.of(template, collisionCount: set[path: ["status", "collisionCount"]]?.intValue ?? 0)
        let revision = set.name + "-" + hash
        RevisionHistory.ensure(owner: set, name: revision, hash: hash, template: template, store: store)
        let current = currentRevision(set, update: revision)
        var pods: [Int: KubeObject] = [:]
        for pod in childObjects(of: set) {
            if let ordinal = StatefulSetDecisions.ordinal(of: pod.name, set: set.name) { pods[ordinal] = pod }
        }
        let replicas = set[path: ["spec", "replicas"]]?.intValue ?? 1
        let start = set[path: ["spec", "ordinals", "start"]]?.intValue ?? 0
        let parallel = set[path: ["spec", "podManagementPolicy"]]?.stringValue == "Parallel"
        let onDelete = set[path: ["spec", "updateStrategy", "type"]]?.stringValue == "OnDelete"
        let partition = onDelete ? 0 : set[path: ["spec", "updateStrategy", "rollingUpdate", "partition"]]?.intValue ?? 0
        let minReady = set[path: ["spec", "minReadySeconds"]]?.intValue ?? 0
        StatefulSetClaims.reconcile(set, pods: pods, replicas: start..<(start + max(0, replicas)), store: store)
        let steps = StatefulSetDecisions.plan(replicas: replicas, start: start, pods: pods, parallel: parallel,
                                              updateRevision: revision, partition: partition, onDelete: onDelete,
                                              minReadySeconds: minReady, now: context.now)
        for step in steps {
            switch step {
            case .create(let ordinal):
                if current.name != revision,
                   StatefulSetDecisions.takesCurrentRevision(ordinal: ordinal, start: start, onDelete: onDelete, partition: partition) {
                    createPod(set, ordinal: ordinal, template: current.template ?? template, revision: current.name)
                } else {
                    createPod(set, ordinal: ordinal, template: template, revision: revision)
                }
            case .delete(let name):
                guard let pod = pods.values.first(where: { $0.name == name }) else { continue }
                PodMaker.delete(pod, owner: set, source: Self.source,
                                message: "delete Pod \(name) in StatefulSet \(set.name) successful", store: store)
            }
        }
        let now = childObjects(of: set).filter { StatefulSetDecisions.ordinal(of: $0.name, set: set.name) != nil }
        writeStatus(set, pods: now, revision: revision, current: current.name, onDelete: onDelete, context)
        let limit = set[path: ["spec", "revisionHistoryLimit"]]?.intValue ?? 10
        RevisionHistory.prune(owner: set, current: revision, keep: [current.name], limit: limit, store: store) {
            Set(now.compactMap { $0.label("controller-revision-hash") })
        }
        if minReady > 0 {
            let due = now.compactMap { PodFacts.availableAt($0, minReadySeconds: minReady, now: context.now) }.min()
            if let due { requeue(set, at: due, context) }
        }
    }

    /// `status.currentRevision` while its ControllerRevision exists (with the template it holds), else the update revision.
    private func currentRevision(_ set: KubeObject, update: String) -> (name: String, template: JSONValue?) {
        guard let name = set[path: ["status", "currentRevision"]]?.stringValue, name != update,
              let type = store.resourceType("controllerrevisions.apps"),
              let revision = store.object(type, namespace: set.namespace, name: name),
              ControllerRef(of: revision)?.uid == set.uid else { return (update, nil) }
        var template = revision.content[path: ["data", "spec", "template"]]
        template?["$patch"] = nil
        return (name, template)
    }

    /// `isMemberOf`: only pods named `<set>-<ordinal>` are claimed.
    override func canAdopt(_ child: KubeObject, owner: KubeObject) -> Bool {
        StatefulSetDecisions.ordinal(of: child.name, set: owner.name) != nil
    }

    private func createPod(_ set: KubeObject, ordinal: Int, template: JSONValue, revision: String) {
        let name = "\(set.name)-\(ordinal)"
        var claims: [(String, String)] = []
        for claimTemplate in set[path: ["spec", "volumeClaimTemplates"]]?.arrayValue ?? [] {
            let templateName = claimTemplate[path: ["metadata", "name"]]?.stringValue ?? ""
            let claimName = "\(templateName)-\(name)"
            claims.append((templateName, claimName))
            createClaim(set, template: claimTemplate, name: claimName, pod: name)
        }
        PodMaker.create(from: set, template: template, name: name,
                        extraLabels: ["apps.kubernetes.io/pod-index": String(ordinal), "controller-revision-hash": revision,
                                      "statefulset.kubernetes.io/pod-name": name],
                        edit: { pod in
                            pod[path: ["spec", "hostname"]] = .string(name)
                            if let service = set[path: ["spec", "serviceName"]]?.stringValue, !service.isEmpty {
                                pod[path: ["spec", "subdomain"]] = .string(service)
                            }
                            var volumes = pod[path: ["spec", "volumes"]]?.arrayValue ?? []
                            for (volume, claim) in claims {
                                volumes.removeAll { $0["name"]?.stringValue == volume }
                                volumes.append(["name": .string(volume), "persistentVolumeClaim": ["claimName": .string(claim)]])
                            }
                            if !volumes.isEmpty { pod[path: ["spec", "volumes"]] = .array(volumes) }
                        }, source: Self.source,
                        createdMessage: { "create Pod \($0) in StatefulSet \(set.name) successful" }, store: store)
    }

    private func createClaim(_ set: KubeObject, template: JSONValue, name: String, pod: String) {
        guard let type = store.resourceType("persistentvolumeclaims"),
              store.object(type, namespace: set.namespace, name: name) == nil else { return }
        var claim = template
        claim["apiVersion"] = "v1"
        claim["kind"] = "PersistentVolumeClaim"
        claim[path: ["metadata", "name"]] = .string(name)
        claim[path: ["metadata", "namespace"]] = .string(set.namespace)
        var labels = claim[path: ["metadata", "labels"]]?.objectValue ?? [:]
        for (key, value) in set[path: ["spec", "selector", "matchLabels"]]?.objectValue ?? [:] { labels[key] = value }
        if !labels.isEmpty { claim[path: ["metadata", "labels"]] = .object(labels) }
        claim["status"] = nil
        do {
            try store.create(KubeObject(claim), namespace: set.namespace)
            store.recordEvent(regarding: set, reason: "SuccessfulCreate",
                              message: "create Claim \(name) Pod \(pod) in StatefulSet \(set.name) success", component: Self.source)
        } catch {
            store.recordEvent(regarding: set, type: "Warning", reason: "FailedCreate",
                              message: "create Claim \(name) for Pod \(pod) in StatefulSet \(set.name) failed error: \(error.message)",
                              component: Self.source)
        }
    }

    /// `computeReplicaStatus` and `completeRollingUpdate`: once every pod is updated and ready under
    /// RollingUpdate, the current revision becomes the update revision (never under OnDelete).
    private func writeStatus(_ set: KubeObject, pods: [KubeObject], revision: String, current: String, onDelete: Bool,
                             _ context: ControllerContext) {
        let minReady = set[path: ["spec", "minReadySeconds"]]?.intValue ?? 0
        let created = pods.filter { !PodFacts.phase($0).isEmpty }
        let ready = created.filter(PodFacts.isRunningAndReady)
        let available = ready.filter { PodFacts.isAvailable($0, minReadySeconds: minReady, now: context.now) }.count
        let live = created.filter { !PodFacts.isTerminating($0) }
        let updated = live.filter { $0.label("controller-revision-hash") == revision }.count
        var currentRevision = current
        var currentCount = live.filter { $0.label("controller-revision-hash") == current }.count
        if !onDelete, updated == created.count, ready.count == created.count {
            currentRevision = revision
            currentCount = updated
        }
        var status: JSONObject = [:]
        status["availableReplicas"] = .int(available)
        status["collisionCount"] = .int(set[path: ["status", "collisionCount"]]?.intValue ?? 0)
        if currentCount > 0 { status["currentReplicas"] = .int(currentCount) }
        status["currentRevision"] = .string(currentRevision)
        status["observedGeneration"] = .int(set[path: ["metadata", "generation"]]?.intValue ?? 1)
        if !ready.isEmpty { status["readyReplicas"] = .int(ready.count) }
        status["replicas"] = .int(created.count)
        status["updateRevision"] = .string(revision)
        if updated > 0 { status["updatedReplicas"] = .int(updated) }
        guard set.content["status"] != .object(status) else { return }
        var object = set
        object.content["status"] = .object(status)
        _ = try? store.update(object, subresource: .status)
    }
}

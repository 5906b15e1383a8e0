import APIStore
import KubeModel

/// The Deployment controller: one ReplicaSet per template (`<name>-<pod-template-hash>`), rolled
/// by RollingUpdate or Recreate, with status, conditions and revision annotations. It adopts
/// orphaned ReplicaSets its selector matches (`ClaimReplicaSets`); one whose template matches is
/// its new ReplicaSet again.
final class DeploymentController: OwnerLoop {
    static let source = "deployment-controller"
    static let hashLabel = "pod-template-hash"
    static let revisionKey = "deployment.kubernetes.io/revision"

    init(store: APIStore) {
        super.init(store: store, owner: "deployments.apps", kind: "Deployment", child: "replicasets.apps", adopts: true)
    }

    override func sync(owner deployment: KubeObject, _ context: ControllerContext) {
        guard !PodFacts.isTerminating(deployment), let rsType = store.resourceType("replicasets.apps") else { return }
        var all = childObjects(of: deployment)
        let template = deployment[path: ["spec", "template"]]
        var newRS = all.first { TemplateHash.withoutLabel($0[path: ["spec", "template"]], Self.hashLabel) == template }
        var old = all.filter { $0.name != newRS?.name }.sorted { PodFacts.created($0) < PodFacts.created($1) }
        var conditions = deployment[path: ["status", "conditions"]]?.arrayValue ?? []
        let now = Timestamp.rfc3339(nanoseconds: context.now)
        let paused = deployment[path: ["spec", "paused"]]?.boolValue == true
        let maxOldRevision = old.compactMap { Int($0.annotations[Self.revisionKey] ?? "") }.max() ?? 0
        var deployment = deployment
        conditions = DeploymentDecisions.pausedConditions(deployment, conditions, now: now)

        if newRS == nil, !paused {
            let wanted = isRecreate(deployment) ? (old.contains { DeploymentDecisions.replicas($0) > 0 } ? 0 : DeploymentDecisions.replicas(deployment))
                : DeploymentDecisions.newReplicaSetReplicas(deployment: deployment, all: old, new: nil)
            if let created = createReplicaSet(deployment, replicas: wanted, revision: maxOldRevision + 1) {
                newRS = created
                all.append(created)
                conditions = DeploymentDecisions.setCondition(conditions, type: "Progressing", status: "True",
                    reason: "NewReplicaSetCreated", message: "Created new replica set \"\(created.name)\"", now: now)
            }
        } else if let current = newRS {
            // SetNewReplicaSetAnnotations, paused or not: the Deployment's annotations copied over, and
            // the revision kept above every old one (a template changed back, `rollout undo`).
            let updated = DeploymentDecisions.newReplicaSetAnnotations(current, deployment: deployment,
                                                                       revision: maxOldRevision + 1)
            if updated != current, let stored = try? store.update(updated) { newRS = stored }
            if !conditions.contains(where: { $0["type"]?.stringValue == "Progressing" }) {
                conditions = DeploymentDecisions.setCondition(conditions, type: "Progressing", status: "True",
                    reason: "FoundNewReplicaSet", message: "Found new replica set \"\(current.name)\"", now: now)
            }
        }
        if let newRS, let revision = newRS.annotations[Self.revisionKey], deployment.annotations[Self.revisionKey] != revision {
            deployment.annotations[Self.revisionKey] = revision
            if let stored = try? store.update(deployment) { deployment = stored }
        }
        if !paused {
            roll(deployment, new: &newRS, old: &old, rsType: rsType)
        } else {
            scalePaused(deployment, new: &newRS, old: &old)
        }
        writeStatus(deployment, all: old + (newRS.map { [$0] } ?? []), new: newRS, conditions: conditions, now: now,
                    context: context)
        if !paused, DeploymentDecisions.isComplete(deployment, status: DeploymentDecisions.counts(
            deployment: deployment, all: old + (newRS.map { [$0] } ?? []), new: newRS)) {
            cleanUp(deployment, old: old, rsType: rsType)
        }
    }

    /// `dc.sync` of a paused Deployment: no rollout, but a new replica count reaches the one active
    /// ReplicaSet (several active ones would be scaled proportionally; the lab leaves them).
    private func scalePaused(_ deployment: KubeObject, new: inout KubeObject?, old: inout [KubeObject]) {
        let wanted = DeploymentDecisions.replicas(deployment)
        let active = (old + (new.map { [$0] } ?? [])).filter { DeploymentDecisions.replicas($0) > 0 }
        guard active.count <= 1, let target = active.first ?? new else { return }
        guard DeploymentDecisions.replicas(target) != wanted else { return }
        let scaled = scale(target, to: wanted, deployment)
        if target.name == new?.name {
            new = scaled
        } else if let index = old.firstIndex(where: { $0.name == target.name }) {
            old[index] = scaled
        }
    }

    private func isRecreate(_ deployment: KubeObject) -> Bool {
        deployment[path: ["spec", "strategy", "type"]]?.stringValue == "Recreate"
    }

    /// One step of the rollout: grow the new ReplicaSet and shrink the old ones as far as the strategy allows.
    private func roll(_ deployment: KubeObject, new: inout KubeObject?, old: inout [KubeObject], rsType: ResourceType) {
        let wanted = DeploymentDecisions.replicas(deployment)
        if isRecreate(deployment) {
            for index in old.indices where DeploymentDecisions.replicas(old[index]) > 0 {
                old[index] = scale(old[index], to: 0, deployment)
            }
            let oldPods = old.reduce(0) { $0 + DeploymentDecisions.statusInt($1, "replicas") }
            if oldPods == 0, old.allSatisfy({ DeploymentDecisions.replicas($0) == 0 }), let current = new {
                new = scale(current, to: wanted, deployment)
            }
            return
        }
        if let current = new {
            let size = DeploymentDecisions.newReplicaSetReplicas(deployment: deployment, all: old + [current], new: current)
            new = scale(current, to: min(size, wanted), deployment)
        }
        let sizes = DeploymentDecisions.oldReplicaSetScales(deployment: deployment, old: old, new: new)
        for (index, size) in sizes.enumerated() where index < old.count {
            old[index] = scale(old[index], to: size, deployment)
        }
    }

    /// Scales a ReplicaSet (and its desired/max-replicas annotations); records `ScalingReplicaSet`.
    private func scale(_ replicaSet: KubeObject, to size: Int, _ deployment: KubeObject) -> KubeObject {
        let current = DeploymentDecisions.replicas(replicaSet)
        var updated = replicaSet
        updated[path: ["spec", "replicas"]] = .int(size)
        let wanted = DeploymentDecisions.replicas(deployment)
        if size > 0 || current > 0 {
            updated.annotations["deployment.kubernetes.io/desired-replicas"] = String(wanted)
            updated.annotations["deployment.kubernetes.io/max-replicas"] = String(wanted + DeploymentDecisions.fenceposts(deployment).surge)
        }
        guard updated != replicaSet, let stored = try? store.update(updated) else { return replicaSet }
        if size != current {
            let direction = size > current ? "up" : "down"
            store.recordEvent(regarding: deployment, reason: "ScalingReplicaSet",
                              message: "Scaled \(direction) replica set \(replicaSet.name) from \(current) to \(size)",
                              component: Self.source)
        }
        return stored
    }

    /// The new ReplicaSet: the template with `pod-template-hash`, the Deployment's annotations and revision.
    private func createReplicaSet(_ deployment: KubeObject, replicas: Int, revision: Int) -> KubeObject? {
        guard var template = deployment[path: ["spec", "template"]] else { return nil }
        let collisions = deployment[path: ["status", "collisionCount"]]?.intValue ?? 0
        let hash = TemplateHash.of(template, collisionCount: collisions)
        template[path: ["metadata", "labels", Self.hashLabel]] = .string(hash)
        var selector = deployment[path: ["spec", "selector"]] ?? .emptyObject
        selector[path: ["matchLabels", Self.hashLabel]] = .string(hash)
        var annotations: JSONObject = [:]
        let skipped: Set<String> = ["kubectl.kubernetes.io/last-applied-configuration", Self.revisionKey,
                                    "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas",
                                    "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to"]
        for (key, value) in deployment.annotations.sorted(by: { $0.key < $1.key }) where !skipped.contains(key) {
            annotations[key] = .string(value)
        }
        let wanted = DeploymentDecisions.replicas(deployment)
        annotations["deployment.kubernetes.io/desired-replicas"] = .string(String(wanted))
        annotations["deployment.kubernetes.io/max-replicas"] = .string(String(wanted + DeploymentDecisions.fenceposts(deployment).surge))
        annotations[Self.revisionKey] = .string(String(revision))
        var metadata: JSONObject = ["annotations": .object(annotations)]
        metadata["labels"] = template[path: ["metadata", "labels"]] ?? .emptyObject
        metadata["name"] = .string(deployment.name + "-" + hash)
        metadata["namespace"] = .string(deployment.namespace)
        metadata["ownerReferences"] = [ControllerRef.reference(to: deployment)]
        var spec: JSONObject = [:]
        if let minReady = deployment[path: ["spec", "minReadySeconds"]] { spec["minReadySeconds"] = minReady }
        spec["replicas"] = .int(replicas)
        spec["selector"] = selector
        spec["template"] = template
        let object: JSONValue = ["apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": .object(metadata), "spec": .object(spec)]
        guard let created = try? store.create(KubeObject(object), namespace: deployment.namespace) else { return nil }
        if replicas > 0 {
            store.recordEvent(regarding: deployment, reason: "ScalingReplicaSet",
                              message: "Scaled up replica set \(created.name) from 0 to \(replicas)", component: Self.source)
        }
        return created
    }

    private func writeStatus(_ deployment: KubeObject, all: [KubeObject], new: KubeObject?, conditions: [JSONValue], now: String,
                             context: ControllerContext) {
        var status = DeploymentDecisions.counts(deployment: deployment, all: all, new: new)
        var conditions = conditions
        let (_, maxUnavailable) = DeploymentDecisions.fenceposts(deployment)
        let available = status["availableReplicas"]?.intValue ?? 0
        conditions = available >= DeploymentDecisions.replicas(deployment) - maxUnavailable
            ? DeploymentDecisions.setCondition(conditions, type: "Available", status: "True", reason: "MinimumReplicasAvailable",
                                               message: "Deployment has minimum availability.", now: now)
            : DeploymentDecisions.setCondition(conditions, type: "Available", status: "False", reason: "MinimumReplicasUnavailable",
                                               message: "Deployment does not have minimum availability.", now: now)
        if let new, deployment[path: ["spec", "paused"]]?.boolValue != true {
            if DeploymentDecisions.isComplete(deployment, status: status) {
                conditions = DeploymentDecisions.setCondition(conditions, type: "Progressing", status: "True",
                    reason: "NewReplicaSetAvailable", message: "ReplicaSet \"\(new.name)\" has successfully progressed.", now: now)
            } else if DeploymentDecisions.isProgressing(old: deployment.content["status"], new: status) {
                conditions = DeploymentDecisions.setCondition(conditions, type: "Progressing", status: "True",
                    reason: "ReplicaSetUpdated", message: "ReplicaSet \"\(new.name)\" is progressing.", now: now)
            }
            conditions = checkDeadline(deployment, conditions: conditions, status: status, new: new, now: now, context)
        }
        if let collisions = deployment[path: ["status", "collisionCount"]] { status["collisionCount"] = collisions }
        status["conditions"] = .array(conditions)
        let ordered = JSONObject(status.sorted { $0.key < $1.key }, uniquingKeysWith: { a, _ in a })
        guard deployment.content["status"] != .object(ordered) else { return }
        var updated = deployment
        updated.content["status"] = .object(ordered)
        _ = try? store.update(updated, subresource: .status)
    }

    /// `DeploymentTimedOut`: no progress for `progressDeadlineSeconds` (600) turns Progressing False
    /// with ProgressDeadlineExceeded; until then the deployment is looked at again when the deadline falls.
    private func checkDeadline(_ deployment: KubeObject, conditions: [JSONValue], status: JSONObject, new: KubeObject,
                               now: String, _ context: ControllerContext) -> [JSONValue] {
        guard let deadline = deployment[path: ["spec", "progressDeadlineSeconds"]]?.intValue,
              !DeploymentDecisions.isComplete(deployment, status: status),
              let progressing = conditions.first(where: { $0["type"]?.stringValue == "Progressing" }),
              !["NewReplicaSetAvailable", "ProgressDeadlineExceeded"].contains(progressing["reason"]?.stringValue ?? ""),
              let updated = progressing["lastUpdateTime"]?.stringValue.flatMap(Timestamp.parse) else { return conditions }
        let due = updated + Int64(deadline) * 1_000_000_000
        guard due <= context.now else {
            requeue(deployment, at: due, context)
            return conditions
        }
        return DeploymentDecisions.setCondition(conditions, type: "Progressing", status: "False", reason: "ProgressDeadlineExceeded",
                                                message: "ReplicaSet \"\(new.name)\" has timed out progressing.", now: now)
    }

    /// Deletes old, empty ReplicaSets beyond `revisionHistoryLimit` (oldest first).
    private func cleanUp(_ deployment: KubeObject, old: [KubeObject], rsType: ResourceType) {
        let limit = deployment[path: ["spec", "revisionHistoryLimit"]]?.intValue ?? 10
        let empty = old.filter { DeploymentDecisions.replicas($0) == 0 && DeploymentDecisions.statusInt($0, "replicas") == 0 }
        guard empty.count > limit else { return }
        for replicaSet in empty.prefix(empty.count - limit) {
            _ = try? store.delete(rsType, namespace: replicaSet.namespace, name: replicaSet.name)
        }
    }
}

import APIStore
import KubeModel

/// DaemonSets and Deployments with their ReplicaSets, ControllerRevisions and running pods,
/// as their controllers leave them once rolled out.
extension KubeadmCluster {
    /// A workload's pod template: labels and the pod spec (defaults are applied here).
    struct Template {
        var labels: JSONObject
        var spec: JSONValue
        var annotations: JSONObject = [:]
    }

    /// `rand.SafeEncodeString` of a 32-bit FNV-1a hash of the template, as controllers name revisions.
    static func templateHash(_ template: JSONValue) -> String {
        var hash: UInt32 = 0x811c_9dc5
        for byte in KubeJSON.compact(template).utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return safeEncode(String(hash))
    }

    /// Maps each character through the name alphabet by its code point, as `rand.SafeEncodeString` does.
    static func safeEncode(_ text: String) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String(text.unicodeScalars.map { alphabet[Int($0.value) % alphabet.count] })
    }

    func templateValue(_ template: Template, extraLabels: JSONObject = [:]) -> JSONValue {
        var labels = template.labels
        for (key, value) in extraLabels { labels[key] = value }
        var metadata: JSONObject = [:]
        if !template.annotations.isEmpty { metadata["annotations"] = .object(template.annotations) }
        metadata["creationTimestamp"] = nil
        metadata["labels"] = .object(labels)
        var spec = template.spec
        PodDefaults.apply(to: &spec)
        if let account = spec["serviceAccountName"] { spec["serviceAccount"] = account }
        return ["metadata": .object(metadata), "spec": spec]
    }

    /// A DaemonSet running one pod on each of `nodes`, with its ControllerRevision.
    mutating func daemonSet(name: String, namespace: String, labels: JSONObject, template: Template,
                            nodes: [WorldDescription.NodeSpec], created: Int64, podNetwork: Bool = false) {
        let templateJSON = templateValue(template)
        let hash = Self.templateHash(templateJSON)
        let count = JSONValue.int(nodes.count)
        let object: JSONValue = [
            "apiVersion": "apps/v1", "kind": "DaemonSet",
            "metadata": ["labels": .object(labels), "name": .string(name), "namespace": .string(namespace)],
            "spec": ["revisionHistoryLimit": 10, "selector": ["matchLabels": .object(template.labels)],
                     "template": templateJSON,
                     "updateStrategy": ["rollingUpdate": ["maxSurge": 0, "maxUnavailable": 1], "type": "RollingUpdate"]],
            "status": ["currentNumberScheduled": count, "desiredNumberScheduled": count, "numberAvailable": count,
                       "numberMisscheduled": 0, "numberReady": count, "observedGeneration": 1, "updatedNumberScheduled": count],
        ]
        guard let daemonSet = add(object, at: created) else { return }
        let owner = ownerReference(daemonSet)
        var revisionLabels = template.labels
        revisionLabels["controller-revision-hash"] = .string(hash)
        add(["apiVersion": "apps/v1", "kind": "ControllerRevision",
             "data": ["spec": ["template": templateJSON.merging(["$patch": "replace"])]],
             "metadata": ["annotations": ["deprecated.daemonset.template.generation": "1"],
                          "labels": .object(revisionLabels), "name": .string(name + "-" + hash),
                          "namespace": .string(namespace), "ownerReferences": [owner]],
             "revision": 1], at: created)
        for (index, node) in nodes.enumerated() {
            var spec = templateJSON["spec"] ?? .emptyObject
            spec["affinity"] = ["nodeAffinity": ["requiredDuringSchedulingIgnoredDuringExecution": ["nodeSelectorTerms": [
                ["matchFields": [["key": "metadata.name", "operator": "In", "values": [.string(node.name)]]]],
            ]]]]
            var tolerations = spec["tolerations"]?.arrayValue ?? []
            for (key, effect) in Self.daemonTolerations(hostNetwork: spec["hostNetwork"]?.boolValue ?? false) {
                tolerations.append(["effect": .string(effect), "key": .string(key), "operator": "Exists"])
            }
            spec["tolerations"] = .array(tolerations)
            let started = created + 2 + Int64(index)
            let podIP = podNetwork ? allocatePodIP(node: node.name) : node.address
            var podLabels = templateJSON[path: ["metadata", "labels"]]?.objectValue ?? [:]
            podLabels["controller-revision-hash"] = .string(hash)
            podLabels["pod-template-generation"] = "1"
            pod(generateName: name + "-", namespace: namespace, labels: podLabels, owner: owner, spec: spec,
                node: node, podIP: podIP, started: started)
        }
    }

    /// `AddOrUpdateDaemonPodTolerations`, in its order.
    static func daemonTolerations(hostNetwork: Bool) -> [(String, String)] {
        var list = [("node.kubernetes.io/not-ready", "NoExecute"), ("node.kubernetes.io/unreachable", "NoExecute"),
                    ("node.kubernetes.io/disk-pressure", "NoSchedule"), ("node.kubernetes.io/memory-pressure", "NoSchedule"),
                    ("node.kubernetes.io/pid-pressure", "NoSchedule"), ("node.kubernetes.io/unschedulable", "NoSchedule")]
        if hostNetwork { list.append(("node.kubernetes.io/network-unavailable", "NoSchedule")) }
        return list
    }

    /// A Deployment, its ReplicaSet `<name>-<hash>` and one running pod on each of `placement`.
    mutating func deployment(name: String, namespace: String, labels: JSONObject, template: Template,
                             placement: [WorldDescription.NodeSpec], strategy: JSONValue, maxSurge: Int,
                             created: Int64, hash fixedHash: String? = nil) {
        let replicas = placement.count
        let templateJSON = templateValue(template)
        let hash = fixedHash ?? Self.templateHash(templateJSON)
        let count = JSONValue.int(replicas)
        let rsName = name + "-" + hash
        let progressed = stamp(created + 60)
        let object: JSONValue = [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": ["annotations": ["deployment.kubernetes.io/revision": "1"], "labels": .object(labels),
                         "name": .string(name), "namespace": .string(namespace)],
            "spec": ["progressDeadlineSeconds": 600, "replicas": count, "revisionHistoryLimit": 10,
                     "selector": ["matchLabels": .object(template.labels)], "strategy": strategy, "template": templateJSON],
            "status": [
                "availableReplicas": count,
                "conditions": [
                    ["lastTransitionTime": progressed, "lastUpdateTime": progressed,
                     "message": "Deployment has minimum availability.", "reason": "MinimumReplicasAvailable",
                     "status": "True", "type": "Available"],
                    ["lastTransitionTime": stamp(created), "lastUpdateTime": progressed,
                     "message": .string("ReplicaSet \"\(rsName)\" has successfully progressed."),
                     "reason": "NewReplicaSetAvailable", "status": "True", "type": "Progressing"],
                ],
                "observedGeneration": 1, "readyReplicas": count, "replicas": count, "updatedReplicas": count,
            ],
        ]
        guard let deployment = add(object, at: created) else { return }
        var rsLabels = template.labels
        rsLabels["pod-template-hash"] = .string(hash)
        let rsTemplate = templateValue(template, extraLabels: ["pod-template-hash": .string(hash)])
        let replicaSet: JSONValue = [
            "apiVersion": "apps/v1", "kind": "ReplicaSet",
            "metadata": ["annotations": ["deployment.kubernetes.io/desired-replicas": .string(String(replicas)),
                                         "deployment.kubernetes.io/max-replicas": .string(String(replicas + maxSurge)),
                                         "deployment.kubernetes.io/revision": "1"],
                         "labels": .object(rsLabels), "name": .string(rsName), "namespace": .string(namespace),
                         "ownerReferences": [ownerReference(deployment)]],
            "spec": ["replicas": count, "selector": ["matchLabels": .object(rsLabels)], "template": rsTemplate],
            "status": ["availableReplicas": count, "fullyLabeledReplicas": count, "observedGeneration": 1,
                       "readyReplicas": count, "replicas": count],
        ]
        guard let stored = add(replicaSet, at: created) else { return }
        let owner = ownerReference(stored)
        for (index, node) in placement.enumerated() {
            pod(generateName: rsName + "-", namespace: namespace,
                labels: rsTemplate[path: ["metadata", "labels"]]?.objectValue ?? rsLabels, owner: owner,
                spec: rsTemplate["spec"] ?? .emptyObject, node: node, podIP: allocatePodIP(node: node.name),
                started: created + 40 + Int64(index))
        }
    }

    /// A controller-created pod, bound and running.
    mutating func pod(generateName: String, namespace: String, labels: JSONObject, owner: JSONValue, spec: JSONValue,
                      node: WorldDescription.NodeSpec, podIP: String, started: Int64) {
        var spec = withServiceAccountToken(spec)
        spec["nodeName"] = .string(node.name)
        if let priorityClass = spec["priorityClassName"]?.stringValue {
            spec["priority"] = .int(priorityClass == "system-node-critical" ? 2_000_001_000 : 2_000_000_000)
        }
        var pod: JSONValue = [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": ["generateName": .string(generateName), "labels": .object(labels), "namespace": .string(namespace),
                         "ownerReferences": [owner]],
            "spec": spec,
        ]
        pod["status"] = runningStatus(pod, node: node, podIP: podIP, started: started)
        add(pod, at: started - 1)
    }

    /// A controller ownerReference to `object`.
    func ownerReference(_ object: KubeObject) -> JSONValue {
        ["apiVersion": .string(object.apiVersion), "blockOwnerDeletion": true, "controller": true,
         "kind": .string(object.kind), "name": .string(object.name), "uid": .string(object.uid)]
    }
}

extension JSONValue {
    /// This object with `members` added (or replaced).
    func merging(_ members: JSONObject) -> JSONValue {
        var copy = self
        for (key, value) in members { copy[key] = value }
        return copy
    }
}

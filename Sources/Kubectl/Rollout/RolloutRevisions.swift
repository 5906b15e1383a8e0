import KubeModel

/// One revision of a workload's rollout history: a ReplicaSet of a Deployment, or a
/// ControllerRevision of a DaemonSet or StatefulSet (polymorphichelpers/history.go).
struct RolloutRevision {
    let number: Int
    /// The pod template of the revision (a ReplicaSet's keeps its `pod-template-hash` label).
    let template: JSONValue
    let changeCause: String
    /// What `-o` prints for it: the ReplicaSet, or the workload with the revision's template applied.
    let object: KubeObject
}

/// Reads the revisions kubectl's history viewers and rollbackers work from.
enum RolloutRevisions {
    static let changeCauseKey = "kubernetes.io/change-cause"
    static let revisionKey = "deployment.kubernetes.io/revision"
    static let hashLabel = "pod-template-hash"

    /// The revisions of a Deployment, DaemonSet or StatefulSet, one per number (a later object with the
    /// same number wins, as in kubectl's map), sorted by number.
    static func of(_ workload: KubeObject, request: VerbRequest) throws(KubectlFailure) -> [RolloutRevision] {
        var byNumber: [Int: RolloutRevision] = [:]
        for revision in try unsorted(workload, request: request) { byNumber[revision.number] = revision }
        return byNumber.keys.sorted().compactMap { byNumber[$0] }
    }

    private static func unsorted(_ workload: KubeObject, request: VerbRequest) throws(KubectlFailure) -> [RolloutRevision] {
        if workload.kind == "Deployment" {
            let owned = try controlled(by: workload, resource: "replicasets.apps", request: request)
            // GetAllReplicaSets: the old ones in list order, then the new one (its number wins a tie).
            let target = withoutHash(workload[path: ["spec", "template"]])
            let newIndex = owned.firstIndex { withoutHash($0[path: ["spec", "template"]]) == target }
            var ordered = owned
            if let newIndex { ordered.append(ordered.remove(at: newIndex)) }
            return ordered.compactMap { rs in
                guard let number = rs.annotations[revisionKey].flatMap({ Int($0) }) else { return nil }
                var template = rs[path: ["spec", "template"]] ?? .emptyObject
                let cause = rs.annotations[changeCauseKey] ?? ""
                if !cause.isEmpty { template[path: ["metadata", "annotations", changeCauseKey]] = .string(cause) }
                return RolloutRevision(number: number, template: template, changeCause: cause, object: rs)
            }
        }
        let owned = try controlled(by: workload, resource: "controllerrevisions.apps", request: request)
        return owned.compactMap { history in
            guard let number = history.content["revision"]?.intValue else { return nil }
            var template = history.content[path: ["data", "spec", "template"]] ?? .emptyObject
            template["$patch"] = nil
            var applied = workload
            applied[path: ["spec", "template"]] = template
            return RolloutRevision(number: number, template: template,
                                   changeCause: history.annotations[changeCauseKey] ?? "", object: applied)
        }
    }

    /// Objects of `resource` in the workload's namespace that its selector matches and it controls.
    private static func controlled(by workload: KubeObject, resource: String, request: VerbRequest) throws(KubectlFailure) -> [KubeObject] {
        guard let context = request.context else { throw KubectlFailure.connectionRefused }
        let all: [KubeObject]
        do throws(KubectlServerError) {
            all = try context.list(resource: resource, namespace: workload.namespace)
        } catch {
            throw KubectlFailure(stderr: error.stderr)
        }
        let selector = try? LabelSelector.fromObject(workload[path: ["spec", "selector"]]).get()
        return all.filter { object in
            guard selector?.matches(object.labels) ?? false else { return false }
            let references = object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []
            return references.contains { $0["controller"]?.boolValue == true && $0["uid"]?.stringValue == workload.uid }
        }
    }

    /// A template as `equalIgnoreHash` compares it: no `pod-template-hash` label.
    static func withoutHash(_ template: JSONValue?) -> JSONValue? {
        var copy = template
        copy?[path: ["metadata", "labels", hashLabel]] = nil
        if copy?[path: ["metadata", "labels"]]?.objectValue?.isEmpty == true { copy?[path: ["metadata", "labels"]] = nil }
        if copy?[path: ["metadata", "creationTimestamp"]]?.isNull == true { copy?[path: ["metadata", "creationTimestamp"]] = nil }
        return copy
    }

    /// Two templates equal as JSON documents (key order aside).
    static func sameTemplate(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        KubeJSON.print(withoutHash(a) ?? .null, sortKeys: true) == KubeJSON.print(withoutHash(b) ?? .null, sortKeys: true)
    }

    /// `printTemplate`: DescribePodTemplate through a PrefixWriter with no tab alignment.
    static func templateText(_ template: JSONValue) -> String {
        let writer = DescribeWriter(raw: true)
        PodDescriber.template(DValue(template), writer)
        return writer.text
    }

    /// The history viewer's refusal for kinds without history (apps.GroupKindElement.Accept and HistoryViewerFor).
    static func unsupported(_ type: ResourceType, noun: String, verb: String) -> KubectlFailure? {
        if ["Deployment", "DaemonSet", "StatefulSet"].contains(type.kind), ["apps", "extensions"].contains(type.group) { return nil }
        let visited: Set<String> = ["/Pod", "/ReplicationController", "apps/ReplicaSet", "extensions/ReplicaSet", "batch/Job", "batch/CronJob"]
        if visited.contains(type.group + "/" + type.kind) {
            return .error("no \(noun) has been implemented for \(GoSyntax.quote(type.groupKind))")
        }
        return .error("\(verb) \(GoSyntax.quote(type.groupKind)), no visitor method exists for {\(type.group) \(type.kind)}")
    }
}

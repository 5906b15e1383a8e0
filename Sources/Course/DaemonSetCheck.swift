import APIStore
import Cluster
import Controllers
import KubeModel

/// A DaemonSet's pods: one Running pod on each node it should cover; for nodes without one,
/// the DaemonSet controller's own reason (`shouldRun`).
enum DaemonSetCheck {
    static func evaluate(name: String, namespace: String, nodes scope: NodeScope, in world: World) -> CheckOutcome {
        let store = world.store
        guard let dsType = store.resources.lookup("daemonsets"), let podType = store.resources.lookup("pods"),
              let nodeType = store.resources.lookup("nodes") else {
            return .fail(.say(.noResourceType, ["kind": .verbatim("DaemonSet")]))
        }
        guard let daemonSet = store.object(dsType, namespace: namespace, name: name) else {
            return .fail(.say(.objectNotFound, ["object": .verbatim("DaemonSet \(namespace)/\(name)")]))
        }
        let nodes = store.list(nodeType)
        let pods = store.list(podType, ListOptions(namespace: namespace)).filter { pod in
            !PodsCheck.isTerminating(pod) && (pod[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).contains {
                $0["uid"]?.stringValue == daemonSet.uid
            }
        }
        let expected: [String]
        switch scope {
        case .all, .any: expected = nodes.map(\.name)
        case .eligible: expected = nodes.filter { DaemonSetDecisions.shouldRun(daemonSet, on: $0).shouldRun }.map(\.name)
        case .named(let list): expected = list
        }
        var covered = 0
        var problems: [CheckDetail] = []
        for nodeName in expected {
            let here = pods.filter { DaemonSetDecisions.targetNode(of: $0) == nodeName }
            if here.contains(where: { PodsCheck.phase($0) == "Running" }) {
                covered += 1
                continue
            }
            guard let node = nodes.first(where: { $0.name == nodeName }) else {
                problems.append(.onNode(nodeName, .say(.noSuchNode)))
                continue
            }
            problems.append(.onNode(nodeName, reason(daemonSet, node: node, pods: here)))
        }
        let passed = scope == .any ? covered > 0 : problems.isEmpty
        let summary = CheckDetail.say(expected.count == 1 ? .daemonSetRunsOnOne : .daemonSetRunsOn,
                                      ["name": .verbatim(name), "covered": .number(covered), "total": .number(expected.count)])
        return CheckOutcome(passed: passed, found: .problems([summary] + problems))
    }

    /// Why the node has no Running pod of the DaemonSet.
    private static func reason(_ daemonSet: KubeObject, node: KubeObject, pods: [KubeObject]) -> CheckDetail {
        let decision = DaemonSetDecisions.shouldRun(daemonSet, on: node)
        if !decision.shouldRun {
            let spec = daemonSet[path: ["spec", "template", "spec"]]
            let untolerated = NodeEligibility.untoleratedTaints(node, tolerations: DaemonSetDecisions.tolerations(of: spec),
                                                                 effects: ["NoSchedule", "NoExecute"])
            if let taint = untolerated.first {
                let key = taint["key"]?.stringValue ?? ""
                let value = taint["value"]?.stringValue.map { "=" + $0 } ?? ""
                return .say(.untoleratedTaint, ["taint": .verbatim("\(key)\(value):\(taint["effect"]?.stringValue ?? "")")])
            }
            if !NodeEligibility.matchesAffinity(spec, node: node) { return .say(.nodeNotSelected) }
            // The scheduler's own words, as `kubectl describe` would show them.
            return decision.reasons.first.map(CheckDetail.verbatim) ?? .say(.daemonSetNotThere)
        }
        guard let pod = pods.first else { return .say(.noPodYet) }
        return PodsCheck.phaseDetail(pod, shown: pod.name, .podIs, notStarted: .podNotStarted)
    }
}

import APIStore

/// What one scheduling attempt decided.
public enum ScheduleDecision: Equatable, Sendable {
    case bind(node: String)
    /// No node fits: the FailedScheduling message, and the plugins that rejected nodes (for requeueing).
    case unschedulable(message: String, plugins: Set<FilterPlugin>)
    /// Not a fit error (no nodes at all): condition reason `SchedulerError`.
    case error(message: String)
}

/// The filter plugins, in the default profile's order.
public enum FilterPlugin: String, CaseIterable, Sendable {
    case nodeUnschedulable = "NodeUnschedulable"
    case nodeName = "NodeName"
    case taintToleration = "TaintToleration"
    case nodeAffinity = "NodeAffinity"
    case nodePorts = "NodePorts"
    case nodeResourcesFit = "NodeResourcesFit"
    case interPodAffinity = "InterPodAffinity"
    /// (A PreFilter here: the pod's claims, checked before any node.)
    case volumeBinding = "VolumeBinding"
}

extension SchedulerCache {
    /// `schedulePod`: PreFilter, Filter over (a share of) the nodes, Score, select.
    public func schedule(_ pod: PodInfo, pick: (Int) -> Int) -> ScheduleDecision {
        guard !nodeList.isEmpty else { return .error(message: "no nodes available to schedule pods") }
        let total = nodeList.count
        // Positions in `nodeList` to try, in order: all of them from `nextStart`, or the PreFilter's.
        var named: [Int]?
        var absentReason: String?
        if let names = Self.nodeNamesFromAffinity(pod) {
            if names.isEmpty {
                return .unschedulable(message: "0/\(total) nodes are available: pod affinity terms conflict. "
                                          + FitError.preemption(nodeCount: total, rejections: [], policy: pod.preemptionPolicy)
                                          + ".", plugins: [.nodeAffinity])
            }
            named = names.compactMap { position(of: $0) }.sorted()
            absentReason = "node(s) didn't satisfy plugin(s) [NodeAffinity]"
        }
        let count = named?.count ?? total
        let limit = named == nil ? Self.feasibleNodesToFind(total) : count
        let start = named == nil ? nextStart % total : 0
        let affinity = affinityState(for: pod)
        var feasible: [Int] = []
        var rejections: [NodeRejection] = []
        var plugins: Set<FilterPlugin> = []
        var processed = 0
        for offset in 0..<count {
            guard feasible.count < limit else { break }
            processed += 1
            let slot = (start + offset) % count
            let index = named.map { $0[slot] } ?? slot
            if let (plugin, rejection) = Self.filter(pod, nodeList[index], affinity) {
                rejections.append(rejection)
                plugins.insert(plugin)
            } else {
                feasible.append(index)
            }
        }
        if named == nil { nextStart = (nextStart + processed) % total }
        guard let chosen = Scoring.select(pod, among: feasible.lazy.map { self.nodeList[$0] }, pick: pick) else {
            return .unschedulable(message: FitError.message(nodeCount: total, rejections: rejections,
                                                            absentReason: absentReason,
                                                            preemptionPolicy: pod.preemptionPolicy),
                                  plugins: plugins)
        }
        return .bind(node: nodeList[feasible[chosen]].name)
    }

    /// Runs the filters in plugin order; the first rejection decides.
    static func filter(_ pod: PodInfo, _ node: NodeInfo, _ affinity: AffinityState?) -> (FilterPlugin, NodeRejection)? {
        if let reason = Filters.nodeUnschedulable(pod, node) { return (.nodeUnschedulable, NodeRejection([reason], unresolvable: true)) }
        if let reason = Filters.nodeName(pod, node) { return (.nodeName, NodeRejection([reason], unresolvable: true)) }
        if let reason = Filters.taintToleration(pod, node) { return (.taintToleration, NodeRejection([reason], unresolvable: true)) }
        if let reason = Filters.nodeAffinity(pod, node) { return (.nodeAffinity, NodeRejection([reason], unresolvable: true)) }
        if let reason = Filters.nodePorts(pod, node) { return (.nodePorts, NodeRejection([reason], unresolvable: false)) }
        let shortfalls = Filters.resourcesFit(pod, node)
        if !shortfalls.isEmpty { return (.nodeResourcesFit, NodeRejection(shortfalls, unresolvable: false)) }
        if let affinity, let reason = Filters.interPodAffinity(pod, node, affinity) {
            // A missing affinity match cannot be fixed by evicting pods; anti-affinity can.
            let unresolvable = reason == "node(s) didn't match pod affinity rules"
            return (.interPodAffinity, NodeRejection([reason], unresolvable: unresolvable))
        }
        return nil
    }

    /// `numFeasibleNodesToFind`: all of a small cluster, an adaptive share (at least 100) of a large one.
    static func feasibleNodesToFind(_ total: Int) -> Int {
        if total < 100 { return total }
        let percentage = max(5, 50 - total / 125)
        return max(100, total * percentage / 100)
    }

    /// NodeAffinity's PreFilter: nodes named by `matchFields` `metadata.name In` in every term (nil: any node).
    static func nodeNamesFromAffinity(_ pod: PodInfo) -> Set<String>? {
        guard let terms = pod.requiredNodeTerms, !terms.isEmpty else { return nil }
        var names: Set<String> = []
        for term in terms {
            var termNames: Set<String>?
            for field in term.matchFields where field.key == "metadata.name" && field.operator == "In" {
                termNames = termNames.map { $0.intersection(field.values) } ?? Set(field.values)
            }
            guard let termNames else { return nil }
            names.formUnion(termNames)
        }
        return names
    }

    /// InterPodAffinity's PreFilter (nil when neither the pod nor any bound pod has required terms).
    func affinityState(for pod: PodInfo) -> AffinityState? {
        let hasTerms = !pod.affinityTerms.isEmpty || !pod.antiAffinityTerms.isEmpty
        guard hasTerms || !withAntiAffinity.isEmpty else { return nil }
        var state = AffinityState()
        for key in withAntiAffinity {
            guard let existing = bound[key], let node = node(named: existing.nodeName) else { continue }
            for term in existing.antiAffinityTerms where term.matches(namespace: pod.namespace, labels: pod.labels) {
                if let value = node.labels[term.topologyKey] { state.existingAntiAffinity[term.topologyKey, default: []].insert(value) }
            }
        }
        guard hasTerms else { return state }
        state.affinityCounts = Array(repeating: [:], count: pod.affinityTerms.count)
        state.antiAffinityCounts = Array(repeating: [:], count: pod.antiAffinityTerms.count)
        for existing in bound.values {
            guard let node = node(named: existing.nodeName) else { continue }
            for (index, term) in pod.affinityTerms.enumerated()
            where term.matches(namespace: existing.namespace, labels: existing.labels) {
                if let value = node.labels[term.topologyKey] { state.affinityCounts[index][value, default: 0] += 1 }
            }
            for (index, term) in pod.antiAffinityTerms.enumerated()
            where term.matches(namespace: existing.namespace, labels: existing.labels) {
                if let value = node.labels[term.topologyKey] { state.antiAffinityCounts[index][value, default: 0] += 1 }
            }
        }
        state.podMatchesOwnAffinity = pod.affinityTerms.allSatisfy { $0.matches(namespace: pod.namespace, labels: pod.labels) }
        return state
    }
}

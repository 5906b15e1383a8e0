import KubeModel
import Testing
@testable import Controllers

/// The filter plugins one by one, and the FailedScheduling message they add up to.
@Suite struct SchedulerFilterTests {
    private let controlPlaneTaint = Taint(key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule")

    private func node(_ name: String, labels: [String: String] = [:], taints: [Taint] = [],
                      cpu: Int64 = 2000, memory: Int64 = 4 << 30, pods: Int64 = 110) -> NodeInfo {
        var labels = labels
        labels["kubernetes.io/hostname"] = name
        return NodeInfo(name: name, labels: labels, taints: taints,
                        allocatable: ResourceAmounts(milliCPU: cpu, memory: memory, pods: pods))
    }

    private func pod(_ spec: JSONValue, labels: [String: String] = [:]) -> PodInfo {
        var metadata: JSONObject = ["name": "p", "namespace": "default"]
        if !labels.isEmpty { metadata["labels"] = .object(JSONObject(uniqueKeysWithValues: labels.map { ($0, .string($1)) })) }
        return PodInfo(KubeObject(["apiVersion": "v1", "kind": "Pod", "metadata": .object(metadata), "spec": spec]))
    }

    @Test func taintsNeedATolerationOfTheirEffect() {
        let plain = pod(["containers": [["name": "c", "image": "nginx"]]])
        #expect(Filters.taintToleration(plain, node("cp", taints: [controlPlaneTaint]))
                == "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }")
        #expect(Filters.taintToleration(plain, node("n", taints: [Taint(key: "key", value: "value", effect: "NoSchedule")]))
                == "node(s) had untolerated taint {key: value}")
        #expect(Filters.taintToleration(plain, node("n", taints: [Taint(key: "soft", effect: "PreferNoSchedule")])) == nil)
        let tolerant = pod(["tolerations": [["key": "node-role.kubernetes.io/control-plane", "operator": "Exists",
                                             "effect": "NoSchedule"]]])
        #expect(Filters.taintToleration(tolerant, node("cp", taints: [controlPlaneTaint])) == nil)
        let wrongValue = pod(["tolerations": [["key": "key", "operator": "Equal", "value": "other"]]])
        #expect(Filters.taintToleration(wrongValue, node("n", taints: [Taint(key: "key", value: "value", effect: "NoSchedule")]))
                != nil)
        let everything = pod(["tolerations": [["operator": "Exists"]]])
        #expect(Filters.taintToleration(everything, node("cp", taints: [controlPlaneTaint])) == nil)
    }

    @Test func cordonedNodesAreUnschedulableUnlessTolerated() {
        var cordoned = node("node01")
        cordoned.unschedulable = true
        #expect(Filters.nodeUnschedulable(pod([:]), cordoned) == "node(s) were unschedulable")
        let daemon = pod(["tolerations": [["key": "node.kubernetes.io/unschedulable", "operator": "Exists",
                                           "effect": "NoSchedule"]]])
        #expect(Filters.nodeUnschedulable(daemon, cordoned) == nil)
    }

    @Test func nodeSelectorAndRequiredAffinity() {
        let reason = "node(s) didn't match Pod's node affinity/selector"
        let disk = node("node01", labels: ["disk": "ssd", "size": "8"])
        #expect(Filters.nodeAffinity(pod(["nodeSelector": ["disk": "ssd"]]), disk) == nil)
        #expect(Filters.nodeAffinity(pod(["nodeSelector": ["disk": "hdd"]]), disk) == reason)
        func affinity(_ term: JSONValue) -> PodInfo {
            pod(["affinity": ["nodeAffinity": ["requiredDuringSchedulingIgnoredDuringExecution": ["nodeSelectorTerms": [term]]]]])
        }
        #expect(Filters.nodeAffinity(affinity(["matchExpressions": [["key": "disk", "operator": "In", "values": ["ssd"]]]]), disk) == nil)
        #expect(Filters.nodeAffinity(affinity(["matchExpressions": [["key": "disk", "operator": "NotIn", "values": ["ssd"]]]]), disk) == reason)
        #expect(Filters.nodeAffinity(affinity(["matchExpressions": [["key": "gpu", "operator": "DoesNotExist"]]]), disk) == nil)
        #expect(Filters.nodeAffinity(affinity(["matchExpressions": [["key": "size", "operator": "Gt", "values": ["4"]]]]), disk) == nil)
        #expect(Filters.nodeAffinity(affinity(["matchExpressions": [["key": "size", "operator": "Lt", "values": ["4"]]]]), disk) == reason)
        #expect(Filters.nodeAffinity(affinity(["matchFields": [["key": "metadata.name", "operator": "In", "values": ["node01"]]]]), disk) == nil)
        #expect(Filters.nodeAffinity(affinity(["matchFields": [["key": "metadata.name", "operator": "In", "values": ["cp"]]]]), disk) == reason)
        #expect(Filters.nodeAffinity(affinity([:]), disk) == reason)
    }

    @Test func resourcesAgainstAllocatable() {
        var busy = node("node01", cpu: 2000, memory: 1 << 30, pods: 1)
        let big = pod(["containers": [["name": "c", "resources": ["requests": ["cpu": "3", "memory": "2Gi"]]]]])
        #expect(Filters.resourcesFit(big, busy) == ["Insufficient cpu", "Insufficient memory"])
        busy.requested.pods = 1
        #expect(Filters.resourcesFit(pod([:]), busy) == ["Too many pods"])
        let small = pod(["containers": [["name": "c", "resources": ["requests": ["cpu": "100m", "memory": "64Mi"]]]]])
        #expect(Filters.resourcesFit(small, node("n")) == [])
        #expect(small.requests.milliCPU == 100 && small.requests.memory == 64 << 20)
    }

    @Test func hostPortsConflict() {
        let web = pod(["containers": [["name": "c", "ports": [["containerPort": 80, "hostPort": 8080]]]]])
        var taken = node("n")
        taken.account(web, sign: 1)
        #expect(Filters.nodePorts(web, taken) == "node(s) didn't have free ports for the requested pod ports")
        #expect(Filters.nodePorts(web, node("free")) == nil)
    }

    @Test func quantities() {
        #expect(Quantities.milli("100m") == 100)
        #expect(Quantities.milli("0.1") == 100)
        #expect(Quantities.milli("2") == 2000)
        #expect(Quantities.units("70Mi") == 73_400_320)
        #expect(Quantities.units("1G") == 1_000_000_000)
        #expect(Quantities.units("3917832Ki") == 3_917_832 * 1024)
        #expect(Quantities.units("1e3") == 1000)
        #expect(Quantities.units("junk") == 0)
    }

    @Test func failedSchedulingMessageSortsTheHistogram() {
        let message = FitError.message(nodeCount: 2, rejections: [
            NodeRejection(["node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"], unresolvable: true),
            NodeRejection(["node(s) didn't match Pod's node affinity/selector"], unresolvable: true),
        ])
        #expect(message == "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, "
                + "1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. "
                + "preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.")
        let cpu = FitError.message(nodeCount: 2, rejections: [
            NodeRejection(["node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"], unresolvable: true),
            NodeRejection(["Insufficient cpu"], unresolvable: false),
        ])
        #expect(cpu == "0/2 nodes are available: 1 Insufficient cpu, "
                + "1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. "
                + "preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, "
                + "1 Preemption is not helpful for scheduling.")
        // Counts sort as strings: "10 …" before "2 …".
        let many = FitError.message(nodeCount: 12, rejections:
            Array(repeating: NodeRejection(["b"], unresolvable: true), count: 2)
                + Array(repeating: NodeRejection(["a"], unresolvable: true), count: 10))
        #expect(many.hasPrefix("0/12 nodes are available: 10 a, 2 b. preemption: 0/12 nodes are available: 12 Preemption"))
    }

    @Test func interPodAntiAffinityBySameHostname() {
        let term: JSONValue = ["labelSelector": ["matchLabels": ["app": "web"]], "topologyKey": "kubernetes.io/hostname"]
        let lonely = pod(["affinity": ["podAntiAffinity": ["requiredDuringSchedulingIgnoredDuringExecution": [term]]]],
                         labels: ["app": "web"])
        let together = pod(["affinity": ["podAffinity": ["requiredDuringSchedulingIgnoredDuringExecution": [term]]]],
                           labels: ["app": "other"])
        let cache = SchedulerCache()
        cache.setNode(node("node01"))
        cache.setNode(node("node02"))
        var running = pod([:], labels: ["app": "web"])
        running.name = "running"
        running.nodeName = "node01"
        cache.setBound(.init(namespace: "default", name: "running"), running)
        let state = cache.affinityState(for: lonely)
        #expect(state != nil)
        guard let state, let n1 = cache.node(named: "node01"), let n2 = cache.node(named: "node02") else { return }
        #expect(Filters.interPodAffinity(lonely, n1, state) == "node(s) didn't match pod anti-affinity rules")
        #expect(Filters.interPodAffinity(lonely, n2, state) == nil)
        guard let togetherState = cache.affinityState(for: together) else { return }
        #expect(Filters.interPodAffinity(together, n1, togetherState) == nil)
        #expect(Filters.interPodAffinity(together, n2, togetherState) == "node(s) didn't match pod affinity rules")
    }
}

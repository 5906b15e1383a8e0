import KubeModel
import Testing
@testable import Controllers

/// The workload controllers' pure decisions, table-tested without a cluster.
@Suite struct WorkloadDecisionTests {
    private func node(_ name: String, labels: JSONValue = .emptyObject, taints: [JSONValue] = []) -> KubeObject {
        var object = KubeObject(["apiVersion": "v1", "kind": "Node", "metadata": ["name": .string(name), "labels": labels]])
        if !taints.isEmpty { object[path: ["spec", "taints"]] = .array(taints) }
        return object
    }

    private func daemonSet(_ spec: JSONValue) -> KubeObject {
        KubeObject(["apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": ["name": "ds"], "spec": ["template": ["spec": spec]]])
    }

    @Test func shouldRunFollowsSelectorsAffinityAndTaints() {
        let plain = daemonSet(["containers": [["name": "c", "image": "busybox"]]])
        #expect(DaemonSetDecisions.shouldRun(plain, on: node("node01")) == (true, true, []))
        let controlPlane = node("controlplane", taints: [["effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"]])
        #expect(DaemonSetDecisions.shouldRun(plain, on: controlPlane)
            == (false, true, ["node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"]))
        let noExecute = node("n", taints: [["effect": "NoExecute", "key": "k", "value": "v"]])
        #expect(DaemonSetDecisions.shouldRun(plain, on: noExecute) == (false, false, ["node(s) had untolerated taint {k: v}"]))
        // The controller's own tolerations: unreachable, unschedulable.
        let unreachable = node("n", taints: [["effect": "NoExecute", "key": "node.kubernetes.io/unreachable"],
                                             ["effect": "NoSchedule", "key": "node.kubernetes.io/unschedulable"]])
        #expect(DaemonSetDecisions.shouldRun(plain, on: unreachable) == (true, true, []))
        let selective = daemonSet(["nodeSelector": ["disk": "ssd"]])
        #expect(DaemonSetDecisions.shouldRun(selective, on: node("n")).shouldContinueRunning == false)
        #expect(DaemonSetDecisions.shouldRun(selective, on: node("n", labels: ["disk": "ssd"])).shouldRun)
        let affinity = daemonSet(["affinity": ["nodeAffinity": ["requiredDuringSchedulingIgnoredDuringExecution": ["nodeSelectorTerms": [
            ["matchExpressions": [["key": "zone", "operator": "NotIn", "values": ["a"]]]]]]]]])
        #expect(DaemonSetDecisions.shouldRun(affinity, on: node("n", labels: ["zone": "a"])).reasons
            == ["node(s) didn't match Pod's node affinity/selector"])
        #expect(DaemonSetDecisions.shouldRun(affinity, on: node("n", labels: ["zone": "b"])).shouldRun)
        let tolerant = daemonSet(["tolerations": [["operator": "Exists"]]])
        #expect(DaemonSetDecisions.shouldRun(tolerant, on: controlPlane).shouldRun)
    }

    @Test func networkUnavailableIsToleratedOnlyWithHostNetwork() {
        let tainted = node("n", taints: [["effect": "NoSchedule", "key": "node.kubernetes.io/network-unavailable"]])
        #expect(!DaemonSetDecisions.shouldRun(daemonSet([:]), on: tainted).shouldRun)
        #expect(DaemonSetDecisions.shouldRun(daemonSet(["hostNetwork": true]), on: tainted).shouldRun)
    }

    private func pod(_ name: String, phase: String, node: String = "n", ready: Bool = false, created: String = "2026-01-01T00:00:00Z") -> KubeObject {
        var object = KubeObject(["apiVersion": "v1", "kind": "Pod",
                                 "metadata": ["name": .string(name), "creationTimestamp": .string(created)],
                                 "spec": ["nodeName": .string(node)], "status": ["phase": .string(phase)]])
        if ready {
            object[path: ["status", "conditions"]] = [["type": "Ready", "status": "True", "lastTransitionTime": .string(created)]]
        }
        return object
    }

    @Test func replicaSetsDeleteUnscheduledPendingAndUnreadyPodsFirst() {
        let pods = [pod("running", phase: "Running", ready: true), pod("pending", phase: "Pending"),
                    pod("unscheduled", phase: "Pending", node: ""), pod("unready", phase: "Running"),
                    pod("newer", phase: "Running", ready: true, created: "2026-01-02T00:00:00Z")]
        #expect(ReplicaSetDecisions.deletionOrder(pods, now: 0).map(\.name) == ["unscheduled", "pending", "unready", "newer", "running"])
        let plan = ReplicaSetDecisions.plan(replicas: 3, pods: pods, now: 0)
        #expect(plan.create == 0 && plan.delete.map(\.name) == ["unscheduled", "pending"])
        #expect(ReplicaSetDecisions.plan(replicas: 7, pods: pods, now: 0).create == 2)
    }

    @Test func deploymentFencepostsRoundSurgeUpAndUnavailableDown() {
        func deployment(_ replicas: Int, _ rolling: JSONValue? = nil) -> KubeObject {
            var object = KubeObject(["apiVersion": "apps/v1", "kind": "Deployment", "spec": ["replicas": .int(replicas)]])
            if let rolling { object[path: ["spec", "strategy"]] = ["type": "RollingUpdate", "rollingUpdate": rolling] }
            return object
        }
        #expect(DeploymentDecisions.fenceposts(deployment(4)) == (1, 1))
        #expect(DeploymentDecisions.fenceposts(deployment(1)) == (1, 0))
        #expect(DeploymentDecisions.fenceposts(deployment(10)) == (3, 2))
        #expect(DeploymentDecisions.fenceposts(deployment(3, ["maxSurge": 0, "maxUnavailable": 0])) == (0, 1))
    }

    @Test func statefulSetsGoInOrder() {
        var pods: [Int: KubeObject] = [:]
        #expect(StatefulSetDecisions.plan(replicas: 3, pods: pods, parallel: false, updateRevision: "r") == [.create(ordinal: 0)])
        #expect(StatefulSetDecisions.plan(replicas: 3, pods: pods, parallel: true, updateRevision: "r")
            == [.create(ordinal: 0), .create(ordinal: 1), .create(ordinal: 2)])
        pods[0] = pod("web-0", phase: "Pending")
        #expect(StatefulSetDecisions.plan(replicas: 3, pods: pods, parallel: false, updateRevision: "r") == [])
        pods[0] = pod("web-0", phase: "Running", ready: true)
        #expect(StatefulSetDecisions.plan(replicas: 3, pods: pods, parallel: false, updateRevision: "r") == [.create(ordinal: 1)])
        pods[1] = pod("web-1", phase: "Running", ready: true)
        pods[2] = pod("web-2", phase: "Running", ready: true)
        #expect(StatefulSetDecisions.plan(replicas: 1, pods: pods, parallel: false, updateRevision: "r") == [.delete(name: "web-2")])
        #expect(StatefulSetDecisions.ordinal(of: "web-01", set: "web") == nil)
        #expect(StatefulSetDecisions.ordinal(of: "web-12", set: "web") == 12)
    }

    @Test func evictionWaitsForTheTolerationSeconds() {
        let taint: JSONValue = ["effect": "NoExecute", "key": "node.kubernetes.io/unreachable"]
        #expect(TaintEvictionController.evictionDelay(tolerations: [], taint: taint) == 0)
        #expect(TaintEvictionController.evictionDelay(tolerations: [["key": "node.kubernetes.io/unreachable", "operator": "Exists",
                                                                     "effect": "NoExecute", "tolerationSeconds": 300]], taint: taint) == 300)
        #expect(TaintEvictionController.evictionDelay(tolerations: [["operator": "Exists"]], taint: taint) == nil)
    }

    @Test func jobsStartUpToParallelism() {
        #expect(JobController.podsToStart(completions: 5, parallelism: 2, succeeded: 0, active: 0) == 2)
        #expect(JobController.podsToStart(completions: 5, parallelism: 2, succeeded: 4, active: 0) == 1)
        #expect(JobController.podsToStart(completions: nil, parallelism: 2, succeeded: 1, active: 1) == 0)
    }
}

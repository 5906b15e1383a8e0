import APIStore
import KubeModel
import SimKit
import Testing
@testable import Controllers

/// The loop against a bare store: binding, failing, retrying, and the scale it must keep up with.
@Suite struct SchedulerLoopTests {
    private final class Lab {
        let clock = SimClock()
        let store: APIStore
        let timeline = Timeline()
        let manager: ControllerManager
        var loop: SchedulerLoop

        init(nodes: [JSONValue]) throws {
            store = APIStore(clock: clock, seed: 7)
            _ = try store.create(KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "default"]]))
            for node in nodes { _ = try store.create(KubeObject(node)) }
            manager = ControllerManager(context: ControllerContext(store: store, clock: clock, timeline: timeline, seed: 7))
            loop = SchedulerLoop(context: manager.context)
            manager.add(loop)
        }

        func pod(_ name: String) -> KubeObject? {
            store.resources.type(key: "pods").flatMap { store.object($0, namespace: "default", name: name) }
        }

        func events(_ reason: String) -> [KubeObject] {
            guard let type = store.resources.type(key: "events") else { return [] }
            return store.list(type).filter { $0.content["reason"]?.stringValue == reason }
        }

        /// Runs the timeline forward like the world does.
        func advance(seconds: Int64) {
            let until = clock.now + seconds * 1_000_000_000
            manager.settle()
            while let (time, action) = timeline.popDue(notAfter: until) {
                clock.advance(to: time)
                action()
                manager.settle()
            }
            clock.advance(to: until)
            manager.settle()
        }
    }

    private static func node(_ name: String, taint: Bool = false, cpu: String = "2") -> JSONValue {
        var spec: JSONObject = [:]
        if taint { spec["taints"] = [["key": "node-role.kubernetes.io/control-plane", "effect": "NoSchedule"]] }
        return ["apiVersion": "v1", "kind": "Node",
                "metadata": ["name": .string(name), "labels": ["kubernetes.io/hostname": .string(name)]],
                "spec": .object(spec),
                "status": ["allocatable": ["cpu": .string(cpu), "memory": "3917832Ki", "pods": "110"]]]
    }

    private static func pod(_ name: String, _ spec: JSONObject = [:]) -> KubeObject {
        var spec = spec
        spec["containers"] = spec["containers"] ?? [["name": "c", "image": "nginx"]]
        return KubeObject(["apiVersion": "v1", "kind": "Pod",
                           "metadata": ["name": .string(name), "namespace": "default"], "spec": .object(spec),
                           "status": ["phase": "Pending"]])
    }

    @Test func bindsToTheUntaintedNodeWithAnEvent() throws {
        let lab = try Lab(nodes: [Self.node("controlplane", taint: true), Self.node("node01")])
        _ = try lab.store.create(Self.pod("nginx"))
        lab.manager.settle()
        let pod = try #require(lab.pod("nginx"))
        #expect(pod[path: ["spec", "nodeName"]]?.stringValue == "node01")
        let scheduled = pod[path: ["status", "conditions"]]?.arrayValue?.first
        #expect(scheduled?["type"]?.stringValue == "PodScheduled" && scheduled?["status"]?.stringValue == "True")
        let event = try #require(lab.events("Scheduled").first)
        #expect(event.content["message"]?.stringValue == "Successfully assigned default/nginx to node01")
        #expect(event.content[path: ["source", "component"]]?.stringValue == "default-scheduler")
        #expect(lab.loop.pendingCount == 0)
    }

    @Test func anUnschedulablePodWaitsAndRetriesWhenANodeFits() throws {
        let lab = try Lab(nodes: [Self.node("controlplane", taint: true), Self.node("node01")])
        _ = try lab.store.create(Self.pod("picky", ["nodeSelector": ["disk": "ssd"]]))
        lab.manager.settle()
        let message = "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, "
            + "1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. "
            + "preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling."
        let failed = try #require(lab.events("FailedScheduling").first)
        #expect(failed.content["message"]?.stringValue == message)
        #expect(failed.content["type"]?.stringValue == "Warning")
        let condition = try #require(lab.pod("picky")?[path: ["status", "conditions"]]?.arrayValue?.first)
        #expect(condition["reason"]?.stringValue == "Unschedulable" && condition["message"]?.stringValue == message)
        #expect(condition["status"]?.stringValue == "False")
        // Our own status write does not make it retry; five minutes do, once.
        lab.advance(seconds: 60)
        #expect(lab.events("FailedScheduling").first?.content["count"]?.intValue == 1)
        lab.advance(seconds: 300)
        #expect(lab.events("FailedScheduling").first?.content["count"]?.intValue == 2)
        // Labelling the node makes it fit.
        let nodes = try #require(lab.store.resources.type(key: "nodes"))
        var node = try #require(lab.store.object(nodes, namespace: "", name: "node01"))
        node[path: ["metadata", "labels", "disk"]] = "ssd"
        _ = try lab.store.update(node)
        lab.advance(seconds: 3)
        #expect(lab.pod("picky")?[path: ["spec", "nodeName"]]?.stringValue == "node01")
        let conditions = lab.pod("picky")?[path: ["status", "conditions"]]?.arrayValue ?? []
        #expect(conditions.count == 1 && conditions.first?["status"]?.stringValue == "True")
        #expect(conditions.first?["reason"] == nil)
    }

    @Test func resourcesFillUpAndFreeUp() throws {
        let lab = try Lab(nodes: [Self.node("node01", cpu: "1")])
        let hungry: JSONObject = ["containers": [["name": "c", "image": "nginx", "resources": ["requests": ["cpu": "600m"]]]]]
        _ = try lab.store.create(Self.pod("a", hungry))
        _ = try lab.store.create(Self.pod("b", hungry))
        lab.manager.settle()
        #expect(lab.pod("a")?[path: ["spec", "nodeName"]]?.stringValue == "node01")
        #expect(lab.pod("b")?[path: ["spec", "nodeName"]] == nil)
        #expect(lab.events("FailedScheduling").first?.content["message"]?.stringValue
                == "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: "
                + "1 No preemption victims found for incoming pod.")
        let pods = try #require(lab.store.resources.type(key: "pods"))
        _ = try lab.store.delete(pods, namespace: "default", name: "a", options: DeleteOptions(gracePeriodSeconds: 0))
        lab.advance(seconds: 3)
        #expect(lab.pod("b")?[path: ["spec", "nodeName"]]?.stringValue == "node01")
    }

    @Test func aStoppedSchedulerLeavesPodsPendingUntilItRuns() throws {
        let lab = try Lab(nodes: [Self.node("node01")])
        var running = false
        lab.manager.isRunning = { _ in running }
        _ = try lab.store.create(Self.pod("late"))
        lab.advance(seconds: 30)
        #expect(lab.pod("late")?[path: ["spec", "nodeName"]] == nil)
        #expect(lab.events("FailedScheduling").isEmpty)
        running = true
        lab.manager.settle()
        #expect(lab.pod("late")?[path: ["spec", "nodeName"]]?.stringValue == "node01")
    }

    /// (Its speed is measured by `ckalab bench`, not here.)
    @Test func bindsTwoThousandPodsOverTwoHundredNodesEvenly() throws {
        let lab = try Lab(nodes: (0..<200).map { Self.node("node\($0)") })
        for index in 0..<2_000 { _ = try lab.store.create(Self.pod("p\(index)")) }
        lab.manager.settle()
        #expect(lab.loop.pendingCount == 0)
        #expect(lab.events("Scheduled").count == 2_000)
        // Spread evenly: least-allocated scoring fills nodes in turn.
        let counts = Dictionary(grouping: lab.loop.cache.bound.values, by: \.nodeName).mapValues(\.count)
        #expect(counts.values.max() ?? 0 <= 11)
    }
}

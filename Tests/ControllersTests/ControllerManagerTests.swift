import APIStore
import KubeModel
import SimKit
import Testing
@testable import Controllers

/// A loop that labels every new ConfigMap once, to watch the manager deliver and settle.
private final class LabelingController: Controller {
    let component = Component.controllerManager
    var pending: [String] = []
    var syncs = 0
    func observe(_ event: WatchEvent) {
        if event.type == .added, event.resource.key == "configmaps" { pending.append(event.object.name) }
    }
    var hasPendingWork: Bool { !pending.isEmpty }
    func sync(_ context: ControllerContext) {
        syncs += 1
        let type = context.store.resources.lookup("configmaps")!
        for name in pending {
            guard var object = context.store.object(type, namespace: "default", name: name) else { continue }
            object[path: ["metadata", "labels", "seen"]] = "yes"
            _ = try? context.store.update(object)
        }
        pending = []
    }
}

@Suite struct ControllerManagerTests {
    private func configMap(_ name: String) -> KubeObject {
        KubeObject(["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name), "namespace": "default"]])
    }

    @Test func deliversChangesAndSettles() throws {
        let clock = SimClock()
        let store = APIStore(clock: clock, seed: 1)
        _ = try store.create(KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "default"]]))
        let manager = ControllerManager(context: ControllerContext(store: store, clock: clock, timeline: Timeline(), seed: 1))
        let loop = LabelingController()
        manager.add(loop)
        _ = try store.create(configMap("a"))
        _ = try store.create(configMap("b"))
        manager.settle()
        let type = try #require(store.resources.lookup("configmaps"))
        #expect(store.object(type, namespace: "default", name: "a")?.labels["seen"] == "yes")
        #expect(store.object(type, namespace: "default", name: "b")?.labels["seen"] == "yes")
        #expect(loop.syncs == 1)
    }

    @Test func aStoppedComponentCatchesUpWhenItRuns() throws {
        let clock = SimClock()
        let store = APIStore(clock: clock, seed: 1)
        _ = try store.create(KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "default"]]))
        let manager = ControllerManager(context: ControllerContext(store: store, clock: clock, timeline: Timeline(), seed: 1))
        let loop = LabelingController()
        manager.add(loop)
        var running = false
        manager.isRunning = { _ in running }
        _ = try store.create(configMap("a"))
        manager.settle()
        let type = try #require(store.resources.lookup("configmaps"))
        #expect(store.object(type, namespace: "default", name: "a")?.labels["seen"] == nil)
        running = true
        manager.settle()
        #expect(store.object(type, namespace: "default", name: "a")?.labels["seen"] == "yes")
    }

    @Test func timelineRunsInTimeThenScheduleOrder() {
        let timeline = Timeline()
        var order: [String] = []
        timeline.schedule(at: 20) { order.append("b") }
        let dropped = timeline.schedule(at: 5) { order.append("x") }
        timeline.schedule(at: 10) { order.append("a1") }
        timeline.schedule(at: 10) { order.append("a2") }
        timeline.cancel(dropped)
        #expect(timeline.nextTime == 10)
        while let (_, action) = timeline.popDue(notAfter: 15) { action() }
        #expect(order == ["a1", "a2"])
        #expect(timeline.nextTime == 20)
    }
}

import APIStore
import Cluster
import KubeModel
import LabTestSupport
import Testing

/// `kubectl get --watch` prints the table, then a row per change while the cluster has work due.
@Suite struct GetWatchTests {
    private func configMap(_ name: String, data: String = "1") -> KubeObject {
        KubeObject(["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name), "namespace": "default"],
                    "data": ["k": .string(data)]])
    }

    @Test func rowsFollowChangesWithRememberedWidths() throws {
        let world = World()
        let start = world.clock.now
        let store = world.store
        let type = try #require(store.resources.lookup("configmaps"))
        world.timeline.schedule(at: start + 13_000_000_000) { _ = try? store.create(self.configMap("a-much-longer-name")) }
        world.timeline.schedule(at: start + 20_000_000_000) {
            guard var object = store.object(type, namespace: "default", name: "a-much-longer-name") else { return }
            object.content[path: ["data", "j"]] = "2"
            _ = try? store.update(object)
        }
        world.timeline.schedule(at: start + 30_000_000_000) { _ = try? store.delete(type, namespace: "default", name: "a-much-longer-name") }
        let run = runLab("kubectl get cm -w", world: world)
        #expect(run.stdout == """
            NAME               DATA   AGE
            kube-root-ca.crt   1      24d
            a-much-longer-name   1      0s
            a-much-longer-name   2      7s
            a-much-longer-name   2      17s

            """)
        #expect(run.status == 0)
        // The watch ran the cluster to the last change, then ended: nothing else was due.
        #expect(world.clock.now == start + 30_000_000_000)
    }

    @Test func quietClusterEndsTheWatchAtOnce() {
        let run = runLab("kubectl get ns -w --no-headers | wc -l")
        #expect(run.stdout == "4\n")
        let only = runLab("kubectl get ns --watch-only")
        #expect(only.stdout == "")
    }
}

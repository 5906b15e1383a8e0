import APIStore
import Cluster
import KubeModel
import LabTestSupport
import Testing

/// The controller manager's loops in the default world: the kubeadm state is adopted as it is,
/// and what the learner creates is rolled out.
struct WorkloadLoopsTests {
    /// Generated suffixes as `xxxxx` (pods) and `hhhhhhhhhh` (template hashes).
    private func masked(_ text: String) -> String {
        text.replacing(/-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}\b/, with: "-hhhhhhhhhh-xxxxx")
            .replacing(/(canal|kube-proxy|nginx|web)-[bcdfghjklmnpqrstvwxz2456789]{5}\b/) { "\($0.1)-xxxxx" }
            .replacing(/nginx-[bcdfghjklmnpqrstvwxz2456789]{6,10}\b/, with: "nginx-hhhhhhhhhh")
    }

    @Test func theKubeadmWorldIsAdoptedWithoutWrites() {
        let world = World()
        let before = world.store.revision
        world.settle()
        world.advance(seconds: 600)
        let changed = world.store.events(since: 0).filter { Int($0.object[path: ["metadata", "resourceVersion"]]?.stringValue ?? "") ?? 0 > before }
        #expect(changed.map { "\($0.type) \($0.resource.key) \($0.object.name)" } == [])
        #expect(world.store.revision == before)
    }

    @Test func aDeploymentGetsAReplicaSetAndPods() {
        let run = runLab("""
            kubectl create deployment nginx --image=nginx --replicas=2
            kubectl get rs,pods
            """)
        #expect(run.stderr == "")
        #expect(masked(run.stdout) == """
            deployment.apps/nginx created
            NAME                               DESIRED   CURRENT   READY   AGE
            replicaset.apps/nginx-hhhhhhhhhh   2         2         0       3s

            NAME                         READY   STATUS              RESTARTS   AGE
            pod/nginx-hhhhhhhhhh-xxxxx   0/1     ContainerCreating   0          3s
            pod/nginx-hhhhhhhhhh-xxxxx   0/1     ContainerCreating   0          3s

            """)
    }
}

import APIStore
import Cluster
import KubeModel
import LabTestSupport
import Testing

/// Workloads in a live default world, with the test playing the kubelet (pods turned Running and Ready by hand).
struct WorkloadLifecycleTests {
    private func pods(_ world: World, _ namespace: String = "default") -> [KubeObject] {
        guard let type = world.store.resources.type(key: "pods") else { return [] }
        return world.store.list(type, ListOptions(namespace: namespace))
    }

    /// Marks every pending pod of the namespace bound, Running and Ready.
    /// Lets the scheduler, the kubelets and the controllers run for a while (images pull, pods start).
    private func playKubelet(_ world: World) {
        world.advance(seconds: 20)
    }

    @Test func statefulSetPodsComeOneAtATime() {
        let world = World()
        let run = runLab("""
            cat <<EOF | kubectl apply -f -
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: web}
            spec:
              replicas: 2
              serviceName: web
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: nginx, image: nginx}]}
            EOF
            """, world: world)
        #expect(run.stderr == "")
        #expect(pods(world).map(\.name) == ["web-0"])
        let first = pods(world).first
        #expect(first?.labels["statefulset.kubernetes.io/pod-name"] == "web-0")
        #expect(first?.labels["apps.kubernetes.io/pod-index"] == "0")
        #expect(first?[path: ["spec", "hostname"]] == "web-0")
        #expect(first?[path: ["spec", "subdomain"]] == "web")
        playKubelet(world)
        #expect(pods(world).map(\.name) == ["web-0", "web-1"])
        let events = runLab("kubectl get events --field-selector involvedObject.kind=StatefulSet -o custom-columns=R:.reason,M:.message --no-headers", world: world)
        #expect(events.stdout == """
            SuccessfulCreate   create Pod web-0 in StatefulSet web successful
            SuccessfulCreate   create Pod web-1 in StatefulSet web successful

            """)
    }

    @Test func aDeploymentRollsAndItsReplicaSetsGoWithIt() {
        let world = World()
        _ = runLab("kubectl create deployment nginx --image=nginx --replicas=2", world: world)
        playKubelet(world)
        let status = runLab("kubectl get deploy nginx -o jsonpath='{.status.availableReplicas} {.status.conditions[*].reason}'", world: world)
        #expect(status.stdout == "2 MinimumReplicasAvailable NewReplicaSetAvailable")
        _ = runLab("kubectl set image deployment/nginx nginx=nginx:1.27", world: world)
        for _ in 0..<4 { playKubelet(world) }
        let rsType = world.store.resources.type(key: "replicasets.apps")
        let sets = rsType.map { world.store.list($0, ListOptions(namespace: "default")) } ?? []
        #expect(sets.map { "\($0[path: ["spec", "replicas"]]?.intValue ?? -1) \($0.annotations["deployment.kubernetes.io/revision"] ?? "")" }.sorted()
            == ["0 1", "2 2"])
        let events = runLab("kubectl get events --field-selector reason=ScalingReplicaSet -o custom-columns=M:.message --no-headers", world: world)
        #expect(events.stdout.hasPrefix("Scaled up replica set nginx-"))
        #expect(events.stdout.contains(" from 0 to 2\n"))
        _ = runLab("kubectl delete deployment nginx", world: world)
        #expect(runLab("kubectl get rs", world: world).stderr == "No resources found in default namespace.\n")
    }
}

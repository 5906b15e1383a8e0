import Foundation
import LabTestSupport
import Testing

/// The seeds' `kubectl get …` commands replayed in a fresh default world: the rows and columns
/// the seeds print (generated suffixes masked; the fixed names and the layout exact).
struct SeedGetTests {
    /// Generated name suffixes as `xxxxx` (pods) and `hhhhhhhhhh` (template hashes).
    private func masked(_ text: String) -> String {
        text.replacing(/-[bcdfghjklmnpqrstvwxz2456789]{8,10}-[bcdfghjklmnpqrstvwxz2456789]{5}\b/, with: "-hhhhhhhhhh-xxxxx")
            .replacing(/(canal|kube-proxy)-[bcdfghjklmnpqrstvwxz2456789]{5}\b/) { "\($0.1)-xxxxx" }
    }

    @Test func kubeSystemPods() {
        let run = runLab("kubectl get po -n kube-system")
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(masked(run.stdout) == """
            NAME                                       READY   STATUS    RESTARTS   AGE
            calico-kube-controllers-hhhhhhhhhh-xxxxx   1/1     Running   0          24d
            canal-xxxxx                                2/2     Running   0          24d
            canal-xxxxx                                2/2     Running   0          24d
            coredns-hhhhhhhhhh-xxxxx                   1/1     Running   0          24d
            coredns-hhhhhhhhhh-xxxxx                   1/1     Running   0          24d
            etcd-controlplane                          1/1     Running   0          24d
            kube-apiserver-controlplane                1/1     Running   0          24d
            kube-controller-manager-controlplane       1/1     Running   0          24d
            kube-proxy-xxxxx                           1/1     Running   0          24d
            kube-proxy-xxxxx                           1/1     Running   0          24d
            kube-scheduler-controlplane                1/1     Running   0          24d

            """)
    }

    @Test func nodes() {
        let run = runLab("kubectl get node")
        #expect(run.stdout == """
            NAME           STATUS   ROLES           AGE   VERSION
            controlplane   Ready    control-plane   24d   v1.32.4
            node01         Ready    <none>          24d   v1.32.4

            """)
    }

    @Test func kubeProxyDaemonSet() {
        let run = runLab("kubectl -n kube-system get daemonset kube-proxy")
        #expect(run.stdout == """
            NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
            kube-proxy   2         2         2       2            2           kubernetes.io/os=linux   24d

            """)
    }

    @Test func kubeProxyPodsWide() {
        let run = runLab("kubectl get po -n kube-system -o wide | grep kube-proxy")
        #expect(masked(run.stdout) == """
            kube-proxy-xxxxx                           1/1     Running   0          24d   172.30.1.2    controlplane   <none>           <none>
            kube-proxy-xxxxx                           1/1     Running   0          24d   172.30.2.2    node01         <none>           <none>

            """)
    }

    @Test func mirrorPodIsOwnedByItsNode() throws {
        let run = runLab("kubectl -n kube-system get pod kube-scheduler-controlplane -o json")
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "Pod")
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["managedFields"] == nil)
        let owners = try #require(metadata["ownerReferences"] as? [[String: Any]])
        #expect(owners.count == 1)
        #expect(owners.first?["kind"] as? String == "Node")
        #expect(owners.first?["name"] as? String == "controlplane")
        #expect(owners.first?["controller"] as? Bool == true)
        #expect(owners.first?["apiVersion"] as? String == "v1")
        // Keys come sorted, as kubectl prints unstructured objects.
        #expect(run.stdout.hasPrefix("{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n"))
    }

    @Test func emptyDefaultNamespace() {
        let run = runLab("kubectl get pods")
        #expect(run.stdout == "")
        #expect(run.stderr == "No resources found in default namespace.\n")
        #expect(run.status == 0)
    }

    @Test func selectorOnControlPlanePods() {
        let run = runLab("kubectl -n kube-system get pods -l component=kube-controller-manager")
        #expect(run.stdout == """
            NAME                                   READY   STATUS    RESTARTS   AGE
            kube-controller-manager-controlplane   1/1     Running   0          24d

            """)
    }
}

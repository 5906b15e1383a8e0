import Cluster
import LabTestSupport
import Testing

/// Ownership: `--cascade=orphan` leaves the pods without their ownerReference; a new DaemonSet
/// with a matching selector adopts them, and (at the same template generation) counts them as up
/// to date, so a different template reaches them only when they are deleted — as seed 002 says.
struct CascadeTests {
    @Test func orphanedPodsAreAdoptedButNotReplaced() {
        let run = runLab("""
            \(DaemonSetUpdateTests.daemonSet())
            sleep 30
            kubectl delete ds nginx --cascade=orphan
            sleep 5
            kubectl get pods -l app=nginx -o custom-columns=NODE:.spec.nodeName,OWNER:.metadata.ownerReferences[0].name --sort-by=.spec.nodeName
            \(DaemonSetUpdateTests.daemonSet().replacingOccurrences(of: "nginx:1.26", with: "nginx:1.27"))
            sleep 20
            kubectl get pods -l app=nginx -o custom-columns=NODE:.spec.nodeName,IMAGE:.spec.containers[0].image,OWNER:.metadata.ownerReferences[0].kind --sort-by=.spec.nodeName
            kubectl get ds nginx
            kubectl delete pod $(kubectl get pods -l app=nginx -o jsonpath='{.items[?(@.spec.nodeName=="node01")].metadata.name}')
            sleep 20
            kubectl get pods -l app=nginx -o custom-columns=NODE:.spec.nodeName,IMAGE:.spec.containers[0].image --sort-by=.spec.nodeName
            kubectl run stray --image=nginx -l app=nginx
            sleep 5
            kubectl get pod stray -o jsonpath='{.metadata.ownerReferences[0].kind}{"\\n"}'
            kubectl delete ds nginx --cascade=foreground
            kubectl get pods -l app=nginx
            """)
        // The hand-made pod is adopted, then deleted as a second pod on its node (the oldest stays).
        #expect(run.stderr == """
            Error from server (NotFound): pods "stray" not found
            No resources found in default namespace.

            """)
        #expect(LiveMasking.masked(run.stdout) == """
            daemonset.apps/nginx created
            daemonset.apps "nginx" deleted
            NODE           OWNER
            controlplane   <none>
            node01         <none>
            daemonset.apps/nginx created
            NODE           IMAGE        OWNER
            controlplane   nginx:1.26   DaemonSet
            node01         nginx:1.26   DaemonSet
            NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            nginx   2         2         2       2            2           <none>          29s
            pod "nginx-xxxxx" deleted
            NODE           IMAGE
            controlplane   nginx:1.26
            node01         nginx:1.27
            pod/stray created
            daemonset.apps "nginx" deleted

            """)
    }
}

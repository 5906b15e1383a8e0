import Cluster
import LabTestSupport
import Testing

/// `kubectl delete` waits (`--wait`, the default) until what it deleted is gone, so the cluster
/// runs on meanwhile: a pod through its grace period, a namespace until its pods are gone.
struct DeleteWaitTests {
    @Test func aPodIsGoneWhenDeleteReturns() {
        let run = runLab("""
            kubectl run bb --image=busybox -- sleep 3600
            kubectl run sleeper --image=busybox -- sleep 3600
            sleep 20
            kubectl delete pod bb
            kubectl get pods
            kubectl delete pod sleeper --wait=false
            kubectl get pods
            """)
        // busybox's sleep ignores SIGTERM: the kubelet kills it after the 30 s grace period.
        #expect(run.stdout == """
            pod/bb created
            pod/sleeper created
            pod "bb" deleted
            NAME      READY   STATUS    RESTARTS   AGE
            sleeper   1/1     Running   0          59s
            pod "sleeper" deleted
            NAME      READY   STATUS        RESTARTS   AGE
            sleeper   1/1     Terminating   0          65s

            """)
        #expect(run.stderr == "")
    }

    @Test func aTimeoutEndsTheWaitWithKubectlsError() {
        let run = runLab("""
            kubectl run bb --image=busybox -- sleep 3600
            sleep 20
            kubectl delete pod bb --timeout=5s
            echo "status $?"
            kubectl get pods --no-headers
            """)
        #expect(run.stdout == """
            pod/bb created
            pod "bb" deleted
            status 1
            bb    1/1   Terminating   0     37s

            """)
        #expect(run.stderr == "error: timed out waiting for the condition on pods/bb\n")
    }

    @Test func aNamespaceGoesOnceItsPodsAreGone() {
        let run = runLab("""
            kubectl create ns x
            kubectl -n x create deploy web --image=nginx --replicas=2
            kubectl -n x run bb --image=busybox -- sleep 3600
            sleep 20
            kubectl delete ns x
            kubectl get ns x
            kubectl get pods -n x
            """)
        #expect(run.stdout == """
            namespace/x created
            deployment.apps/web created
            pod/bb created
            namespace "x" deleted

            """)
        #expect(run.stderr == """
            Error from server (NotFound): namespaces "x" not found
            No resources found in x namespace.

            """)
    }
}

import Cluster
import LabTestSupport
import Testing

/// DaemonSet updates pod by pod, as the real controller makes them (k8s
/// `pkg/controller/daemon/update.go`): maxUnavailable replaces one node at a time, maxSurge starts
/// the new pod beside the old one, a bad image stalls after maxUnavailable nodes, OnDelete waits
/// for the user; validation refuses maxSurge with maxUnavailable.
struct DaemonSetUpdateTests {
    /// A DaemonSet `nginx` on both nodes (it tolerates the control-plane taint) with `strategy`.
    static func daemonSet(_ strategy: String = "", extra: String = "") -> String {
        """
        cat <<EOF | kubectl apply -f -
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: nginx
        spec:
          selector:
            matchLabels: {app: nginx}
        \(strategy.isEmpty ? "" : "  updateStrategy:\n" + strategy.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        \(extra)
          template:
            metadata:
              labels: {app: nginx}
            spec:
              tolerations:
              - operator: Exists
              containers:
              - name: nginx
                image: nginx:1.26
        EOF
        """
    }

    static let pods = "kubectl get pods -l app=nginx --sort-by=.spec.nodeName -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,IMAGE:.spec.containers[0].image,HASH:.metadata.labels.controller-revision-hash,PHASE:.status.phase,DELETING:.metadata.deletionTimestamp"

    static func run(_ script: String) -> (stdout: String, stderr: String) {
        let run = runLab(script)
        return (LiveMasking.masked(run.stdout), run.stderr)
    }

    @Test func rollingUpdateReplacesOneNodeAtATime() {
        let run = Self.run("""
            \(Self.daemonSet())
            sleep 30
            \(Self.pods)
            kubectl set image ds/nginx nginx=nginx:1.27
            \(Self.pods)
            kubectl get ds nginx
            sleep 5
            \(Self.pods)
            sleep 10
            \(Self.pods)
            kubectl get ds nginx
            kubectl rollout status ds/nginx
            \(Self.pods)
            kubectl get ds nginx
            kubectl get controllerrevisions
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            daemonset.apps/nginx created
            NAME          NODE           IMAGE        HASH         PHASE     DELETING
            nginx-xxxxx   controlplane   nginx:1.26   667cb8fff8   Running   <none>
            nginx-xxxxx   node01         nginx:1.26   667cb8fff8   Running   <none>
            daemonset.apps/nginx image updated
            NAME          NODE           IMAGE        HASH         PHASE     DELETING
            nginx-xxxxx   controlplane   nginx:1.27   7bfc87bd8f   Pending   <none>
            nginx-xxxxx   node01         nginx:1.26   667cb8fff8   Running   <none>
            NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            nginx   2         2         1       2            1           <none>          45s
            NAME          NODE           IMAGE        HASH         PHASE     DELETING
            nginx-xxxxx   controlplane   nginx:1.27   7bfc87bd8f   Running   <none>
            nginx-xxxxx   node01         nginx:1.27   7bfc87bd8f   Running   <none>
            NAME          NODE           IMAGE        HASH         PHASE     DELETING
            nginx-xxxxx   controlplane   nginx:1.27   7bfc87bd8f   Running   <none>
            nginx-xxxxx   node01         nginx:1.27   7bfc87bd8f   Running   <none>
            NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            nginx   2         2         2       2            2           <none>          75s
            daemon set "nginx" successfully rolled out
            NAME          NODE           IMAGE        HASH         PHASE     DELETING
            nginx-xxxxx   controlplane   nginx:1.27   7bfc87bd8f   Running   <none>
            nginx-xxxxx   node01         nginx:1.27   7bfc87bd8f   Running   <none>
            NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            nginx   2         2         2       2            2           <none>          84s
            NAME               CONTROLLER             REVISION   AGE
            nginx-667cb8fff8   daemonset.apps/nginx   1          87s
            nginx-7bfc87bd8f   daemonset.apps/nginx   2          48s

            """)
    }

    static let nodes = "kubectl get pods -l app=nginx --sort-by=.spec.nodeName -o custom-columns=NODE:.spec.nodeName,IMAGE:.spec.containers[0].image,PHASE:.status.phase,DELETING:.metadata.deletionTimestamp"

    /// maxSurge: the new pod starts beside the old one, which goes once the new one is available.
    @Test func maxSurgeStartsTheNewPodFirst() {
        let run = Self.run("""
            \(Self.daemonSet("rollingUpdate: {maxSurge: 1, maxUnavailable: 0}"))
            sleep 30
            kubectl set image ds/nginx nginx=nginx:1.27
            \(Self.nodes)
            kubectl get ds nginx
            sleep 3
            \(Self.nodes)
            kubectl rollout status ds/nginx
            \(Self.nodes)
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            daemonset.apps/nginx created
            daemonset.apps/nginx image updated
            NODE           IMAGE        PHASE     DELETING
            controlplane   nginx:1.26   Running   <none>
            controlplane   nginx:1.27   Pending   <none>
            node01         nginx:1.26   Running   <none>
            NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            nginx   2         2         2       1            2           <none>          42s
            NODE           IMAGE        PHASE     DELETING
            controlplane   nginx:1.27   Running   <none>
            node01         nginx:1.27   Running   <none>
            daemon set "nginx" successfully rolled out
            NODE           IMAGE        PHASE     DELETING
            controlplane   nginx:1.27   Running   <none>
            node01         nginx:1.27   Running   <none>

            """)
    }

    /// A bad image: the first node's new pod never becomes available, so with maxUnavailable 1
    /// the other node keeps its old pod; the rollout waits until a fix.
    @Test func aBadImageStallsAfterMaxUnavailableNodes() {
        let run = Self.run("""
            \(Self.daemonSet())
            sleep 30
            kubectl set image ds/nginx nginx=nginx:nope
            sleep 30
            \(Self.nodes)
            kubectl get ds nginx
            kubectl rollout status ds/nginx --timeout=15s
            sleep 60
            \(Self.nodes)
            kubectl get ds nginx -o jsonpath='{.status.updatedNumberScheduled} {.status.numberAvailable} {.status.numberUnavailable}{"\\n"}'
            kubectl rollout undo ds/nginx
            kubectl rollout status ds/nginx
            \(Self.nodes)
            """)
        #expect(run.stderr == """
            error: timed out waiting for the condition

            """)
        #expect(run.stdout == """
            daemonset.apps/nginx created
            daemonset.apps/nginx image updated
            NODE           IMAGE        PHASE     DELETING
            controlplane   nginx:nope   Pending   <none>
            node01         nginx:1.26   Running   <none>
            NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            nginx   2         2         1       1            1           <none>          75s
            Waiting for daemon set "nginx" rollout to finish: 1 out of 2 new pods have been updated...
            NODE           IMAGE        PHASE     DELETING
            controlplane   nginx:nope   Pending   <none>
            node01         nginx:1.26   Running   <none>
            1 1 1
            daemonset.apps/nginx rolled back
            daemon set "nginx" successfully rolled out
            NODE           IMAGE        PHASE     DELETING
            controlplane   nginx:1.26   Running   <none>
            node01         nginx:1.26   Running   <none>

            """)
    }

    /// OnDelete: a new template reaches only the pods the user deletes.
    @Test func onDeleteWaitsForTheUser() {
        let run = Self.run("""
            \(Self.daemonSet("type: OnDelete"))
            sleep 30
            kubectl set image ds/nginx nginx=nginx:1.27
            sleep 30
            \(Self.nodes)
            kubectl get ds nginx
            kubectl rollout status ds/nginx
            kubectl delete pod $(kubectl get pods -l app=nginx -o jsonpath='{.items[?(@.spec.nodeName=="node01")].metadata.name}')
            sleep 20
            \(Self.nodes)
            kubectl get ds nginx
            """)
        #expect(run.stderr == """
            error: rollout status is only available for RollingUpdate strategy type

            """)
        #expect(run.stdout == """
            daemonset.apps/nginx created
            daemonset.apps/nginx image updated
            NODE           IMAGE        PHASE     DELETING
            controlplane   nginx:1.26   Running   <none>
            node01         nginx:1.26   Running   <none>
            NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            nginx   2         2         2       0            2           <none>          75s
            pod "nginx-xxxxx" deleted
            NODE           IMAGE        PHASE     DELETING
            controlplane   nginx:1.26   Running   <none>
            node01         nginx:1.27   Running   <none>
            NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            nginx   2         2         2       1            2           <none>          110s

            """)
    }

    /// maxSurge with maxUnavailable (the default 1 included) is refused as v1.32 words it; a
    /// limit of 1 keeps one old revision.
    @Test func validationAndHistoryLimit() {
        let run = Self.run("""
            \(Self.daemonSet("rollingUpdate: {maxSurge: 1}"))
            \(Self.daemonSet("rollingUpdate: {maxSurge: 0, maxUnavailable: 0}"))
            \(Self.daemonSet("rollingUpdate: {maxUnavailable: 120%}"))
            \(Self.daemonSet("", extra: "  revisionHistoryLimit: 1"))
            sleep 20
            kubectl set image ds/nginx nginx=nginx:1.27
            sleep 30
            kubectl set image ds/nginx nginx=nginx:1.28
            sleep 30
            kubectl get controllerrevisions
            kubectl rollout history ds/nginx
            """)
        #expect(run.stderr == """
            The DaemonSet "nginx" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero
            The DaemonSet "nginx" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0
            The DaemonSet "nginx" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"120%"}: must not be greater than 100%

            """)
        #expect(run.stdout == """
            daemonset.apps/nginx created
            daemonset.apps/nginx image updated
            daemonset.apps/nginx image updated
            NAME               CONTROLLER             REVISION   AGE
            nginx-656c47dbd8   daemonset.apps/nginx   3          36s
            nginx-7bfc87bd8f   daemonset.apps/nginx   2          72s
            daemonset.apps/nginx 
            REVISION  CHANGE-CAUSE
            2         <none>
            3         <none>


            """)
    }
}

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
}

import Cluster
import LabTestSupport
import Testing

/// `kubectl rollout history` and `undo` on a Deployment: revisions from the ReplicaSets'
/// annotations, the old template coming back renumbered as the newest revision.
struct RolloutHistoryTests {
    static let replicaSetColumns = "-o custom-columns='REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision,"
        + "HISTORY:.metadata.annotations.deployment\\.kubernetes\\.io/revision-history,IMAGE:.spec.template.spec.containers[0].image,"
        + "DESIRED:.spec.replicas'"

    @Test func undoBringsThePreviousTemplateBackAsTheNewestRevision() {
        let run = runLab("""
            kubectl create deploy web --image=nginx --replicas=2
            kubectl rollout status deploy/web >/dev/null
            kubectl set image deploy/web nginx=nginx:1.27
            kubectl rollout status deploy/web >/dev/null
            kubectl rollout history deploy/web
            kubectl rollout history deployment web --revision=1
            kubectl rollout undo deploy/web
            kubectl rollout status deploy/web
            kubectl rollout history deploy/web
            kubectl get rs \(Self.replicaSetColumns)
            kubectl describe deploy web | grep -E 'Image|Annotations'
            kubectl get deploy web -o jsonpath='{.metadata.annotations}{"\\n"}'
            """)
        #expect(run.stderr == "")
        #expect(LiveMasking.masked(run.stdout) == """
            deployment.apps/web created
            deployment.apps/web image updated
            deployment.apps/web 
            REVISION  CHANGE-CAUSE
            1         <none>
            2         <none>

            deployment.apps/web with revision #1
            Pod Template:
              Labels:\tapp=web
            \tpod-template-hash=78587765b9
              Containers:
               nginx:
                Image:\tnginx
                Port:\t<none>
                Host Port:\t<none>
                Environment:\t<none>
                Mounts:\t<none>
              Volumes:\t<none>
              Node-Selectors:\t<none>
              Tolerations:\t<none>

            deployment.apps/web rolled back
            deployment "web" successfully rolled out
            deployment.apps/web 
            REVISION  CHANGE-CAUSE
            2         <none>
            3         <none>

            REVISION   HISTORY   IMAGE        DESIRED
            2          <none>    nginx:1.27   0
            3          1         nginx        2
            Annotations:            deployment.kubernetes.io/revision: 3
                Image:         nginx
            {"deployment.kubernetes.io/revision":"3"}

            """)
    }

    @Test func undoChoices() {
        let run = runLab("""
            kubectl create deploy web --image=nginx
            kubectl rollout undo deploy/web
            kubectl set image deploy/web nginx=nginx:1.27
            kubectl rollout status deploy/web >/dev/null
            kubectl rollout undo deploy/web --to-revision=2
            kubectl rollout undo deploy/web --to-revision=9
            kubectl rollout undo deploy/web --dry-run=client
            kubectl rollout undo deploy/web --dry-run=server
            kubectl rollout history deploy/web --revision=7
            kubectl rollout history deploy/web -o name
            kubectl annotate deploy web kubernetes.io/change-cause='image 1.27'
            kubectl rollout history deploy/web
            kubectl rollout history deploy/web --revision=2 | grep -A1 Annotations
            """)
        #expect(run.stderr == """
            error: no rollout history found for deployment "web"
            error: unable to find specified revision 9 in history
            error: unable to find the specified revision

            """)
        #expect(LiveMasking.masked(run.stdout) == """
            deployment.apps/web created
            deployment.apps/web image updated
            deployment.apps/web skipped rollback (current template already matches revision 2)
            deployment.apps/web Pod Template:
              Labels:\tapp=web
            \tpod-template-hash=78587765b9
              Containers:
               nginx:
                Image:\tnginx
                Port:\t<none>
                Host Port:\t<none>
                Environment:\t<none>
                Mounts:\t<none>
              Volumes:\t<none>
              Node-Selectors:\t<none>
              Tolerations:\t<none>
             (dry run)
            deployment.apps/web rolled back (server dry run)
            replicaset.apps/web-78587765b9
            replicaset.apps/web-766c7477b7
            deployment.apps/web annotated
            deployment.apps/web 
            REVISION  CHANGE-CAUSE
            1         <none>
            2         image 1.27

              Annotations:\tkubernetes.io/change-cause: image 1.27
              Containers:

            """)
    }

    @Test func refusals() {
        let run = runLab("""
            kubectl rollout history
            kubectl rollout history deploy/web --revision=-1
            kubectl run p --image=nginx
            kubectl rollout history pod/p
            kubectl rollout undo pod/p
            kubectl rollout history svc/kubernetes
            kubectl rollout history deploy/nope
            kubectl -n kube-system rollout history deploy/coredns ds/kube-proxy
            """)
        #expect(run.stderr == """
            error: required resource not specified
            error: revision must be a positive integer: -1
            error: no history viewer has been implemented for "Pod"
            error: no rollbacker has been implemented for "Pod"
            error: error retrieving history for "Service", no visitor method exists for { Service}
            Error from server (NotFound): deployments.apps "nope" not found

            """)
        #expect(run.stdout == """
            pod/p created
            deployment.apps/coredns 
            REVISION  CHANGE-CAUSE
            1         <none>

            daemonset.apps/kube-proxy 
            REVISION  CHANGE-CAUSE
            1         <none>


            """)
    }
}

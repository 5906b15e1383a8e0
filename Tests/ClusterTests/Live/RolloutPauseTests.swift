import Cluster
import LabTestSupport
import Testing

/// `kubectl rollout pause`, `resume` and `restart`: a paused Deployment takes template changes
/// without rolling them out, resuming rolls them, restarting stamps the template.
struct RolloutPauseTests {
    @Test func pausedDeploymentRollsOnlyWhenResumed() {
        let run = runLab("""
            kubectl create deploy web --image=nginx --replicas=2
            kubectl rollout status deploy/web >/dev/null
            kubectl rollout pause deploy/web
            kubectl rollout pause deploy/web
            kubectl set image deploy/web nginx=nginx:1.27
            sleep 30
            kubectl get rs -o custom-columns=IMAGE:.spec.template.spec.containers[0].image,DESIRED:.spec.replicas
            kubectl rollout history deploy/web
            kubectl get deploy web -o jsonpath='{.status.conditions[?(@.type=="Progressing")].reason}{"\\n"}'
            kubectl rollout restart deploy/web
            kubectl rollout undo deploy/web --to-revision=1
            kubectl scale deploy/web --replicas=3
            sleep 10
            kubectl get rs -o custom-columns=IMAGE:.spec.template.spec.containers[0].image,DESIRED:.spec.replicas
            kubectl rollout resume deploy/web
            kubectl rollout resume deploy/web
            kubectl rollout status deploy/web >/dev/null
            kubectl get rs -o custom-columns=IMAGE:.spec.template.spec.containers[0].image,DESIRED:.spec.replicas
            kubectl rollout history deploy/web
            """)
        #expect(run.stderr == """
            error: deployments.apps "web" is already paused
            error: deployments.apps "web" can't restart paused deployment (run rollout resume first)
            error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again
            error: deployments.apps "web" is not paused

            """)
        #expect(run.stdout == """
            deployment.apps/web created
            deployment.apps/web paused
            deployment.apps/web image updated
            IMAGE   DESIRED
            nginx   2
            deployment.apps/web 
            REVISION  CHANGE-CAUSE
            1         <none>

            DeploymentPaused
            deployment.apps/web scaled
            IMAGE   DESIRED
            nginx   3
            deployment.apps/web resumed
            IMAGE        DESIRED
            nginx:1.27   3
            nginx        0
            deployment.apps/web 
            REVISION  CHANGE-CAUSE
            1         <none>
            2         <none>


            """)
    }

    @Test func restartStampsTheTemplateWithTheClock() {
        let run = runLab("""
            kubectl create deploy web --image=nginx
            kubectl rollout status deploy/web >/dev/null
            kubectl rollout restart deploy/web
            kubectl get deploy web -o jsonpath='{.spec.template.metadata.annotations}{"\\n"}'
            kubectl rollout status deploy/web >/dev/null
            kubectl rollout history deploy/web
            kubectl -n kube-system rollout restart ds/kube-proxy -o name
            kubectl -n kube-system get ds kube-proxy -o jsonpath='{.spec.template.metadata.annotations}{"\\n"}'
            kubectl run p --image=nginx
            kubectl rollout restart pod/p
            kubectl rollout pause pod/p
            kubectl -n kube-system rollout pause ds/kube-proxy
            kubectl -n kube-system rollout resume ds/kube-proxy
            kubectl rollout pause deploy/web deploy/web
            kubectl rollout resume deploy/nope deploy/web
            """)
        #expect(run.stderr == """
            error: pods "p" restarting is not supported
            error: pods "p" pausing is not supported
            error: daemonsets.apps "kube-proxy" pausing is not supported
            error: daemonsets.apps "kube-proxy" resuming is not supported
            Error from server (NotFound): deployments.apps "nope" not found

            """)
        #expect(LiveMasking.masked(run.stdout) == """
            deployment.apps/web created
            deployment.apps/web restarted
            {"kubectl.kubernetes.io/restartedAt":"2026-01-05T09:00:10Z"}
            deployment.apps/web 
            REVISION  CHANGE-CAUSE
            1         <none>
            2         <none>

            daemonset.apps/kube-proxy
            {"kubectl.kubernetes.io/restartedAt":"2026-01-05T09:00:22Z"}
            pod/p created
            deployment.apps/web paused
            deployment.apps/web paused
            deployment.apps/web resumed

            """)
    }
}

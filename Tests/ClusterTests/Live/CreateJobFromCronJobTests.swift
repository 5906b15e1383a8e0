import Cluster
import LabTestSupport
import Testing

/// `kubectl create job NAME --from=cronjob/CJ`: the CronJob's job template run by hand now.
struct CreateJobFromCronJobTests {
    @Test func aManualRunOfACronJob() {
        let run = runLab("""
            kubectl create cronjob hello --image=busybox --schedule="0 0 * * *" -- echo hello
            kubectl create job manual --from=cronjob/hello
            sleep 10
            kubectl get jobs,pods
            kubectl logs job/manual
            kubectl get job manual -o jsonpath='{.metadata.annotations}{" "}{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}{"\\n"}'
            """)
        #expect(run.stderr == "")
        #expect(LiveMasking.masked(run.stdout.replacing(/manual-[bcdfghjklmnpqrstvwxz2456789]{5}/, with: "manual-xxxxx")) == """
            cronjob.batch/hello created
            job.batch/manual created
            NAME               STATUS     COMPLETIONS   DURATION   AGE
            job.batch/manual   Complete   1/1           2s         16s

            NAME               READY   STATUS      RESTARTS   AGE
            pod/manual-xxxxx   0/1     Completed   0          16s
            hello
            {"cronjob.kubernetes.io/instantiate":"manual"} CronJob/hello

            """)
    }

    @Test func refusals() {
        let run = runLab("""
            kubectl create job x
            kubectl create job x --from=cronjob/nope
            kubectl run p --image=nginx
            kubectl create job y --from=pod/p
            kubectl create job z --from=cronjob/nope -- echo hi
            kubectl create job w --from=cronjob/nope --image=busybox
            """)
        #expect(run.stderr == """
            error: either --image or --from must be specified
            Error from server (NotFound): cronjobs.batch "nope" not found
            error: unknown object type *v1.Pod
            error: cannot specify --from and command
            error: either --image or --from must be specified

            """)
    }
}

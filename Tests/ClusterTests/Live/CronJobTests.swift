import Cluster
import LabTestSupport
import Testing

/// CronJobs in a live default world: the controller starts Jobs on the simulated clock, the
/// kubelets run them, finished ones are pruned past the history limits (the world starts at
/// 09:00:00, each command takes 3 s, so `kubectl create` lands at 09:00:03).
struct CronJobTests {
    /// Pod suffixes masked (`hello-29460061-xxxxx`); the Job names are the schedule's minutes, stable.
    private func masked(_ text: String) -> String {
        text.replacing(/(-29\d{6})-[bcdfghjklmnpqrstvwxz2456789]{5}\b/) { "\($0.1)-xxxxx" }
    }

    private static let forbid = """
        cat <<YAML | kubectl apply -f -
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: sleeper}
        spec:
          schedule: "*/1 * * * *"
          concurrencyPolicy: POLICY
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: s, image: busybox, command: [sleep, "150"]}]
        YAML
        """

    @Test func theFirstRunComesOnTheMinute() {
        let run = runLab("""
            kubectl create cronjob hello --image=busybox --schedule='*/1 * * * *' -- echo hello
            sleep 70
            kubectl get cronjobs,jobs,pods
            kubectl get events --field-selector involvedObject.kind=CronJob -o custom-columns=R:.reason,M:.message --no-headers
            kubectl get job hello-29460061 -o jsonpath='{.metadata.annotations}{"\\n"}{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {.metadata.ownerReferences[0].controller} {.metadata.ownerReferences[0].blockOwnerDeletion}{"\\n"}'
            kubectl get cronjob hello -o jsonpath='{.status.lastScheduleTime} {.status.lastSuccessfulTime} {.status.active}{"\\n"}'
            kubectl logs job/hello-29460061
            """)
        #expect(run.stderr == "")
        #expect(masked(run.stdout) == """
            cronjob.batch/hello created
            NAME                  SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
            cronjob.batch/hello   */1 * * * *   <none>     False     0        19s             76s

            NAME                       STATUS     COMPLETIONS   DURATION   AGE
            job.batch/hello-29460061   Complete   1/1           2s         19s

            NAME                       READY   STATUS      RESTARTS   AGE
            pod/hello-29460061-xxxxx   0/1     Completed   0          19s
            SuccessfulCreate   Created job hello-29460061
            SawCompletedJob    Saw completed job: hello-29460061, condition: Complete
            {"batch.kubernetes.io/cronjob-scheduled-timestamp":"2026-01-05T09:01:00Z"}
            CronJob/hello true true
            2026-01-05T09:01:00Z 2026-01-05T09:01:02Z 
            hello

            """)
    }

    @Test func threeSucceededJobsAreKept() {
        let run = runLab("""
            kubectl create cronjob hello --image=busybox --schedule='*/1 * * * *' -- echo hello
            sleep 300
            kubectl get jobs,pods
            kubectl get events --field-selector reason=SuccessfulDelete,involvedObject.kind=CronJob -o custom-columns=M:.message --no-headers
            """)
        #expect(run.stderr == "")
        #expect(masked(run.stdout) == """
            cronjob.batch/hello created
            NAME                       STATUS     COMPLETIONS   DURATION   AGE
            job.batch/hello-29460063   Complete   1/1           1s         2m9s
            job.batch/hello-29460064   Complete   1/1           1s         69s
            job.batch/hello-29460065   Complete   1/1           1s         9s

            NAME                       READY   STATUS      RESTARTS   AGE
            pod/hello-29460063-xxxxx   0/1     Completed   0          2m9s
            pod/hello-29460064-xxxxx   0/1     Completed   0          69s
            pod/hello-29460065-xxxxx   0/1     Completed   0          9s
            Deleted job hello-29460061
            Deleted job hello-29460062

            """)
    }

    @Test func forbidWaitsForTheRunningJobThenStartsTheMissedRun() {
        let run = runLab(Self.forbid.replacing("POLICY", with: "Forbid") + """

            sleep 140
            kubectl get cronjobs,jobs
            kubectl get events --field-selector involvedObject.kind=CronJob -o custom-columns=R:.reason,M:.message,C:.count --no-headers
            sleep 60
            kubectl get jobs
            """)
        #expect(run.stderr == "")
        #expect(masked(run.stdout) == """
            cronjob.batch/sleeper created
            NAME                    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
            cronjob.batch/sleeper   */1 * * * *   <none>     False     1        89s             2m26s

            NAME                         STATUS    COMPLETIONS   DURATION   AGE
            job.batch/sleeper-29460061   Running   0/1           89s        89s
            SuccessfulCreate   Created job sleeper-29460061                                                           1
            JobAlreadyActive   Not starting job because prior execution is running and concurrency policy is Forbid   1
            NAME               STATUS     COMPLETIONS   DURATION   AGE
            sleeper-29460061   Complete   1/1           2m32s      2m38s
            sleeper-29460063   Running    0/1           6s         6s

            """)
    }

    @Test func replaceDeletesTheRunningJobAndSuspendWaits() {
        let run = runLab(Self.forbid.replacing("POLICY", with: "Replace").replacing("sleeper", with: "rep") + """

            kubectl create cronjob paused --image=busybox --schedule='*/1 * * * *' -- true
            kubectl patch cronjob paused -p '{"spec":{"suspend":true}}'
            sleep 130
            kubectl get cronjobs,jobs
            kubectl get events --field-selector involvedObject.kind=CronJob -o custom-columns=O:.involvedObject.name,R:.reason,M:.message --no-headers
            kubectl patch cronjob paused -p '{"spec":{"suspend":false,"startingDeadlineSeconds":10}}'
            sleep 60
            kubectl get jobs
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            cronjob.batch/rep created
            cronjob.batch/paused created
            cronjob.batch/paused patched
            NAME                   SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
            cronjob.batch/paused   */1 * * * *   <none>     True      0        <none>          2m19s
            cronjob.batch/rep      */1 * * * *   <none>     False     1        25s             2m22s

            NAME                     STATUS    COMPLETIONS   DURATION   AGE
            job.batch/rep-29460062   Running   0/1           25s        25s
            rep   SuccessfulCreate   Created job rep-29460061
            rep   SuccessfulDelete   Deleted job rep-29460061
            rep   SuccessfulCreate   Created job rep-29460062
            cronjob.batch/paused patched
            NAME              STATUS     COMPLETIONS   DURATION   AGE
            paused-29460063   Complete   1/1           2s         37s
            rep-29460063      Running    0/1           37s        37s

            """)
    }

    /// Failed Jobs keep one (failedJobsHistoryLimit); the annotation reads the scheduled time in
    /// `spec.timeZone`; the template's labels go on the Job.
    @Test func aTimeZoneAndTheFailedHistory() {
        let run = runLab("""
            cat <<YAML | kubectl apply -f -
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: tokyo}
            spec:
              schedule: "*/1 * * * *"
              timeZone: Asia/Tokyo
              jobTemplate:
                metadata: {labels: {team: a}}
                spec:
                  backoffLimit: 0
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: s, image: busybox, command: ["false"]}]
            YAML
            sleep 130
            kubectl get cronjobs,jobs
            kubectl get events --field-selector involvedObject.kind=CronJob -o custom-columns=R:.reason,M:.message --no-headers
            kubectl get job tokyo-29460062 -o jsonpath='{.metadata.labels} {.metadata.annotations}{"\\n"}'
            kubectl delete cronjob tokyo
            kubectl get jobs,pods
            """)
        #expect(run.stderr == "No resources found in default namespace.\n")
        #expect(run.stdout == """
            cronjob.batch/tokyo created
            NAME                  SCHEDULE      TIMEZONE     SUSPEND   ACTIVE   LAST SCHEDULE   AGE
            cronjob.batch/tokyo   */1 * * * *   Asia/Tokyo   False     0        19s             2m16s

            NAME                       STATUS   COMPLETIONS   DURATION   AGE
            job.batch/tokyo-29460062   Failed   0/1           19s        19s
            SuccessfulCreate   Created job tokyo-29460061
            SawCompletedJob    Saw completed job: tokyo-29460061, condition: Failed
            SuccessfulCreate   Created job tokyo-29460062
            SuccessfulDelete   Deleted job tokyo-29460061
            SawCompletedJob    Saw completed job: tokyo-29460062, condition: Failed
            {"team":"a"} {"batch.kubernetes.io/cronjob-scheduled-timestamp":"2026-01-05T18:02:00+09:00"}
            cronjob.batch "tokyo" deleted

            """)
    }

    /// The lab's validation lets an unknown zone through (the API server would refuse it), so the
    /// controller's own check speaks, once.
    @Test func anUnknownTimeZoneIsTheControllersEvent() {
        let run = runLab("""
            kubectl create cronjob mars --image=busybox --schedule='*/1 * * * *' --dry-run=client -o yaml | sed 's/^spec:/spec:\\n  timeZone: Mars\\/Olympus/' | kubectl apply -f -
            sleep 130
            kubectl get jobs
            kubectl get events --field-selector involvedObject.kind=CronJob -o custom-columns=R:.reason,M:.message,C:.count --no-headers
            """)
        #expect(run.stdout == """
            cronjob.batch/mars created
            UnknownTimeZone   invalid timeZone: "Mars/Olympus": unknown time zone Mars/Olympus   1

            """)
        #expect(run.stderr == "No resources found in default namespace.\n")
    }
}

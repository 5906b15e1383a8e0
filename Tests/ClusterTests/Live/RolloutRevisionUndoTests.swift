import Cluster
import LabTestSupport
import Testing

/// `kubectl rollout history` and `undo` on DaemonSets and StatefulSets: revisions are the
/// ControllerRevisions, undo puts a revision's template back and it becomes the newest.
struct RolloutRevisionUndoTests {
    static let daemonSet = """
        kubectl create -f - <<EOF
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          selector:
            matchLabels: {app: agent}
          template:
            metadata:
              labels: {app: agent}
            spec:
              containers:
              - name: agent
                image: busybox
                command: ["sleep", "3600"]
        EOF
        """

    static let statefulSet = """
        kubectl create -f - <<EOF
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          serviceName: db
          replicas: 2
          selector:
            matchLabels: {app: db}
          template:
            metadata:
              labels: {app: db}
            spec:
              containers:
              - name: db
                image: redis
        EOF
        """

    @Test func daemonSetUndo() {
        let run = runLab(Self.daemonSet + """

            kubectl rollout undo ds/agent
            kubectl rollout status ds/agent >/dev/null
            kubectl set image ds/agent agent=busybox:1.36
            kubectl rollout status ds/agent >/dev/null
            kubectl rollout history ds/agent
            kubectl rollout history ds/agent --revision=1
            kubectl rollout undo ds/agent --dry-run=client | head -2
            kubectl rollout undo ds/agent
            kubectl rollout status ds/agent
            kubectl rollout history daemonset agent
            kubectl get controllerrevision -o custom-columns=REVISION:.revision,IMAGE:.data.spec.template.spec.containers[0].image --sort-by=.revision
            kubectl get pods -l app=agent -o jsonpath='{.items[*].spec.containers[0].image}{"\\n"}'
            kubectl rollout undo ds/agent --to-revision=3
            kubectl rollout undo ds/agent --to-revision=1
            kubectl rollout history ds/agent --revision=9
            kubectl rollout history ds/agent -o name
            """)
        #expect(run.stderr == """
            error: no last revision to roll back to
            error: unable to find specified revision 1 in history
            error: unable to find the specified revision

            """)
        #expect(run.stdout == """
            daemonset.apps/agent created
            daemonset.apps/agent image updated
            daemonset.apps/agent 
            REVISION  CHANGE-CAUSE
            1         <none>
            2         <none>

            daemonset.apps/agent with revision #1
            Pod Template:
              Labels:\tapp=agent
              Containers:
               agent:
                Image:\tbusybox
                Port:\t<none>
                Host Port:\t<none>
                Command:
                  sleep
                  3600
                Environment:\t<none>
                Mounts:\t<none>
              Volumes:\t<none>
              Node-Selectors:\t<none>
              Tolerations:\t<none>

            daemonset.apps/agent will roll back to Pod Template:
              Labels:\tapp=agent
            daemonset.apps/agent rolled back
            Waiting for daemon set "agent" rollout to finish: 0 out of 1 new pods have been updated...
            Waiting for daemon set "agent" rollout to finish: 0 of 1 updated pods are available...
            daemon set "agent" successfully rolled out
            daemonset.apps/agent 
            REVISION  CHANGE-CAUSE
            2         <none>
            3         <none>

            REVISION   IMAGE
            2          busybox:1.36
            3          busybox
            busybox
            daemonset.apps/agent skipped rollback (current template already matches revision 3)
            daemonset.apps/agent
            daemonset.apps/agent

            """)
    }

    @Test func statefulSetUndo() {
        let run = runLab(Self.statefulSet + """

            kubectl rollout status sts/db >/dev/null
            kubectl set image sts/db db=redis:7
            kubectl rollout status sts/db >/dev/null
            kubectl rollout history sts/db
            kubectl rollout undo sts/db
            kubectl rollout status sts/db
            kubectl rollout history sts/db
            kubectl get pods -l app=db -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
            kubectl rollout undo sts/db --dry-run=server
            kubectl rollout history sts/db --revision=2 | grep Image
            kubectl rollout pause sts/db
            """)
        #expect(run.stderr == """
            error: statefulsets.apps "db" pausing is not supported

            """)
        #expect(run.stdout == """
            statefulset.apps/db created
            statefulset.apps/db image updated
            statefulset.apps/db 
            REVISION  CHANGE-CAUSE
            1         <none>
            2         <none>

            statefulset.apps/db rolled back
            Waiting for 1 pods to be ready...
            partitioned roll out complete: 2 new pods have been updated...
            statefulset.apps/db 
            REVISION  CHANGE-CAUSE
            2         <none>
            3         <none>

            NAME   IMAGE
            db-0   redis
            db-1   redis
            statefulset.apps/db rolled back (server dry run)
                Image:\tredis:7

            """)
    }
}

import Cluster
import LabTestSupport
import Testing

/// `kubectl rollout status` runs the cluster on and prints each new status line as kubectl's
/// status viewers word it, until the rollout is done or `--timeout` passes.
struct RolloutStatusTests {
    @Test func deploymentRolloutsAreFollowedToTheEnd() {
        let run = runLab("""
            kubectl create deploy web --image=nginx --replicas=3
            kubectl rollout status deploy/web
            kubectl set image deploy/web nginx=nginx:1.27
            kubectl rollout status deploy/web
            kubectl -n kube-system rollout status ds/kube-proxy
            kubectl set image deploy/web nginx=nginx:nope
            kubectl rollout status deploy/web --timeout=20s
            echo "status $?"
            kubectl rollout status deploy/web --watch=false
            """)
        #expect(run.stderr == "error: timed out waiting for the condition\n")
        #expect(run.stdout == """
            deployment.apps/web created
            Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...
            Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...
            Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...
            deployment "web" successfully rolled out
            deployment.apps/web image updated
            Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...
            Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...
            Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
            deployment "web" successfully rolled out
            daemon set "kube-proxy" successfully rolled out
            deployment.apps/web image updated
            Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...
            status 1
            Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...

            """)
    }

    @Test func refusals() {
        let run = runLab("""
            kubectl rollout status
            kubectl run p --image=nginx
            kubectl rollout status pod/p
            kubectl -n kube-system rollout status rs/coredns-668d6bf9bc
            kubectl rollout status deploy/a deploy/b
            """)
        #expect(run.stderr == """
            error: required resource not specified
            error: no status viewer has been implemented for Pod
            error: no status viewer has been implemented for ReplicaSet.apps
            Error from server (NotFound): deployments.apps "a" not found

            """)
    }

    /// A type alone means every object of it (`ResourceTypeOrNameArgs(true, …)`): one is followed,
    /// any other count is refused with v1.32's words.
    @Test func aTypeAloneNeedsExactlyOneObject() {
        let run = runLab("""
            kubectl rollout status deployment
            kubectl create deploy web --image=nginx
            kubectl rollout status deployment
            kubectl -n kube-system rollout status daemonset
            kubectl -n kube-system rollout status deploy -l k8s-app=kube-dns
            """)
        #expect(run.stdout == """
            deployment.apps/web created
            Waiting for deployment "web" rollout to finish: 0 of 1 updated replicas are available...
            deployment "web" successfully rolled out
            deployment "coredns" successfully rolled out

            """)
        #expect(run.stderr == """
            error: watch is only supported on individual resources and resource collections - 0 resources were found
            error: watch is only supported on individual resources and resource collections - 2 resources were found

            """)
    }

    @Test func statefulSetRolloutWaitsForEveryPod() {
        let run = runLab("""
            kubectl create -f - <<EOF
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
            spec:
              serviceName: web
              replicas: 2
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: nginx
                    image: nginx
            EOF
            kubectl rollout status sts/web
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            statefulset.apps/web created
            Waiting for 2 pods to be ready...
            Waiting for 1 pods to be ready...
            partitioned roll out complete: 2 new pods have been updated...

            """)
    }

    /// A rollout that cannot progress ends after progressDeadlineSeconds (600) with kubectl's error.
    @Test func aStuckRolloutExceedsItsProgressDeadline() {
        let run = runLab("""
            kubectl create deploy web --image=nginx:nope
            kubectl rollout status deploy/web
            echo "status $?"
            kubectl get deploy web
            kubectl describe deploy web | grep -A3 Conditions
            """)
        #expect(run.stderr == "error: deployment \"web\" exceeded its progress deadline\n")
        #expect(run.stdout == """
            deployment.apps/web created
            Waiting for deployment "web" rollout to finish: 0 of 1 updated replicas are available...
            status 1
            NAME   READY   UP-TO-DATE   AVAILABLE   AGE
            web    0/1     1            0           10m
            Conditions:
              Type           Status  Reason
              ----           ------  ------
              Available      False   MinimumReplicasUnavailable

            """)
    }
}

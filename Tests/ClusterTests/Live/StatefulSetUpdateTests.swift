import Cluster
import LabTestSupport
import Testing

/// StatefulSet updates (k8s `stateful_set_control.go`): highest ordinal first, one pod at a time,
/// only ordinals at or above the partition; `maxUnavailable` is ignored (the
/// MaxUnavailableStatefulSet gate is off in v1.32); currentRevision becomes updateRevision when
/// every pod is updated and ready; scale-down removes the highest ordinals.
struct StatefulSetUpdateTests {
    @Test func partitionedRollingUpdateInReverseOrder() {
        let run = runLab("""
            cat <<EOF | kubectl apply -f -
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
            spec:
              serviceName: web
              replicas: 3
              selector:
                matchLabels: {app: web}
              updateStrategy:
                rollingUpdate: {partition: 1, maxUnavailable: 2}
              persistentVolumeClaimRetentionPolicy: {whenScaled: Delete}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.26
            EOF
            sleep 60
            kubectl get pods -l app=web
            kubectl set image sts/web nginx=nginx:1.27
            sleep 3
            kubectl get pods -l app=web -L controller-revision-hash
            sleep 30
            kubectl get pods -l app=web -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
            kubectl get sts web -o jsonpath='{.status.currentRevision} {.status.updateRevision} {.status.currentReplicas} {.status.updatedReplicas}{"\\n"}'
            kubectl patch sts web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}'
            kubectl rollout status sts/web
            kubectl get pods -l app=web -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
            kubectl get sts web -o jsonpath='{.status.currentRevision} {.status.updateRevision} {.status.currentReplicas} {.status.updatedReplicas}{"\\n"}'
            kubectl scale sts web --replicas=1
            sleep 30
            kubectl get pods,pvc
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            statefulset.apps/web created
            NAME    READY   STATUS    RESTARTS   AGE
            web-0   1/1     Running   0          66s
            web-1   1/1     Running   0          62s
            web-2   1/1     Running   0          61s
            statefulset.apps/web image updated
            NAME    READY   STATUS    RESTARTS   AGE   CONTROLLER-REVISION-HASH
            web-0   1/1     Running   0          78s   web-7989497b58
            web-1   1/1     Running   0          5s    web-7dd4c748c7
            web-2   1/1     Running   0          9s    web-7dd4c748c7
            NAME    IMAGE
            web-0   nginx:1.26
            web-1   nginx:1.27
            web-2   nginx:1.27
            web-7989497b58 web-7dd4c748c7 1 2
            statefulset.apps/web patched
            partitioned roll out complete: 3 new pods have been updated...
            NAME    IMAGE
            web-0   nginx:1.27
            web-1   nginx:1.27
            web-2   nginx:1.27
            web-7dd4c748c7 web-7dd4c748c7 3 3
            statefulset.apps/web scaled
            NAME        READY   STATUS    RESTARTS   AGE
            pod/web-0   1/1     Running   0          48s

            """)
    }
}

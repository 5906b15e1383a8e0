import Cluster
import LabTestSupport
import Testing

/// Claims and volumes: a StatefulSet's claims wait with no volume to bind (the pod Pending with the
/// scheduler's VolumeBinding message, the claim with FailedBinding), and bind to the smallest
/// volume that fits once volumes exist; then the pods run, one after another.
struct VolumeBindingTests {
    @Test func statefulSetClaimsWaitForVolumesThenBind() {
        let run = runLab("""
            cat > sts.yaml <<EOF
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
                  - name: c
                    image: nginx
                    volumeMounts:
                    - name: data
                      mountPath: /data
              volumeClaimTemplates:
              - metadata:
                  name: data
                spec:
                  accessModes: [ReadWriteOnce]
                  resources:
                    requests:
                      storage: 1Gi
            EOF
            kubectl apply -f sts.yaml
            sleep 20
            kubectl get sts,pods,pvc
            kubectl describe pod db-0 | tail -1
            kubectl describe pvc data-db-0 | tail -1
            cat > pv.yaml <<EOF
            apiVersion: v1
            kind: PersistentVolume
            metadata:
              name: pv-small
            spec:
              capacity:
                storage: 2Gi
              accessModes: [ReadWriteOnce]
              hostPath:
                path: /data/pv-small
            EOF
            kubectl apply -f pv.yaml
            sed 's/pv-small/pv-big/g; s/2Gi/5Gi/' pv.yaml | kubectl apply -f -
            sleep 30
            kubectl get pv,pvc
            kubectl get pods
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            statefulset.apps/db created
            NAME                  READY   AGE
            statefulset.apps/db   0/2     26s

            NAME       READY   STATUS    RESTARTS   AGE
            pod/db-0   0/1     Pending   0          26s

            NAME                              STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
            persistentvolumeclaim/data-db-0   Pending                                                     <unset>                 26s
              Warning  FailedScheduling  29s   default-scheduler  0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.
              Normal  FailedBinding  32s   persistentvolume-controller  no persistent volumes available for this claim and no storage class is set
            persistentvolume/pv-small created
            persistentvolume/pv-big created
            NAME                        CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM               STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE
            persistentvolume/pv-big     5Gi        RWO            Retain           Bound    default/data-db-1                  <unset>                          36s
            persistentvolume/pv-small   2Gi        RWO            Retain           Bound    default/data-db-0                  <unset>                          39s

            NAME                              STATUS   VOLUME     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
            persistentvolumeclaim/data-db-0   Bound    pv-small   2Gi        RWO                           <unset>                 77s
            persistentvolumeclaim/data-db-1   Bound    pv-big     5Gi        RWO                           <unset>                 35s
            NAME   READY   STATUS    RESTARTS   AGE
            db-0   1/1     Running   0          80s
            db-1   1/1     Running   0          38s

            """)
    }

    @Test func aPodNamingAMissingClaimWaits() {
        let run = runLab("""
            cat <<EOF | kubectl apply -f -
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
              - name: c
                image: nginx
              volumes:
              - name: data
                persistentVolumeClaim:
                  claimName: missing
            EOF
            sleep 5
            kubectl get events --field-selector reason=FailedScheduling -o custom-columns=MESSAGE:.message --no-headers
            """)
        #expect(run.stdout == """
            pod/app created
            0/2 nodes are available: persistentvolumeclaim "missing" not found. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.

            """)
    }
}

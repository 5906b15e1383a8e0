import Cluster
import LabTestSupport
import Testing

/// A claim's volume is the bound PV's storage on the node: what a StatefulSet pod writes through
/// its claim lands in the PV's hostPath and is there again for the pod that replaces it.
struct ClaimStorageTests {
    @Test func statefulSetDataOutlivesItsPod() {
        let run = runLab("""
            cat > web.yaml <<EOF
            apiVersion: v1
            kind: PersistentVolume
            metadata:
              name: pv-web
            spec:
              capacity:
                storage: 1Gi
              accessModes: [ReadWriteOnce]
              hostPath:
                path: /mnt/data
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
            spec:
              serviceName: nginx
              replicas: 1
              selector:
                matchLabels: {app: nginx}
              template:
                metadata:
                  labels: {app: nginx}
                spec:
                  containers:
                  - name: nginx
                    image: nginx
                    volumeMounts:
                    - name: www
                      mountPath: /usr/share/nginx/html
              volumeClaimTemplates:
              - metadata:
                  name: www
                spec:
                  accessModes: [ReadWriteOnce]
                  resources:
                    requests:
                      storage: 1Gi
            EOF
            kubectl apply -f web.yaml
            sleep 30
            kubectl get pvc www-web-0 --no-headers -o custom-columns=STATUS:.status.phase,VOLUME:.spec.volumeName
            kubectl exec web-0 -- sh -c 'echo hi > /usr/share/nginx/html/index.html'
            ssh node01 cat /mnt/data/index.html
            kubectl delete pod web-0
            sleep 20
            kubectl exec web-0 -- cat /usr/share/nginx/html/index.html
            kubectl exec web-0 -- ls /usr/share/nginx/html
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            persistentvolume/pv-web created
            statefulset.apps/web created
            Bound   pv-web
            hi
            pod "web-0" deleted
            hi
            index.html

            """)
    }

    @Test func aReadOnlyClaimRefusesWrites() {
        let run = runLab("""
            cat <<EOF | kubectl apply -f -
            apiVersion: v1
            kind: PersistentVolume
            metadata:
              name: pv1
            spec:
              capacity: {storage: 1Gi}
              accessModes: [ReadWriteOnce]
              storageClassName: manual
              hostPath: {path: /srv/pv1}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: c1
            spec:
              storageClassName: manual
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 500Mi}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: reader
            spec:
              nodeName: node01
              containers:
              - name: c
                image: nginx
                volumeMounts: [{name: d, mountPath: /d}]
              volumes:
              - name: d
                persistentVolumeClaim: {claimName: c1, readOnly: true}
            EOF
            ssh node01 'mkdir -p /srv/pv1; echo from-node > /srv/pv1/f'
            sleep 15
            kubectl exec reader -- cat /d/f
            kubectl exec reader -- touch /d/g
            echo $?
            """)
        #expect(run.stdout == """
            persistentvolume/pv1 created
            persistentvolumeclaim/c1 created
            pod/reader created
            from-node
            1

            """)
        #expect(run.stderr == "touch: cannot touch '/d/g': Read-only file system\ncommand terminated with exit code 1\n")
    }
}

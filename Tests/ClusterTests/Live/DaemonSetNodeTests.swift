import Cluster
import LabTestSupport
import Testing

/// A DaemonSet's pods follow the nodes: a label that makes a node eligible brings a pod, removing
/// it takes the pod away, a deleted node's pods go; a Job's pods carry the API server's labels.
struct DaemonSetNodeTests {
    @Test func podsFollowNodeLabels() {
        let run = runLab("""
            cat <<EOF | kubectl apply -f -
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: mon
            spec:
              selector:
                matchLabels: {app: mon}
              template:
                metadata:
                  labels: {app: mon}
                spec:
                  nodeSelector: {disk: ssd}
                  containers:
                  - name: c
                    image: nginx
            EOF
            kubectl get ds mon
            kubectl label node node01 disk=ssd
            sleep 10
            kubectl get ds mon
            kubectl get pods -l app=mon -o custom-columns=NODE:.spec.nodeName,PHASE:.status.phase
            kubectl label node node01 disk-
            sleep 10
            kubectl get pods -l app=mon
            kubectl get ds mon
            """)
        #expect(run.stderr == "No resources found in default namespace.\n")
        #expect(run.stdout == """
            daemonset.apps/mon created
            NAME   DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            mon    0         0         0       0            0           disk=ssd        3s
            node/node01 labeled
            NAME   DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            mon    1         1         1       1            1           disk=ssd        22s
            NODE     PHASE
            node01   Running
            node/node01 unlabeled
            NAME   DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            mon    0         0         0       0            0           disk=ssd        47s

            """)
    }

    /// The pod garbage collector removes what was bound to the node 40 s after it went.
    @Test func aDeletedNodeTakesItsDaemonPodsWithIt() {
        let run = runLab("""
            kubectl delete node node01
            sleep 70
            kubectl -n kube-system get ds kube-proxy
            kubectl -n kube-system get pods -o wide | grep -c node01
            """)
        #expect(run.stdout == """
            node "node01" deleted
            NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
            kube-proxy   1         1         1       1            1           kubernetes.io/os=linux   25d
            0

            """)
    }

    @Test func jobPodsCarryTheGeneratedLabels() {
        let run = runLab("""
            kubectl create job pi --image=busybox -- echo 3.14
            kubectl get job pi -o jsonpath='{.spec.selector.matchLabels}{"\\n"}' | sed 's/[0-9a-f-]\\{36\\}/UID/'
            kubectl get job pi -o jsonpath='{.metadata.labels}{"\\n"}' | sed 's/[0-9a-f-]\\{36\\}/UID/g'
            sleep 10
            kubectl get pods -l job-name=pi -o custom-columns=PHASE:.status.phase --no-headers
            kubectl logs -l batch.kubernetes.io/job-name=pi
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            job.batch/pi created
            {"batch.kubernetes.io/controller-uid":"UID"}
            {"batch.kubernetes.io/controller-uid":"UID","batch.kubernetes.io/job-name":"pi","controller-uid":"UID","job-name":"pi"}
            Succeeded
            3.14

            """)
    }
}

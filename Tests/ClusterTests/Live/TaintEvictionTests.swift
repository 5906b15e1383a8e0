import Cluster
import LabTestSupport
import Testing

/// A `NoExecute` taint evicts what does not tolerate it at once, and what tolerates it for
/// `tolerationSeconds` when they run out; the taint eviction controller says so in events.
struct TaintEvictionTests {
    @Test func noExecuteEvictsUntoleratedPodsAtOnceAndTheOthersInTime() {
        let run = runLab("""
            kubectl create deploy web --image=nginx --replicas=2
            cat > patient.yaml <<'EOF'
            apiVersion: v1
            kind: Pod
            metadata:
              name: patient
            spec:
              nodeName: node01
              tolerations:
              - key: maint
                operator: Exists
                effect: NoExecute
                tolerationSeconds: 60
              containers:
              - name: c
                image: nginx
            EOF
            kubectl apply -f patient.yaml
            sleep 10
            kubectl get pods --no-headers | grep -c Running
            kubectl taint node node01 maint=yes:NoExecute
            kubectl get pods
            sleep 60
            kubectl get pods -l app=web --no-headers | grep -c Pending
            kubectl get pod patient
            kubectl get events --field-selector reason=TaintManagerEviction -o custom-columns=POD:.involvedObject.name,MESSAGE:.message,FROM:.source.component --sort-by=.involvedObject.name
            """)
        // The web pods went at once (their replacements cannot go anywhere: controlplane is
        // tainted too); patient went when its 60 s ran out.
        #expect(run.stdout == """
            deployment.apps/web created
            pod/patient created
            3
            node/node01 tainted
            NAME                   READY   STATUS    RESTARTS   AGE
            patient                1/1     Running   0          22s
            web-78587765b9-j5fnw   0/1     Pending   0          3s
            web-78587765b9-nng6l   0/1     Pending   0          3s
            2
            POD                    MESSAGE                                                 FROM
            patient                Marking for deletion Pod default/patient                taint-eviction-controller
            web-78587765b9-bnfx5   Marking for deletion Pod default/web-78587765b9-bnfx5   taint-eviction-controller
            web-78587765b9-fzkp8   Marking for deletion Pod default/web-78587765b9-fzkp8   taint-eviction-controller

            """)
        #expect(run.stderr == "Error from server (NotFound): pods \"patient\" not found\n")
    }
}

import Cluster
import LabTestSupport
import Testing

/// Adoption by Deployments and ReplicaSets (k8s `ClaimReplicaSets`, `ClaimPods`): after
/// `--cascade=orphan`, a Deployment adopts the ReplicaSets its selector matches — the one with its
/// template is its new ReplicaSet again (no pod restarts), others are old ones it scales down —
/// and a ReplicaSet adopts the orphaned pods its selector matches.
struct AdoptionTests {
    static let owners = "kubectl get rs,pods -o custom-columns=KIND:.kind,NAME:.metadata.name,OWNER:.metadata.ownerReferences[*].name,CONTROLLER:.metadata.ownerReferences[*].controller,REPLICAS:.spec.replicas"

    @Test func aRecreatedDeploymentAdoptsItsReplicaSetAndTheReplicaSetItsPods() {
        let run = runLab("""
            kubectl create deployment web --image=nginx:1.26 --replicas=2
            sleep 20
            kubectl get pods -o name > before
            kubectl delete deploy web --cascade=orphan
            sleep 5
            \(Self.owners)
            kubectl create deployment web --image=nginx:1.26 --replicas=2
            \(Self.owners)
            kubectl get pods -o name | diff before - && echo same pods
            kubectl get deploy web
            kubectl rollout history deploy web
            kubectl delete rs web-7989497b58 --cascade=orphan
            sleep 3
            \(Self.owners)
            kubectl get pods -o name | diff before - && echo same pods
            kubectl get events --field-selector involvedObject.kind=Deployment
            """)
        #expect(run.stderr == "")
        #expect(LiveMasking.masked(run.stdout) == """
            deployment.apps/web created
            deployment.apps "web" deleted
            KIND         NAME                   OWNER            CONTROLLER   REPLICAS
            ReplicaSet   web-7989497b58         <none>           <none>       2
            Pod          web-hhhhhhhhhh-xxxxx   web-7989497b58   true         <none>
            Pod          web-hhhhhhhhhh-xxxxx   web-7989497b58   true         <none>
            deployment.apps/web created
            KIND         NAME                   OWNER            CONTROLLER   REPLICAS
            ReplicaSet   web-7989497b58         web              true         2
            Pod          web-hhhhhhhhhh-xxxxx   web-7989497b58   true         <none>
            Pod          web-hhhhhhhhhh-xxxxx   web-7989497b58   true         <none>
            same pods
            NAME   READY   UP-TO-DATE   AVAILABLE   AGE
            web    2/2     2            2           9s
            deployment.apps/web 
            REVISION  CHANGE-CAUSE
            1         <none>

            replicaset.apps "web-7989497b58" deleted
            KIND         NAME                   OWNER            CONTROLLER   REPLICAS
            ReplicaSet   web-7989497b58         web              true         2
            Pod          web-hhhhhhhhhh-xxxxx   web-7989497b58   true         <none>
            Pod          web-hhhhhhhhhh-xxxxx   web-7989497b58   true         <none>
            same pods
            LAST SEEN   TYPE     REASON              OBJECT           MESSAGE
            73s         Normal   ScalingReplicaSet   deployment/web   Scaled up replica set web-7989497b58 from 0 to 2
            15s         Normal   ScalingReplicaSet   deployment/web   Scaled up replica set web-7989497b58 from 0 to 2

            """)
    }

    @Test func anAdoptedReplicaSetWithAnotherTemplateIsRolledAway() {
        let run = runLab("""
            kubectl create deployment web --image=nginx:1.26 --replicas=2
            sleep 20
            kubectl delete deploy web --cascade=orphan
            sleep 3
            kubectl create deployment web --image=nginx:1.27 --replicas=2
            \(Self.owners)
            sleep 20
            \(Self.owners)
            kubectl rollout history deploy web
            kubectl get events --field-selector involvedObject.kind=Deployment
            """)
        #expect(run.stderr == "")
        // The new ReplicaSet starts with maxSurge (1) beside the adopted one's 2 pods.
        #expect(LiveMasking.masked(run.stdout) == """
            deployment.apps/web created
            deployment.apps "web" deleted
            deployment.apps/web created
            KIND         NAME                   OWNER            CONTROLLER   REPLICAS
            ReplicaSet   web-7989497b58         web              true         2
            ReplicaSet   web-7dd4c748c7         web              true         1
            Pod          web-hhhhhhhhhh-xxxxx   web-7989497b58   true         <none>
            Pod          web-hhhhhhhhhh-xxxxx   web-7989497b58   true         <none>
            Pod          web-hhhhhhhhhh-xxxxx   web-7dd4c748c7   true         <none>
            KIND         NAME                   OWNER            CONTROLLER   REPLICAS
            ReplicaSet   web-7989497b58         web              true         0
            ReplicaSet   web-7dd4c748c7         web              true         2
            Pod          web-hhhhhhhhhh-xxxxx   web-7dd4c748c7   true         <none>
            Pod          web-hhhhhhhhhh-xxxxx   web-7dd4c748c7   true         <none>
            deployment.apps/web 
            REVISION  CHANGE-CAUSE
            1         <none>
            2         <none>

            LAST SEEN   TYPE     REASON              OBJECT           MESSAGE
            70s         Normal   ScalingReplicaSet   deployment/web   Scaled up replica set web-7989497b58 from 0 to 2
            35s         Normal   ScalingReplicaSet   deployment/web   Scaled up replica set web-7dd4c748c7 from 0 to 1
            31s         Normal   ScalingReplicaSet   deployment/web   Scaled down replica set web-7989497b58 from 2 to 1
            31s         Normal   ScalingReplicaSet   deployment/web   Scaled up replica set web-7dd4c748c7 from 1 to 2
            30s         Normal   ScalingReplicaSet   deployment/web   Scaled down replica set web-7989497b58 from 1 to 0

            """)
    }
}

import Cluster
import LabTestSupport
import Testing

/// A worker joining while the lab runs (`World.join`, what `kubeadm join` leaves) and one removed
/// with `kubectl delete node`: the DaemonSets follow each, as the real controller does; the pods of
/// a deleted node are removed by the pod GC (orphaned pods, after its 40 s quarantine).
struct NodeJoinTests {
    /// Seed 000's `config` DaemonSet, tolerating the control plane so it runs on both nodes.
    static let config = """
        cat <<EOF | kubectl apply -f -
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: config
        spec:
          selector:
            matchLabels: {app: config}
          template:
            metadata:
              labels: {app: config}
            spec:
              tolerations:
              - key: node-role.kubernetes.io/control-plane
                effect: NoSchedule
              volumes:
              - name: config
                hostPath: {path: /config}
              containers:
              - image: busybox
                name: busybox
                command: ["/bin/sh", "-c"]
                args: ["echo 'Hello, k8s Day 17！' > /configuration/conf ; sleep 3000"]
                volumeMounts:
                - name: config
                  mountPath: /configuration
        EOF
        """

    /// node02's pods (canal's install-cni puts the network config there, which makes the node Ready).
    static let pods = "kubectl get pods -A --field-selector spec.nodeName=node02 -o custom-columns=NAMESPACE:.metadata.namespace,NAME:.metadata.name,PHASE:.status.phase --sort-by=.metadata.name"

    @Test func aJoinedNodeGetsTheDaemonSetsAndADeletedOneLosesThem() {
        let world = World()
        let before = runLab("""
            \(Self.config)
            sleep 10
            kubectl get ds config
            """, world: world)
        #expect(before.stderr == "")
        #expect(world.join(WorldDescription.NodeSpec(name: "node02", address: "")) == nil)
        #expect(world.join(WorldDescription.NodeSpec(name: "node02", address: "")) == #"join: node "node02" already exists"#)
        let joined = runLab("""
            kubectl get nodes
            sleep 5
            kubectl get nodes
            \(Self.pods)
            kubectl get ds -A
            sleep 30
            kubectl get nodes
            kubectl get ds config
            \(Self.pods)
            ssh node02 cat /config/conf
            kubectl drain node02 --ignore-daemonsets
            kubectl delete node node02
            kubectl get ds config
            \(Self.pods)
            sleep 45
            \(Self.pods)
            kubectl get ds -A
            """, world: world)
        #expect(LiveMasking.masked(joined.stderr) == """
            Warning: ignoring DaemonSet-managed Pods: default/config-xxxxx, kube-system/canal-xxxxx, kube-system/kube-proxy-xxxxx

            """)
        // NotReady until canal's install-cni writes the network config (the learner's DaemonSet waits for
        // Ready; kube-proxy and canal tolerate it); after the delete the pods stay until the pod GC's 40 s quarantine ends.
        #expect(LiveMasking.masked(before.stdout + joined.stdout) == """
            daemonset.apps/config created
            NAME     DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            config   2         2         2       2            2           <none>          16s
            NAME           STATUS     ROLES           AGE   VERSION
            controlplane   Ready      control-plane   25d   v1.32.4
            node01         Ready      <none>          24d   v1.32.4
            node02         NotReady   <none>          0s    v1.32.4
            NAME           STATUS   ROLES           AGE   VERSION
            controlplane   Ready    control-plane   25d   v1.32.4
            node01         Ready    <none>          24d   v1.32.4
            node02         Ready    <none>          11s   v1.32.4
            NAMESPACE     NAME               PHASE
            kube-system   canal-xxxxx        Running
            default       config-xxxxx       Running
            kube-system   kube-proxy-xxxxx   Running
            NAMESPACE     NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
            default       config       3         3         3       3            3           <none>                   36s
            kube-system   canal        3         3         3       3            3           kubernetes.io/os=linux   24d
            kube-system   kube-proxy   3         3         3       3            3           kubernetes.io/os=linux   25d
            NAME           STATUS   ROLES           AGE   VERSION
            controlplane   Ready    control-plane   25d   v1.32.4
            node01         Ready    <none>          25d   v1.32.4
            node02         Ready    <none>          53s   v1.32.4
            NAME     DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            config   3         3         3       3            3           <none>          75s
            NAMESPACE     NAME               PHASE
            kube-system   canal-xxxxx        Running
            default       config-xxxxx       Running
            kube-system   kube-proxy-xxxxx   Running
            Hello, k8s Day 17！
            node/node02 cordoned
            node/node02 drained
            node "node02" deleted
            NAME     DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            config   2         2         2       2            2           <none>          90s
            NAMESPACE     NAME               PHASE
            kube-system   canal-xxxxx        Running
            default       config-xxxxx       Running
            kube-system   kube-proxy-xxxxx   Running
            NAMESPACE   NAME   PHASE
            NAMESPACE     NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
            default       config       2         2         2       2            2           <none>                   2m27s
            kube-system   canal        2         2         2       2            2           kubernetes.io/os=linux   25d
            kube-system   kube-proxy   2         2         2       2            2           kubernetes.io/os=linux   25d

            """)
    }
}

import Cluster
import LabTestSupport
import Testing

/// The kubelet as a systemd service: a broken config file keeps it from starting (the error in
/// the journal, the node NotReady after the grace period), fixing it brings the node back;
/// a stopped kubelet makes the node controller taint the node; staticPodPath moves static pods.
struct KubeletStoryTests {
    @Test func aBrokenConfigFileKeepsTheKubeletDownUntilFixed() {
        let run = runLab("""
            ssh node01
            sed -i 's/^kind: KubeletConfiguration/kind: KubeletConfigurationn/' /var/lib/kubelet/config.yaml
            systemctl restart kubelet
            systemctl status kubelet | sed -n 5p
            journalctl -u kubelet | tail -3 | cut -c1-140
            exit
            sleep 50
            kubectl get nodes
            ssh node01 "sed -i 's/^kind: KubeletConfigurationn/kind: KubeletConfiguration/' /var/lib/kubelet/config.yaml"
            sleep 12
            kubectl get nodes
            ssh node01 systemctl is-active kubelet
            """)
        #expect(run.stderr == "logout\nConnection to node01 closed.\n")
        #expect(run.stdout == """
                 Active: activating (auto-restart) (Result: exit-code) since Mon 2026-01-05 09:00:09 UTC; 3s ago
            Jan 05 09:00:09 node01 kubelet[2031]: E0105 09:00:09.000000    2031 run.go:72] "command failed" err="failed to load kubelet config file, pat
            Jan 05 09:00:09 node01 systemd[1]: kubelet.service: Main process exited, code=exited, status=1/FAILURE
            Jan 05 09:00:09 node01 systemd[1]: kubelet.service: Failed with result 'exit-code'.
            NAME           STATUS     ROLES           AGE   VERSION
            controlplane   Ready      control-plane   25d   v1.32.4
            node01         NotReady   <none>          25d   v1.32.4
            NAME           STATUS   ROLES           AGE   VERSION
            controlplane   Ready    control-plane   25d   v1.32.4
            node01         Ready    <none>          25d   v1.32.4
            active

            """)
    }

    @Test func aStoppedKubeletGetsTheNodeTaintedAndStartingItUntaintsIt() {
        let run = runLab("""
            ssh node01 systemctl stop kubelet
            sleep 20
            kubectl get nodes
            sleep 30
            kubectl get nodes
            kubectl describe node node01 | grep -A1 Taints
            kubectl get events --field-selector involvedObject.kind=Node -o custom-columns=REASON:.reason,FROM:.source.component,MESSAGE:.message
            ssh node01 systemctl start kubelet
            sleep 5
            kubectl get nodes
            kubectl describe node node01 | grep Taints
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            NAME           STATUS   ROLES           AGE   VERSION
            controlplane   Ready    control-plane   25d   v1.32.4
            node01         Ready    <none>          24d   v1.32.4
            NAME           STATUS     ROLES           AGE   VERSION
            controlplane   Ready      control-plane   25d   v1.32.4
            node01         NotReady   <none>          25d   v1.32.4
            Taints:             node.kubernetes.io/unreachable:NoExecute
                                node.kubernetes.io/unreachable:NoSchedule
            REASON         FROM              MESSAGE
            NodeNotReady   node-controller   Node node01 status is now: NodeNotReady
            NAME           STATUS   ROLES           AGE   VERSION
            controlplane   Ready    control-plane   25d   v1.32.4
            node01         Ready    <none>          25d   v1.32.4
            Taints:             <none>

            """)
    }

    /// Moving staticPodPath and restarting the kubelet moves the static pods with it.
    @Test func changingStaticPodPathMovesTheStaticPods() {
        let run = runLab("""
            ssh node01
            mkdir -p /etc/kubelet.d
            cat > /etc/kubelet.d/static-web.yaml <<'EOF'
            apiVersion: v1
            kind: Pod
            metadata:
              name: static-web
            spec:
              containers:
              - name: web
                image: nginx
            EOF
            echo 'staticPodPath: /etc/kubelet.d' >> /var/lib/kubelet/config.yaml
            systemctl restart kubelet
            exit
            sleep 10
            kubectl get pods -o wide
            """)
        #expect(run.stderr == "logout\nConnection to node01 closed.\n")
        #expect(run.stdout == """
            NAME                READY   STATUS    RESTARTS   AGE   IP            NODE     NOMINATED NODE   READINESS GATES
            static-web-node01   1/1     Running   0          19s   192.168.1.3   node01   <none>           <none>

            """)
    }
}

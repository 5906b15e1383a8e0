import Cluster
import LabTestSupport
import Testing

/// The troubleshooting stories of a control plane run as static pods: break a manifest and the
/// cluster shows it the way a real one does; fix it and things come back.
struct ControlPlaneStoryTests {
    private static let refused = "The connection to the server 172.30.1.2:6443 was refused - did you specify the right host or port?\n"

    @Test func apiServerManifestMovedAwayAndBack() {
        let run = runLab("""
            mv /etc/kubernetes/manifests/kube-apiserver.yaml /root/
            sleep 5
            kubectl get nodes
            echo "status $?"
            mv /root/kube-apiserver.yaml /etc/kubernetes/manifests/
            kubectl get nodes
            sleep 30
            kubectl get nodes
            """)
        #expect(run.stderr == Self.refused + Self.refused)
        #expect(run.stdout == """
            status 1
            NAME           STATUS   ROLES           AGE   VERSION
            controlplane   Ready    control-plane   25d   v1.32.4
            node01         Ready    <none>          24d   v1.32.4

            """)
    }

    @Test func schedulerWithABadImageLeavesNewPodsPending() {
        let run = runLab("""
            sed -i 's/kube-scheduler:v1.32.4/kube-scheduler:v1.32.99/' /etc/kubernetes/manifests/kube-scheduler.yaml
            sleep 30
            kubectl -n kube-system get pod kube-scheduler-controlplane
            kubectl run web --image=nginx
            sleep 20
            kubectl get pod web
            kubectl get events -n kube-system --field-selector reason=Failed -o custom-columns=MESSAGE:.message --no-headers | sort -u
            sed -i 's/kube-scheduler:v1.32.99/kube-scheduler:v1.32.4/' /etc/kubernetes/manifests/kube-scheduler.yaml
            sleep 40
            kubectl -n kube-system get pod kube-scheduler-controlplane
            kubectl get pod web -o wide
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            NAME                          READY   STATUS         RESTARTS   AGE
            kube-scheduler-controlplane   0/1     ErrImagePull   0          35s
            pod/web created
            NAME   READY   STATUS    RESTARTS   AGE
            web    0/1     Pending   0          26s
            Error: ErrImagePull
            Error: ImagePullBackOff
            Failed to pull image "registry.k8s.io/kube-scheduler:v1.32.99": rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/kube-scheduler:v1.32.99": failed to resolve reference "registry.k8s.io/kube-scheduler:v1.32.99": registry.k8s.io/kube-scheduler:v1.32.99: not found
            NAME                          READY   STATUS    RESTARTS   AGE
            kube-scheduler-controlplane   1/1     Running   0          43s
            NAME   READY   STATUS    RESTARTS   AGE   IP            NODE     NOMINATED NODE   READINESS GATES
            web    1/1     Running   0          81s   192.168.1.3   node01   <none>           <none>

            """)
    }

    @Test func schedulerWithAnUnknownFlagCrashLoops() {
        let run = runLab("""
            sed -i 's/--leader-elect=true/--leader-elekt=true/' /etc/kubernetes/manifests/kube-scheduler.yaml
            sleep 60
            kubectl -n kube-system get pod kube-scheduler-controlplane
            kubectl -n kube-system logs kube-scheduler-controlplane
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            NAME                          READY   STATUS             RESTARTS      AGE
            kube-scheduler-controlplane   0/1     CrashLoopBackOff   3 (31s ago)   65s
            Error: unknown flag: --leader-elekt

            """)
    }

    @Test func controllerManagerWithATypoInItsCommandCannotStart() {
        let run = runLab("""
            sed -i 's/- kube-controller-manager$/- kube-controller-manajer/' /etc/kubernetes/manifests/kube-controller-manager.yaml
            sleep 30
            kubectl -n kube-system get pod kube-controller-manager-controlplane
            kubectl create deployment web --image=nginx
            sleep 10
            kubectl get deploy,rs,pods
            kubectl get events -n kube-system --field-selector reason=Failed -o custom-columns=MESSAGE:.message --no-headers | sort -u
            """)
        #expect(run.stderr == "")
        #expect(run.stdout.hasPrefix("NAME                                   READY   STATUS             RESTARTS     AGE\n"
            + "kube-controller-manager-controlplane   0/1     CrashLoopBackOff   3 (4s ago)   35s\n"))
        #expect(run.stdout.contains("""
            deployment.apps/web created
            NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
            deployment.apps/web   0/1     0            0           16s

            """))
        #expect(run.stdout.hasSuffix("""
            Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "kube-controller-manajer": executable file not found in $PATH: unknown

            """))
    }

    @Test func etcdDownTakesTheAPIServerWithIt() {
        let run = runLab("""
            mv /etc/kubernetes/manifests/etcd.yaml /root/
            sleep 20
            kubectl get pods
            mv /root/etcd.yaml /etc/kubernetes/manifests/
            sleep 30
            kubectl get pods
            """)
        #expect(run.stderr == Self.refused + "No resources found in default namespace.\n")
        #expect(run.stdout == "")
    }
}

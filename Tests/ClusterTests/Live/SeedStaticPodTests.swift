import Cluster
import LabTestSupport
import Testing

/// Seed 000 (Day 17, static pods) and seed 003 (how kubeadm works) replayed as a reader types
/// them: what each command prints in ckalab is what the seeds print (generated names masked).
struct SeedStaticPodTests {
    /// (GNU ls aligns columns with tabs on a terminal.)
    @Test func findingTheStaticPodPath() {
        let run = runLab("""
            ps aux | grep kubelet | grep -- --config | cut -c1-160
            cat /var/lib/kubelet/config.yaml | grep --color=never static
            COLUMNS=100 ls /etc/kubernetes/manifests
            journalctl -u kubelet | grep "static pod" | cut -c44-
            """, terminal: true)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            root         743  1.4  2.8 1956112 57888 ?        Ssl  08:57   0:04 /usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=
            staticPodPath: /etc/kubernetes/manifests
            etcd.yaml  kube-apiserver.yaml\tkube-controller-manager.yaml  kube-scheduler.yaml
            I0105 08:57:00.400000     743 kubelet.go:411] "Adding static pod path" path="/etc/kubernetes/manifests"

            """)
    }

    /// `kubectl run … --dry-run=client -o yaml > /etc/kubernetes/manifests/static-nginx.yaml`,
    /// then `kubectl delete` of the mirror pod: Pending for a moment, then Running again.
    @Test func staticNginxComesBackAfterDelete() {
        let world = World()
        let run = runLab("""
            kubectl run static-nginx --image nginx --dry-run=client -o yaml > /etc/kubernetes/manifests/static-nginx.yaml
            sleep 6
            kubectl get po
            kubectl delete po static-nginx-controlplane
            kubectl get po
            kubectl get po
            kubectl get po static-nginx-controlplane -o jsonpath='{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {.metadata.annotations.kubernetes\\.io/config\\.source}{"\\n"}'
            """, world: world)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            NAME                        READY   STATUS    RESTARTS   AGE
            static-nginx-controlplane   1/1     Running   0          11s
            pod "static-nginx-controlplane" deleted
            NAME                        READY   STATUS    RESTARTS   AGE
            static-nginx-controlplane   0/1     Pending   0          3s
            NAME                        READY   STATUS    RESTARTS   AGE
            static-nginx-controlplane   1/1     Running   0          6s
            Node/controlplane file

            """)
    }

    /// Seed 000's tip: moving a manifest out and back makes the kubelet read it again.
    @Test func movingAManifestOutStopsThePodAndBackStartsIt() {
        let run = runLab("""
            kubectl run static-nginx --image nginx --dry-run=client -o yaml > /etc/kubernetes/manifests/static-nginx.yaml
            sleep 10
            mv /etc/kubernetes/manifests/static-nginx.yaml /tmp
            sleep 30
            kubectl get po
            mv /tmp/static-nginx.yaml /etc/kubernetes/manifests
            sleep 10
            kubectl get po
            """)
        #expect(run.stderr == "No resources found in default namespace.\n")
        #expect(run.stdout == """
            NAME                        READY   STATUS    RESTARTS   AGE
            static-nginx-controlplane   1/1     Running   0          13s

            """)
    }

    /// Seed 003: control-plane pods are owned by the Node and come back; a pod you run does not.
    @Test func ownerReferencesDecideWhoComesBack() {
        let run = runLab("""
            kubectl -n kube-system get pod kube-scheduler-controlplane -o jsonpath='{.metadata.ownerReferences[0].kind} {.metadata.ownerReferences[0].name} {.metadata.ownerReferences[0].controller}{"\\n"}'
            kubectl -n kube-system get pods -l component=kube-controller-manager
            kubectl -n kube-system delete pod kube-controller-manager-controlplane
            kubectl -n kube-system get pods -l component=kube-controller-manager
            kubectl run nginx --image=nginx
            kubectl get pods
            sleep 3
            kubectl get pods
            kubectl get pods nginx -o jsonpath='{.metadata.ownerReferences}'
            kubectl delete pod nginx
            kubectl get pods
            """)
        #expect(run.stderr == "No resources found in default namespace.\n")
        #expect(run.stdout == """
            Node controlplane true
            NAME                                   READY   STATUS    RESTARTS   AGE
            kube-controller-manager-controlplane   1/1     Running   0          24d
            pod "kube-controller-manager-controlplane" deleted
            NAME                                   READY   STATUS    RESTARTS   AGE
            kube-controller-manager-controlplane   0/1     Pending   0          3s
            pod/nginx created
            NAME    READY   STATUS              RESTARTS   AGE
            nginx   0/1     ContainerCreating   0          3s
            NAME    READY   STATUS    RESTARTS   AGE
            nginx   1/1     Running   0          12s
            pod "nginx" deleted

            """)
    }

    /// Seed 003: a manifest dropped in with `tee` becomes a running pod named after the node.
    @Test func staticDebugThroughTee() {
        let run = runLab("""
            cat <<EOF | sudo tee /etc/kubernetes/manifests/static-debug.yaml
            apiVersion: v1
            kind: Pod
            metadata:
              name: static-debug
            spec:
              containers:
                - name: hwchiu
                  image: hwchiu/netutils
            EOF
            sleep 21
            kubectl get  pods
            """)
        #expect(run.stderr == "")
        #expect(run.stdout.hasSuffix("""
            NAME                        READY   STATUS    RESTARTS   AGE
            static-debug-controlplane   1/1     Running   0          26s

            """))
    }
}

import Cluster
import LabTestSupport
import Testing

/// The kubeadm world's containers run in the runtime from the start: their startup logs (from the
/// time each started, weeks before the lab), `exec` into them, and their restarts with fresh logs.
struct KubeSystemLogsTests {
    @Test func theAPIServerLogsFromItsStart() {
        let run = runLab("kubectl -n kube-system logs kube-apiserver-controlplane | head -3")
        #expect(run.stdout == """
            I1211 09:00:12.640414       1 options.go:238] external host was not specified, using 172.30.1.2
            I1211 09:00:12.642722       1 server.go:147] Version: v1.32.4
            I1211 09:00:12.642748       1 server.go:149] "Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""

            """)
        #expect(run.stderr == "")
    }

    @Test func kubeProxyThroughItsDaemonSet() {
        let run = runLab("kubectl logs -n kube-system ds/kube-proxy | grep -E 'Using|Version'")
        #expect(run.stdout == """
            I1211 09:00:35.912310       1 server_linux.go:66] "Using iptables proxy"
            I1211 09:00:36.011506       1 server_linux.go:170] "Using iptables Proxier"
            I1211 09:00:36.079907       1 server.go:497] "Version info" version="v1.32.4"

            """)
        #expect(LiveMasking.masked(run.stderr) == "Found 2 pods, using pod/kube-proxy-xxxxx\n")
    }

    @Test func coreDNSThroughItsDeployment() {
        let run = runLab("kubectl -n kube-system logs deploy/coredns")
        #expect(run.stdout == """
            .:53
            [INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908
            CoreDNS-1.11.3
            linux/amd64, go1.21.11, a6338e9

            """)
        #expect(LiveMasking.masked(run.stderr) == "Found 2 pods, using pod/coredns-hhhhhhhhhh-xxxxx\n")
    }

    /// klog writes to stderr: `crictl logs` keeps the streams apart, as containerd's log file does.
    @Test func crictlLogsOfAnAdoptedContainer() {
        let run = runLab("""
            crictl ps --name kube-apiserver -q | cut -c1-13
            crictl logs 3ac62a4e8920e 2>/dev/null | wc -l
            crictl logs --tail 1 3ac62a4e8920e 2>&1
            """)
        #expect(run.stdout == """
            3ac62a4e8920e
            0
            I1211 09:00:18.861720       1 storage_scheduling.go:111] all system priority classes are created successfully or already exist.

            """)
        #expect(run.stderr == "")
    }

    @Test func etcdLogsJSON() {
        let run = runLab("kubectl -n kube-system logs etcd-controlplane | grep -m2 -E 'ready to serve|became leader'")
        #expect(run.stdout == """
            {"level":"info","ts":"2025-12-11T09:00:12.105850Z","logger":"raft","caller":"etcdserver/zap_raft.go:77","msg":"\(Self.etcdMember) became leader at term 3"}
            {"level":"info","ts":"2025-12-11T09:00:12.107388Z","caller":"embed/serve.go:103","msg":"ready to serve client requests"}

            """)
    }

    /// kube-proxy's image is distroless: exec finds the container, runc finds no `hostname`. flannel's is
    /// Alpine's, and on the host network its hostname is the node's.
    @Test func execIntoAddOnContainers() {
        let run = runLab("""
            kubectl exec -n kube-system ds/kube-proxy -- hostname; echo "status $?"
            kubectl exec -n kube-system ds/canal -c kube-flannel -- hostname
            """)
        #expect(run.stdout == "status 1\ncontrolplane\n")
        #expect(run.stderr.hasSuffix("\": OCI runtime exec failed: exec failed: unable to start container process: exec: \"hostname\": "
            + "executable file not found in $PATH: unknown\n"))
    }

    /// A deleted DaemonSet pod's container stops at once (kube-proxy exits on SIGTERM); its replacement logs afresh.
    @Test func aDeletedKubeProxyPodsReplacementLogsItsOwnStart() {
        let run = runLab("""
            kubectl -n kube-system delete pod kube-proxy-9cpmg
            sleep 5
            kubectl -n kube-system logs -l k8s-app=kube-proxy --tail=1 --prefix | sed 's/proxy-[a-z0-9]*/proxy-x/'
            """)
        #expect(run.stdout == """
            pod "kube-proxy-9cpmg" deleted
            [pod/kube-proxy-x/kube-proxy] I0105 09:00:05.183098       1 shared_informer.go:320] Caches are synced for service config
            [pod/kube-proxy-x/kube-proxy] I1211 09:00:37.183098       1 shared_informer.go:320] Caches are synced for service config

            """)
    }

    /// The kubelet restarts the scheduler for its changed manifest: the new container logs from its own start.
    @Test func anEditedSchedulerLogsItsNewStart() {
        let run = runLab("""
            sed -i 's/- kube-scheduler$/- kube-scheduler\\n    - --v=2/' /etc/kubernetes/manifests/kube-scheduler.yaml
            sleep 30
            kubectl -n kube-system describe pod kube-scheduler-controlplane | grep Started:
            kubectl -n kube-system logs kube-scheduler-controlplane | head -2
            """)
        #expect(run.stdout == """
                  Started:      Mon, 05 Jan 2026 09:00:05 +0000
            I0105 09:00:05.950132       1 serving.go:386] Generated self-signed cert in-memory
            I0105 09:00:06.156934       1 server.go:166] "Starting Kubernetes Scheduler" version="v1.32.4"

            """)
        #expect(run.stderr == "")
    }

    static let etcdMember = "0e6ab7909708f374"
}

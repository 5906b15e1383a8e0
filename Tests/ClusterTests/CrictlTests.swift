import Cluster
import LabTestSupport
import Testing

/// `crictl` on the nodes: containerd's containers, sandboxes, images and logs, as cri-tools v1.32 prints them.
struct CrictlTests {
    static let header = "CONTAINER           IMAGE               CREATED             STATE               NAME                      "
        + "ATTEMPT             POD ID              POD                                        NAMESPACE\n"

    @Test func controlPlaneContainersShowOnTheControlPlane() {
        let run = runLab("crictl ps")
        #expect(run.stdout == Self.header + """
            aa6721271112a       2f660f47555a7       3 weeks ago         Running             calico-kube-controllers   0                   85705115cf873       calico-kube-controllers-7dd658b7c8-5ttj6   kube-system
            40d54dd4e65b4       7d0d3b020cb4b       3 weeks ago         Running             kube-flannel              0                   46918da873344       canal-2j2p2                                kube-system
            3d0d4821f9b16       40d6fea88f42d       3 weeks ago         Running             calico-node               0                   46918da873344       canal-2j2p2                                kube-system
            25d05bde7de7e       451c9b703664c       3 weeks ago         Running             coredns                   0                   31f3f0e35fa11       coredns-668d6bf9bc-lm2pj                   kube-system
            79e073dd45166       dc359b474d3d7       3 weeks ago         Running             kube-proxy                0                   8830981d36658       kube-proxy-9cpmg                           kube-system
            56d19b187b8f1       0a8d14069ccae       3 weeks ago         Running             kube-scheduler            0                   79610ab623ccf       kube-scheduler-controlplane                kube-system
            d9f168650cecd       98f870a573e11       3 weeks ago         Running             kube-controller-manager   0                   8918e91daf315       kube-controller-manager-controlplane       kube-system
            3ac62a4e8920e       db94575871ba4       3 weeks ago         Running             kube-apiserver            0                   9a9c561eb05bc       kube-apiserver-controlplane                kube-system
            773f81feff16a       e26f186eba1c2       3 weeks ago         Running             etcd                      0                   fd6f238770b49       etcd-controlplane                          kube-system

            """)
        #expect(run.stderr == "")
    }

    /// Seed 003 looked for the controller manager with `docker ps | grep kube-controller`.
    @Test func grepForTheControllerManager() {
        let run = runLab("crictl ps | grep kube-controller")
        #expect(run.stdout == """
            aa6721271112a       2f660f47555a7       3 weeks ago         Running             calico-kube-controllers   0                   85705115cf873       calico-kube-controllers-7dd658b7c8-5ttj6   kube-system
            d9f168650cecd       98f870a573e11       3 weeks ago         Running             kube-controller-manager   0                   8918e91daf315       kube-controller-manager-controlplane       kube-system

            """)
        let describe = runLab("kubectl describe pod -n kube-system kube-controller-manager-controlplane | grep 'Container ID'")
        #expect(describe.stdout.contains("containerd://d9f168650cecd"))
    }

    @Test func workerNodeOverSSH() {
        let run = runLab("ssh node01 crictl ps")
        #expect(run.stdout == """
            CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD                        NAMESPACE
            ade4cc4b30dbe       40d6fea88f42d       3 weeks ago         Running             calico-node         0                   52a9ea8639e97       canal-d5q8w                kube-system
            586caffd35b70       7d0d3b020cb4b       3 weeks ago         Running             kube-flannel        0                   52a9ea8639e97       canal-d5q8w                kube-system
            0322a93a112e8       451c9b703664c       3 weeks ago         Running             coredns             0                   02bb887695d8a       coredns-668d6bf9bc-wqvqb   kube-system
            7576b529ade6d       dc359b474d3d7       3 weeks ago         Running             kube-proxy          0                   67f6c2e69ef8e       kube-proxy-xcmt4           kube-system

            """)
    }

    @Test func exitedInitContainersWithAll() {
        let run = runLab("crictl ps -a -q | wc -l\ncrictl ps --state exited")
        #expect(run.stdout == """
            11
            CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD                 NAMESPACE
            f358c3d36f869       40d6fea88f42d       3 weeks ago         Exited              mount-bpffs         0                   46918da873344       canal-2j2p2         kube-system
            5534cffa0e889       a1203e49e4957       3 weeks ago         Exited              install-cni         0                   46918da873344       canal-2j2p2         kube-system

            """)
    }

    @Test func podsAndImages() {
        let run = runLab("crictl pods --name etcd\ncrictl images | head -3\ncrictl images registry.k8s.io/pause")
        #expect(run.stdout == """
            POD ID              CREATED             STATE               NAME                NAMESPACE           ATTEMPT             RUNTIME
            fd6f238770b49       3 weeks ago         Ready               etcd-controlplane   kube-system         0                   (default)
            IMAGE                                     TAG                 IMAGE ID            SIZE
            docker.io/calico/cni                      v3.29.1             a1203e49e4957       143MB
            docker.io/calico/kube-controllers         v3.29.1             2f660f47555a7       143MB
            IMAGE                   TAG                 IMAGE ID            SIZE
            registry.k8s.io/pause   3.10                9fd5c2cf6f21f       320kB

            """)
    }

    @Test func crashingContainerOnTheWorker() {
        let run = runLab("""
            kubectl run crash --image=busybox -- sh -c 'echo started; echo oops >&2; exit 1' >/dev/null
            kubectl run web --image=nginx >/dev/null
            sleep 40
            ssh node01
            crictl ps -a --name crash
            crictl logs $(crictl ps -a -q --name crash | head -1)
            crictl logs --tail 1 $(crictl ps -q --name web)
            crictl pods --namespace default
            crictl images nginx
            """)
        #expect(run.stdout == """
            CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD                 NAMESPACE
            a0119e9af3f0d       44d1e86beb190       18 seconds ago      Exited              crash               3                   1360821e916e6       crash               default
            started
            2026/01/05 09:00:10 [notice] 1#1: start worker process 30
            POD ID              CREATED              STATE               NAME                NAMESPACE           ATTEMPT             RUNTIME
            eaf2c43a2067e       58 seconds ago       Ready               web                 default             0                   (default)
            1360821e916e6       About a minute ago   Ready               crash               default             0                   (default)
            IMAGE                     TAG                 IMAGE ID            SIZE
            docker.io/library/nginx   latest              09258d05f4cb0       72.1MB

            """)
        #expect(run.stderr == "oops\n")
    }

    /// The exam's classic: a bad flag in the API server's manifest; kubectl is refused, crictl still answers.
    @Test func brokenAPIServerSeenThroughCrictl() {
        let run = runLab("""
            sed -i 's/--secure-port=6443/--secure-port=6443\\n    - --bogus-flag=1/' /etc/kubernetes/manifests/kube-apiserver.yaml
            sleep 40
            crictl ps -a --name kube-apiserver
            crictl logs $(crictl ps -a -q --name kube-apiserver | head -1) 2>&1 | tail -1
            crictl pods --name apiserver
            """)
        #expect(run.stdout == """
            CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD                           NAMESPACE
            e39823888d7a8       db94575871ba4       12 seconds ago      Exited              kube-apiserver      3                   d661756a52cf6       kube-apiserver-controlplane   kube-system
            3ac62a4e8920e       db94575871ba4       3 weeks ago         Exited              kube-apiserver      0                   9a9c561eb05bc       kube-apiserver-controlplane   kube-system
            Error: unknown flag: --bogus-flag
            POD ID              CREATED             STATE               NAME                          NAMESPACE           ATTEMPT             RUNTIME
            d661756a52cf6       51 seconds ago      Ready               kube-apiserver-controlplane   kube-system         0                   (default)
            9a9c561eb05bc       3 weeks ago         NotReady            kube-apiserver-controlplane   kube-system         0                   (default)

            """)
        #expect(run.stderr == "")
    }

    @Test func errors() {
        let cases: [(String, String, String, Int32)] = [
            ("crictl foo", "", "No help topic for 'foo'\n", 3),
            ("crictl ps --foo", "Incorrect Usage: flag provided but not defined: -foo\n\n",
             "FATA[0000] flag provided but not defined: -foo\n", 1),
            ("crictl ps -s bogus", "",
             "FATA[0000] listing containers: list containers: --state should be one of created, running, exited or unknown\n", 1),
            ("crictl logs", "", "FATA[0000] ID cannot be empty\n", 1),
            ("crictl --version", "crictl version v1.32.0\n", "", 0),
            ("crictl -v", "crictl version v1.32.0\n", "", 0),
            ("crictl -x ps", "Incorrect Usage: flag provided but not defined: -x\n\n", "FATA[0000] flag provided but not defined: -x\n", 1),
            ("crictl -r unix:///run/containerd/containerd.sock --timeout=5s pods -q --name etcd",
             "fd6f238770b499614084db2c03adc1d86b7f9b0e736bbaa31ca421ca53545492\n", "", 0),
        ]
        for (script, stdout, stderr, status) in cases {
            let run = runLab(script)
            #expect(run.stdout == stdout, "\(script)")
            #expect(run.stderr == stderr, "\(script)")
            #expect(run.status == status, "\(script)")
        }
        let missing = runLab("crictl logs abc")
        #expect(missing.stderr.hasSuffix("log.go:32] \"ContainerStatus from runtime service failed\" err=\"rpc error: code = NotFound "
            + "desc = an error occurred when try to find container \\\"abc\\\": not found\" containerID=\"abc\"\n"
            + "FATA[0000] rpc error: code = NotFound desc = an error occurred when try to find container \"abc\": not found\n"))
    }
}

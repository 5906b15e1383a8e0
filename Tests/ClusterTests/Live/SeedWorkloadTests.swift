import Cluster
import LabTestSupport
import Testing

/// Seed 000 (DaemonSet half) and seed 004 (DaemonSet and StatefulSet) replayed as a reader
/// types them (generated names masked).
struct SeedWorkloadTests {
    private static let configDaemonSet = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          creationTimestamp: null
          labels:
            app: config
          name: config
        spec:
          selector:
            matchLabels:
              app: config
          template:
            metadata:
              creationTimestamp: null
              labels:
                app: config
            spec:
              volumes:
              - name: config
                hostPath:
                  path: /config
              containers:
              - image: busybox
                name: busybox
                command: ["/bin/sh", "-c"]
                args: ["echo 'Hello, k8s Day 17！' > /configuration/conf ; sleep 3000"]
                volumeMounts:
                - name: config
                  mountPath: /configuration
        """

    @Test func kubeProxyIsOnePodPerNode() {
        let run = runLab("""
            kubectl get node
            kubectl -n kube-system get daemonset kube-proxy
            kubectl get po -n kube-system -o wide | grep kube-proxy
            """)
        #expect(run.stderr == "")
        #expect(LiveMasking.masked(run.stdout) == """
            NAME           STATUS   ROLES           AGE   VERSION
            controlplane   Ready    control-plane   24d   v1.32.4
            node01         Ready    <none>          24d   v1.32.4
            NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
            kube-proxy   2         2         2       2            2           kubernetes.io/os=linux   24d
            kube-proxy-xxxxx                           1/1     Running   0          24d   172.30.1.2    controlplane   <none>           <none>
            kube-proxy-xxxxx                           1/1     Running   0          24d   172.30.2.2    node01         <none>           <none>

            """)
    }

    /// The Deployment-turned-DaemonSet of seed 000. With kubeadm's control-plane taint it runs on
    /// node01 only; the seed's cluster had no taint, and a world without it gives the seed's two pods.
    @Test func nginxDaemonSetFromADeploymentYaml() {
        let script = """
            kubectl create deployment nginx --image=nginx --dry-run=client -o yaml > nginx.yaml
            sed -i -e 's/kind: Deployment/kind: DaemonSet  # Deployment -> DaemonSet/' -e '/replicas:/d' -e '/strategy:/d' nginx.yaml
            kubectl apply -f nginx.yaml
            sleep 36
            kubectl get po -l app=nginx -o wide
            """
        let tainted = runLab(script)
        #expect(tainted.stderr == "")
        #expect(LiveMasking.masked(tainted.stdout) == """
            daemonset.apps/nginx created
            NAME          READY   STATUS    RESTARTS   AGE   IP            NODE     NOMINATED NODE   READINESS GATES
            nginx-xxxxx   1/1     Running   0          42s   192.168.1.3   node01   <none>           <none>

            """)
        var description = WorldDescription.standard
        description.nodes[0].taints = []
        let untainted = runLab(script, world: World(description))
        #expect(LiveMasking.masked(untainted.stdout) == """
            daemonset.apps/nginx created
            NAME          READY   STATUS    RESTARTS   AGE   IP            NODE           NOMINATED NODE   READINESS GATES
            nginx-xxxxx   1/1     Running   0          42s   192.168.0.4   controlplane   <none>           <none>
            nginx-xxxxx   1/1     Running   0          42s   192.168.1.3   node01         <none>           <none>

            """)
    }

    /// The busybox DaemonSet writes /config/conf on every node it runs on, through its hostPath volume.
    @Test func configDaemonSetWritesOnEveryNode() {
        let toleration = """

                  tolerations:
                  - key: node-role.kubernetes.io/control-plane
                    effect: NoSchedule
            """
        let run = runLab("""
            cat > config.yaml <<'EOF'
            \(Self.configDaemonSet)\(toleration)
            EOF
            kubectl apply -f config.yaml
            sleep 10
            cat /config/conf
            ssh node01 cat /config/conf
            kubectl get ds config
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            daemonset.apps/config created
            Hello, k8s Day 17！
            Hello, k8s Day 17！
            NAME     DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            config   2         2         2       2            2           <none>          22s

            """)
    }

    /// Without the toleration the control plane keeps its taint and gets no file.
    @Test func configDaemonSetWithoutTolerationSkipsTheControlPlane() {
        let run = runLab("""
            cat > config.yaml <<'EOF'
            \(Self.configDaemonSet)
            EOF
            kubectl apply -f config.yaml
            sleep 10
            cat /config/conf
            ssh node01 cat /config/conf
            """)
        #expect(run.stderr == "cat: /config/conf: No such file or directory\n")
        #expect(run.stdout == """
            daemonset.apps/config created
            Hello, k8s Day 17！

            """)
    }

    /// Seed 004: test-ds tolerates the old `master` taint, not kubeadm's control-plane one.
    @Test func testDaemonSetOfSeed004() {
        let run = runLab("""
            cat > daemonset.yml <<'EOF'
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              labels:
                app: nginx
              name: test-ds
            spec:
              selector:
                matchLabels:
                  app: nginx
              template:
                metadata:
                  labels:
                    app: nginx
                spec:
                  tolerations:
                    - key: node-role.kubernetes.io/master
                      effect: NoSchedule
                  containers:
                    - name: nginx-server
                      image: nginx
                      imagePullPolicy: IfNotPresent
                      resources:
                        limits:
                          cpu: 200m
                          memory: 500Mi
                        requests:
                          cpu: 50m
                          memory: 50Mi
            EOF
            kubectl apply -f daemonset.yml
            sleep 20
            kubectl get pods -o wide
            kubectl get controllerrevisions -o custom-columns=NAME:.metadata.name,REVISION:.revision --no-headers | sed 's/-[0-9a-f]\\{8,10\\} / /'
            """)
        #expect(run.stderr == "")
        #expect(LiveMasking.masked(run.stdout) == """
            daemonset.apps/test-ds created
            NAME            READY   STATUS    RESTARTS   AGE   IP            NODE     NOMINATED NODE   READINESS GATES
            test-ds-xxxxx   1/1     Running   0          26s   192.168.1.3   node01   <none>           <none>
            test-ds   1

            """)
    }

    /// Seed 004: the StatefulSet makes test-sts-0, and test-sts-1 only once test-sts-0 is Ready.
    @Test func statefulSetPodsComeInOrder() {
        let run = runLab("""
            cat > statefulset.yml <<'EOF'
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              labels:
                app: nginx
              name: test-sts
            spec:
              replicas: 2
              serviceName: "nginx"
              selector:
                matchLabels:
                  app: nginx
              template:
                metadata:
                  labels:
                    app: nginx
                spec:
                  containers:
                    - name: nginx-server
                      image: nginx
                      imagePullPolicy: IfNotPresent
                      resources:
                        limits:
                          cpu: 100m
                          memory: 100Mi
                        requests:
                          cpu: 50m
                          memory: 50Mi
            EOF
            kubectl apply -f statefulset.yml
            kubectl get pods
            sleep 120
            kubectl get pods -o wide
            kubectl get events --field-selector involvedObject.kind=StatefulSet -o custom-columns=REASON:.reason,MESSAGE:.message
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            statefulset.apps/test-sts created
            NAME         READY   STATUS              RESTARTS   AGE
            test-sts-0   0/1     ContainerCreating   0          3s
            NAME         READY   STATUS    RESTARTS   AGE    IP            NODE     NOMINATED NODE   READINESS GATES
            test-sts-0   1/1     Running   0          2m9s   192.168.1.3   node01   <none>           <none>
            test-sts-1   1/1     Running   0          2m5s   192.168.1.4   node01   <none>           <none>
            REASON             MESSAGE
            SuccessfulCreate   create Pod test-sts-0 in StatefulSet test-sts successful
            SuccessfulCreate   create Pod test-sts-1 in StatefulSet test-sts successful

            """)
    }
}

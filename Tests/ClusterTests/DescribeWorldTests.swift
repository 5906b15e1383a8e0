import LabTestSupport
import Testing

/// `kubectl describe` over the default kubeadm world: kube-proxy, coredns, the etcd mirror pod,
/// the controlplane node (layout of kubectl 1.32's describers).
@Suite struct DescribeWorldTests {
    @Test func kubeProxyDaemonSet() {
        let run = runLab("kubectl describe ds kube-proxy -n kube-system")
        #expect(run.stderr == "")
        #expect(run.stdout == """
            Name:           kube-proxy
            Namespace:      kube-system
            Selector:       k8s-app=kube-proxy
            Node-Selector:  kubernetes.io/os=linux
            Labels:         k8s-app=kube-proxy
            Annotations:    deprecated.daemonset.template.generation: 1
            Desired Number of Nodes Scheduled: 2
            Current Number of Nodes Scheduled: 2
            Number of Nodes Scheduled with Up-to-date Pods: 2
            Number of Nodes Scheduled with Available Pods: 2
            Number of Nodes Misscheduled: 0
            Pods Status:  2 Running / 0 Waiting / 0 Succeeded / 0 Failed
            Pod Template:
              Labels:           k8s-app=kube-proxy
              Service Account:  kube-proxy
              Containers:
               kube-proxy:
                Image:      registry.k8s.io/kube-proxy:v1.32.4
                Port:       <none>
                Host Port:  <none>
                Command:
                  /usr/local/bin/kube-proxy
                  --config=/var/lib/kube-proxy/config.conf
                  --hostname-override=$(NODE_NAME)
                Environment:
                  NODE_NAME:   (v1:spec.nodeName)
                Mounts:
                  /lib/modules from lib-modules (ro)
                  /run/xtables.lock from xtables-lock (rw)
                  /var/lib/kube-proxy from kube-proxy (rw)
              Volumes:
               kube-proxy:
                Type:      ConfigMap (a volume populated by a ConfigMap)
                Name:      kube-proxy
                Optional:  false
               xtables-lock:
                Type:          HostPath (bare host directory volume)
                Path:          /run/xtables.lock
                HostPathType:  FileOrCreate
               lib-modules:
                Type:               HostPath (bare host directory volume)
                Path:               /lib/modules
                HostPathType:       
              Priority Class Name:  system-node-critical
              Node-Selectors:       kubernetes.io/os=linux
              Tolerations:          op=Exists
                                    CriticalAddonsOnly op=Exists
            Events:                 <none>

            """)
    }

    @Test func corednsDeployment() {
        let run = runLab("kubectl describe deployment coredns -n kube-system")
        #expect(run.stderr == "")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Name:                   coredns")
        #expect(lines.contains("Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable"))
        #expect(lines.contains("RollingUpdateStrategy:  1 max unavailable, 25% max surge"))
        #expect(lines.contains("    Ports:       53/UDP (dns), 53/TCP (dns-tcp), 9153/TCP (metrics)"))
        #expect(lines.contains("    Host Ports:  0/UDP (dns), 0/TCP (dns-tcp), 0/TCP (metrics)"))
        #expect(lines.contains("    Liveness:     http-get http://:8080/health delay=60s timeout=5s period=10s #success=1 #failure=5"))
        #expect(lines.contains("  Tolerations:          CriticalAddonsOnly op=Exists"))
        #expect(lines.contains("                        node-role.kubernetes.io/control-plane:NoSchedule"))
        #expect(run.stdout.contains("""
            Conditions:
              Type           Status  Reason
              ----           ------  ------
              Available      True    MinimumReplicasAvailable
              Progressing    True    NewReplicaSetAvailable
            OldReplicaSets:  <none>
            NewReplicaSet:   coredns-
            """))
        #expect(run.stdout.hasSuffix(" (2/2 replicas created)\nEvents:          <none>\n"))
    }

    @Test func etcdMirrorPod() {
        let run = runLab("kubectl describe pod etcd-controlplane -n kube-system")
        #expect(run.stderr == "")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(5)) == [
            "Name:                 etcd-controlplane", "Namespace:            kube-system", "Priority:             2000001000",
            "Priority Class Name:  system-node-critical", "Node:                 controlplane/172.30.1.2",
        ])
        #expect(run.stdout.contains("IP:                   172.30.1.2\nIPs:\n  IP:           172.30.1.2\nControlled By:  Node/controlplane\n"))
        #expect(run.stdout.contains("    State:          Running\n"))
        #expect(run.stdout.contains("    Requests:\n      cpu:        100m\n      memory:     100Mi\n"))
        #expect(run.stdout.contains("""
              etcd-data:
                Type:          HostPath (bare host directory volume)
                Path:          /var/lib/etcd
                HostPathType:  DirectoryOrCreate
            QoS Class:         Burstable
            Node-Selectors:    <none>
            Tolerations:       :NoExecute op=Exists
            Events:            <none>

            """))
    }

    @Test func controlplaneNode() {
        let run = runLab("kubectl describe node controlplane")
        #expect(run.stderr == "")
        let text = run.stdout
        #expect(text.hasPrefix("Name:               controlplane\nRoles:              control-plane\nLabels:             beta.kubernetes.io/arch=amd64\n"))
        #expect(text.contains("Taints:             node-role.kubernetes.io/control-plane:NoSchedule\nUnschedulable:      false\nLease:\n  HolderIdentity:  controlplane\n  AcquireTime:     <unset>\n"))
        #expect(text.contains("  Type                 Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message\n"))
        #expect(text.contains("Addresses:\n  InternalIP:  172.30.1.2\n  Hostname:    controlplane\nCapacity:\n  cpu:                2\n"))
        #expect(text.contains("  Kubelet Version:            v1.32.4\nPodCIDR:                      "))
        #expect(text.contains("Non-terminated Pods:          (8 in total)\n"))
        #expect(text.contains("  Namespace                   Name                                        CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age\n"))
        #expect(text.contains("  kube-system                 etcd-controlplane                           100m (5%)     0 (0%)      100Mi (2%)       0 (0%)         "))
        #expect(text.hasSuffix("""
            Allocated resources:
              (Total limits may be over 100 percent, i.e., overcommitted.)
              Resource           Requests    Limits
              --------           --------    ------
              cpu                1 (50%)     0 (0%)
              memory             170Mi (4%)  170Mi (4%)
              ephemeral-storage  0 (0%)      0 (0%)
              hugepages-1Gi      0 (0%)      0 (0%)
              hugepages-2Mi      0 (0%)      0 (0%)
            Events:              <none>

            """))
    }

    @Test func namespaceServiceAccountAndService() {
        #expect(runLab("kubectl describe ns default").stdout == """
            Name:         default
            Labels:       kubernetes.io/metadata.name=default
            Annotations:  <none>
            Status:       Active

            No resource quota.

            No LimitRange resource.

            """)
        #expect(runLab("kubectl describe sa default").stdout == """
            Name:                default
            Namespace:           default
            Labels:              <none>
            Annotations:         <none>
            Image pull secrets:  <none>
            Mountable secrets:   <none>
            Tokens:              <none>
            Events:              <none>

            """)
        let dns = runLab("kubectl describe svc kube-dns -n kube-system").stdout
        #expect(dns.contains("""
            Type:                     ClusterIP
            IP Family Policy:         SingleStack
            IP Families:              IPv4
            IP:                       10.96.0.10
            IPs:                      10.96.0.10
            Port:                     dns  53/UDP
            TargetPort:               53/UDP
            Endpoints:                
            """))
        #expect(dns.hasSuffix("Session Affinity:         None\nInternal Traffic Policy:  Cluster\nEvents:                   <none>\n"))
    }

    @Test func createdObjects() {
        let run = runLab("""
            kubectl create configmap app --from-literal=mode=prod --from-literal=level=3
            kubectl describe cm app
            kubectl create secret generic s --from-literal=password=hunter2
            kubectl describe secret s
            kubectl describe cm nope
            """)
        #expect(run.stdout == """
            configmap/app created
            Name:         app
            Namespace:    default
            Labels:       <none>
            Annotations:  <none>

            Data
            ====
            level:
            ----
            3

            mode:
            ----
            prod


            BinaryData
            ====

            Events:  <none>
            secret/s created
            Name:         s
            Namespace:    default
            Labels:       <none>
            Annotations:  <none>

            Type:  Opaque

            Data
            ====
            password:  7 bytes

            """)
        #expect(run.stderr == "Error from server (NotFound): configmaps \"nope\" not found\n")
    }
}

/// `describe -f` and the NetworkPolicy describer (the policy of the Kubernetes documentation).
@Suite struct DescribeNetworkPolicyTests {
    static let manifest = """
        cat > np.yaml <<'Y'
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: test-network-policy
          namespace: default
        spec:
          podSelector:
            matchLabels:
              role: db
          policyTypes:
          - Ingress
          - Egress
          ingress:
          - from:
            - ipBlock:
                cidr: 172.17.0.0/16
                except:
                - 172.17.1.0/24
            - namespaceSelector:
                matchLabels:
                  project: myproject
            - podSelector:
                matchLabels:
                  role: frontend
            ports:
            - protocol: TCP
              port: 6379
          egress:
          - to:
            - ipBlock:
                cidr: 10.0.0.0/24
            ports:
            - protocol: TCP
              port: 5978
        Y
        kubectl create -f np.yaml >/dev/null
        """

    static let expected = """
        Name:         test-network-policy
        Namespace:    default
        Created on:   2026-01-05 09:00:06 +0000 UTC
        Labels:       <none>
        Annotations:  <none>
        Spec:
          PodSelector:     role=db
          Allowing ingress traffic:
            To Port: 6379/TCP
            From:
              IPBlock:
                CIDR: 172.17.0.0/16
                Except: 172.17.1.0/24
            From:
              NamespaceSelector: project=myproject
            From:
              PodSelector: role=frontend
          Allowing egress traffic:
            To Port: 5978/TCP
            To:
              IPBlock:
                CIDR: 10.0.0.0/24
                Except: 
          Policy Types: Ingress, Egress

        """

    @Test func byNameAndByFile() {
        #expect(runLab(Self.manifest + "\nkubectl describe netpol test-network-policy").stdout == Self.expected)
        #expect(runLab(Self.manifest + "\nkubectl describe -f np.yaml").stdout == Self.expected)
        let mixed = runLab(Self.manifest + "\nkubectl describe pod -f np.yaml")
        #expect(mixed.stderr == "error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n")
    }
}

/// The Ingress describer (1.32 resolves backends through Endpoints).
@Suite struct DescribeIngressTests {
    @Test func minimalIngressWithoutService() {
        let run = runLab("""
            cat > ing.yaml <<'Y'
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: minimal-ingress
              annotations:
                nginx.ingress.kubernetes.io/rewrite-target: /
            spec:
              ingressClassName: nginx-example
              rules:
              - http:
                  paths:
                  - path: /testpath
                    pathType: Prefix
                    backend:
                      service:
                        name: test
                        port:
                          number: 80
            Y
            kubectl create -f ing.yaml >/dev/null
            kubectl describe ingress minimal-ingress
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            Name:             minimal-ingress
            Labels:           <none>
            Namespace:        default
            Address:          
            Ingress Class:    nginx-example
            Default backend:  <default>
            Rules:
              Host        Path  Backends
              ----        ----  --------
              *           
                          /testpath   test:80 (<error: endpoints "test" not found>)
            Annotations:  nginx.ingress.kubernetes.io/rewrite-target: /
            Events:       <none>

            """)
    }
}

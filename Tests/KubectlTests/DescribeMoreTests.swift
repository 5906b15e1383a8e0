import Kubectl
import KubeModel
import Testing

/// Deployments with their ReplicaSets and events, nodes with pod requests, quotas, volumes,
/// RBAC and the generic describer.
@Suite struct DescribeMoreTests {
    static func run(_ arguments: [String], _ objects: [JSONValue]) -> KubectlRun {
        KubectlHarness.lab(arguments, context: DescribeFakeContext(objects))
    }

    static let template: JSONValue = [
        "metadata": ["labels": ["app": "web"]],
        "spec": ["containers": [["name": "nginx", "image": "nginx:1.27", "resources": [:]]]],
    ]

    static func replicaSet(_ name: String, hash: String, image: String, replicas: Int) -> JSONValue {
        var template = Self.template
        template[path: ["metadata", "labels", "pod-template-hash"]] = .string(hash)
        template[path: ["spec", "containers"]] = [["name": "nginx", "image": .string(image), "resources": [:]]]
        return [
            "apiVersion": "apps/v1", "kind": "ReplicaSet",
            "metadata": ["name": .string(name), "namespace": "default", "uid": .string("rs-" + hash),
                         "labels": ["app": "web", "pod-template-hash": .string(hash)],
                         "ownerReferences": [["apiVersion": "apps/v1", "kind": "Deployment", "name": "web", "uid": "d1",
                                              "controller": true, "blockOwnerDeletion": true]]],
            "spec": ["replicas": .int(replicas), "selector": ["matchLabels": ["app": "web", "pod-template-hash": .string(hash)]],
                     "template": template],
            "status": ["replicas": .int(replicas)],
        ]
    }

    static let deployment: JSONValue = [
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": ["name": "web", "namespace": "default", "uid": "d1", "creationTimestamp": "2026-01-05T08:00:00Z",
                     "labels": ["app": "web"], "annotations": ["deployment.kubernetes.io/revision": "2"]],
        "spec": ["replicas": 2, "selector": ["matchLabels": ["app": "web"]], "template": template,
                 "strategy": ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": "25%", "maxSurge": "25%"]]],
        "status": ["replicas": 2, "updatedReplicas": 2, "availableReplicas": 2],
    ]

    static let deploymentEvents: [JSONValue] = [
        DescribeFixtures.event("web.1", involved: ["kind": "Deployment", "namespace": "default", "name": "web", "uid": "d1"],
                               reason: "ScalingReplicaSet", message: "Scaled up replica set web-old to 2",
                               component: "deployment-controller", first: "2026-01-05T08:00:00Z", last: "2026-01-05T08:00:00Z"),
        DescribeFixtures.event("web.2", involved: ["kind": "Deployment", "namespace": "default", "name": "web", "uid": "d1"],
                               reason: "ScalingReplicaSet", message: "Scaled up replica set web-new to 2",
                               component: "deployment-controller", first: "2026-01-05T08:58:00Z", last: "2026-01-05T08:59:30Z",
                               count: 2),
    ]

    @Test func deploymentWithOldAndNewReplicaSets() {
        let objects = [Self.deployment, Self.replicaSet("web-new", hash: "new", image: "nginx:1.27", replicas: 2),
                       Self.replicaSet("web-old", hash: "old", image: "nginx:1.25", replicas: 0)] + Self.deploymentEvents
        #expect(Self.run(["describe", "deploy", "web"], objects) == KubectlRun(stdout: """
            Name:                   web
            Namespace:              default
            CreationTimestamp:      Mon, 05 Jan 2026 08:00:00 +0000
            Labels:                 app=web
            Annotations:            deployment.kubernetes.io/revision: 2
            Selector:               app=web
            Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable
            StrategyType:           RollingUpdate
            MinReadySeconds:        0
            RollingUpdateStrategy:  25% max unavailable, 25% max surge
            Pod Template:
              Labels:  app=web
              Containers:
               nginx:
                Image:         nginx:1.27
                Port:          <none>
                Host Port:     <none>
                Environment:   <none>
                Mounts:        <none>
              Volumes:         <none>
              Node-Selectors:  <none>
              Tolerations:     <none>
            OldReplicaSets:    web-old (0/0 replicas created)
            NewReplicaSet:     web-new (2/2 replicas created)
            Events:
              Type    Reason             Age               From                   Message
              ----    ------             ----              ----                   -------
              Normal  ScalingReplicaSet  60m               deployment-controller  Scaled up replica set web-old to 2
              Normal  ScalingReplicaSet  30s (x2 over 2m)  deployment-controller  Scaled up replica set web-new to 2

            """, stderr: "", status: 0))
    }

    @Test func replicaSetCountsOnlyItsOwnPods() {
        var mine = DescribeFixtures.pod("web-new-a", labels: ["app": "web", "pod-template-hash": "new"], uid: "p1")
        mine[path: ["metadata", "ownerReferences"]] = [["apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-new",
                                                        "uid": "rs-new", "controller": true]]
        let orphan = DescribeFixtures.pod("web-new-b", labels: ["app": "web", "pod-template-hash": "new"], uid: "p2")
        let result = Self.run(["describe", "rs", "web-new"],
                              [Self.replicaSet("web-new", hash: "new", image: "nginx:1.27", replicas: 2), mine, orphan])
        #expect(result.stdout.hasPrefix("""
            Name:           web-new
            Namespace:      default
            Selector:       app=web,pod-template-hash=new
            Labels:         app=web
                            pod-template-hash=new
            Annotations:    <none>
            Controlled By:  Deployment/web
            Replicas:       2 current / 2 desired
            Pods Status:    1 Running / 0 Waiting / 0 Succeeded / 0 Failed
            Pod Template:
              Labels:  app=web
                       pod-template-hash=new

            """))
    }

    @Test func nodeWithRequestsAndLimits() {
        let node: JSONValue = [
            "apiVersion": "v1", "kind": "Node",
            "metadata": ["name": "node01", "uid": "n1", "creationTimestamp": "2026-01-01T00:00:00Z",
                         "labels": ["kubernetes.io/hostname": "node01"]],
            "spec": ["unschedulable": true, "taints": [["key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule"],
                                                       ["key": "gpu", "value": "yes", "effect": "NoExecute"]]],
            "status": ["capacity": ["cpu": "2", "memory": "2Gi", "pods": "110"],
                       "allocatable": ["cpu": "2", "memory": "2Gi", "pods": "110"],
                       "addresses": [["type": "InternalIP", "address": "172.30.2.2"]],
                       "nodeInfo": ["kubeletVersion": "v1.32.4", "operatingSystem": "linux", "architecture": "amd64"]],
        ]
        let done: JSONValue = {
            var pod = DescribeFixtures.pod("done", uid: "p9")
            pod[path: ["status", "phase"]] = "Succeeded"
            return pod
        }()
        let event = DescribeFixtures.event("node01.1", involved: ["kind": "Node", "name": "node01", "uid": "node01"],
                                           reason: "NodeNotSchedulable", message: "Node node01 status is now: NodeNotSchedulable",
                                           component: "kubelet", first: "2026-01-05T08:59:00Z", last: "2026-01-05T08:59:00Z")
        let result = Self.run(["describe", "no", "node01"], [node, DescribeFixtures.pod("web-1"), done, event])
        #expect(result.stdout == """
            Name:               node01
            Roles:              <none>
            Labels:             kubernetes.io/hostname=node01
            Annotations:        <none>
            CreationTimestamp:  Thu, 01 Jan 2026 00:00:00 +0000
            Taints:             gpu=yes:NoExecute
                                node.kubernetes.io/unschedulable:NoSchedule
            Unschedulable:      true
            Lease:              Failed to get lease: leases.coordination.k8s.io "node01" not found
            Addresses:
              InternalIP:  172.30.2.2
            Capacity:
              cpu:     2
              memory:  2Gi
              pods:    110
            Allocatable:
              cpu:     2
              memory:  2Gi
              pods:    110
            System Info:
              Machine ID:                 
              System UUID:                
              Boot ID:                    
              Kernel Version:             
              OS Image:                   
              Operating System:           linux
              Architecture:               amd64
              Container Runtime Version:  
              Kubelet Version:            v1.32.4
            Non-terminated Pods:          (1 in total)
              Namespace                   Name     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
              ---------                   ----     ------------  ----------  ---------------  -------------  ---
              default                     web-1    250m (12%)    500m (25%)  64Mi (3%)        128Mi (6%)     5m
            Allocated resources:
              (Total limits may be over 100 percent, i.e., overcommitted.)
              Resource           Requests    Limits
              --------           --------    ------
              cpu                250m (12%)  500m (25%)
              memory             64Mi (3%)   128Mi (6%)
              ephemeral-storage  0 (0%)      0 (0%)
            Events:
              Type    Reason              Age   From     Message
              ----    ------              ----  ----     -------
              Normal  NodeNotSchedulable  60s   kubelet  Node node01 status is now: NodeNotSchedulable

            """)
    }

    @Test func quotaLimitRangeAndNamespace() {
        let quota: JSONValue = [
            "apiVersion": "v1", "kind": "ResourceQuota",
            "metadata": ["name": "q", "namespace": "dev"],
            "spec": ["hard": ["pods": "10", "requests.cpu": "2"]],
            "status": ["hard": ["pods": "10", "requests.cpu": "2"], "used": ["pods": "1", "requests.cpu": "250m"]],
        ]
        let limits: JSONValue = [
            "apiVersion": "v1", "kind": "LimitRange",
            "metadata": ["name": "lr", "namespace": "dev"],
            "spec": ["limits": [["type": "Container", "default": ["cpu": "500m"], "defaultRequest": ["cpu": "100m"]]]],
        ]
        let namespace: JSONValue = ["apiVersion": "v1", "kind": "Namespace",
                                    "metadata": ["name": "dev", "labels": ["kubernetes.io/metadata.name": "dev"]],
                                    "status": ["phase": "Active"]]
        #expect(Self.run(["describe", "quota", "q", "-n", "dev"], [quota]).stdout == """
            Name:         q
            Namespace:    dev
            Resource      Used  Hard
            --------      ----  ----
            pods          1     10
            requests.cpu  250m  2

            """)
        #expect(Self.run(["describe", "limits", "lr", "-n", "dev"], [limits]).stdout == """
            Name:       lr
            Namespace:  dev
            Type        Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio
            ----        --------  ---  ---  ---------------  -------------  -----------------------
            Container   cpu       -    -    100m             500m           -

            """)
        #expect(Self.run(["describe", "ns", "dev"], [namespace, quota, limits]).stdout == """
            Name:         dev
            Labels:       kubernetes.io/metadata.name=dev
            Annotations:  <none>
            Status:       Active

            Resource Quotas
              Name:         q
              Resource      Used  Hard
              --------      ---   ---
              pods          1     10
              requests.cpu  250m  2

            Resource Limits
             Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio
             ----       --------  ---  ---  ---------------  -------------  -----------------------
             Container  cpu       -    -    100m             500m           -

            """)
    }

    @Test func persistentVolumeAndClaim() {
        let pv: JSONValue = [
            "apiVersion": "v1", "kind": "PersistentVolume",
            "metadata": ["name": "pv1", "finalizers": ["kubernetes.io/pv-protection"]],
            "spec": ["capacity": ["storage": "1Gi"], "accessModes": ["ReadWriteOnce"], "persistentVolumeReclaimPolicy": "Retain",
                     "storageClassName": "manual", "volumeMode": "Filesystem", "hostPath": ["path": "/mnt/data", "type": ""],
                     "claimRef": ["namespace": "default", "name": "claim"]],
            "status": ["phase": "Bound"],
        ]
        let pvc: JSONValue = [
            "apiVersion": "v1", "kind": "PersistentVolumeClaim",
            "metadata": ["name": "claim", "namespace": "default", "finalizers": ["kubernetes.io/pvc-protection"]],
            "spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]], "storageClassName": "manual",
                     "volumeMode": "Filesystem", "volumeName": "pv1"],
            "status": ["phase": "Bound", "accessModes": ["ReadWriteOnce"], "capacity": ["storage": "1Gi"]],
        ]
        var user = DescribeFixtures.pod("app", uid: "pa")
        user[path: ["spec", "volumes"]] = [["name": "d", "persistentVolumeClaim": ["claimName": "claim"]]]
        #expect(Self.run(["describe", "pv", "pv1"], [pv]).stdout == """
            Name:            pv1
            Labels:          <none>
            Annotations:     <none>
            Finalizers:      [kubernetes.io/pv-protection]
            StorageClass:    manual
            Status:          Bound
            Claim:           default/claim
            Reclaim Policy:  Retain
            Access Modes:    RWO
            VolumeMode:      Filesystem
            Capacity:        1Gi
            Node Affinity:   <none>
            Message:         
            Source:
                Type:          HostPath (bare host directory volume)
                Path:          /mnt/data
                HostPathType:  
            Events:            <none>

            """)
        #expect(Self.run(["describe", "pvc", "claim"], [pvc, user]).stdout == """
            Name:          claim
            Namespace:     default
            StorageClass:  manual
            Status:        Bound
            Volume:        pv1
            Labels:        <none>
            Annotations:   <none>
            Finalizers:    [kubernetes.io/pvc-protection]
            Capacity:      1Gi
            Access Modes:  RWO
            VolumeMode:    Filesystem
            Used By:       app
            Events:        <none>

            """)
    }

    @Test func roleBindingAndGenericFallback() {
        let binding: JSONValue = [
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
            "metadata": ["name": "read", "namespace": "default"],
            "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "reader"],
            "subjects": [["kind": "User", "name": "jane", "apiGroup": "rbac.authorization.k8s.io"],
                         ["kind": "ServiceAccount", "name": "bot", "namespace": "default"]],
        ]
        #expect(Self.run(["describe", "rolebinding", "read"], [binding]).stdout == """
            Name:         read
            Labels:       <none>
            Annotations:  <none>
            Role:
              Kind:  Role
              Name:  reader
            Subjects:
              Kind            Name  Namespace
              ----            ----  ---------
              User            jane  
              ServiceAccount  bot   default

            """)
        let lease: JSONValue = [
            "apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
            "metadata": ["name": "l", "namespace": "default", "uid": "l1", "resourceVersion": "7"],
            "spec": ["holderIdentity": "me", "leaseDurationSeconds": 40],
        ]
        #expect(Self.run(["describe", "lease", "l"], [lease]).stdout == """
            Name:         l
            Namespace:    default
            Labels:       <none>
            Annotations:  <none>
            API Version:  coordination.k8s.io/v1
            Kind:         Lease
            Metadata:
              Resource Version:  7
              UID:               l1
            Spec:
              Holder Identity:         me
              Lease Duration Seconds:  40
            Events:                    <none>

            """)
    }
}

/// Quantities print in apimachinery's canonical form.
@Suite struct DescribeQuantityTests {
    @Test(arguments: [
        ("0.25", "250m"), ("1000m", "1"), ("1.5Gi", "1536Mi"), ("2000", "2k"), ("1536Ki", "1536Ki"), ("1024", "1024"),
        ("100M", "100M"), ("0.5", "500m"), ("128974848", "128974848"), ("129e6", "129e6"), ("1025", "1025"),
    ])
    func canonical(_ written: String, _ printed: String) {
        var pod = DescribeFixtures.pod("q")
        pod[path: ["spec", "containers"]] = [["name": "c", "image": "busybox", "resources": ["limits": ["cpu": .string(written)]]]]
        let out = KubectlHarness.lab(["describe", "pod", "q", "--show-events=false"], context: DescribeFakeContext([pod])).stdout
        let line = out.split(separator: "\n").first { $0.hasPrefix("      cpu:") }
        #expect(line?.split(separator: " ").last.map(String.init) == printed)
    }
}

import Kubectl
import KubeModel
import Testing

/// Workload, service, storage and policy describers over objects we build.
@Suite struct DescribeWorkloadTests {
    static func run(_ arguments: [String], _ objects: [JSONValue]) -> KubectlRun {
        KubectlHarness.lab(arguments, context: DescribeFakeContext(objects))
    }

    static let template: JSONValue = [
        "metadata": ["labels": ["app": "web"]],
        "spec": ["containers": [["name": "nginx", "image": "nginx:1.27", "ports": [["containerPort": 80, "protocol": "TCP"]],
                                 "resources": [:]]]],
    ]

    static let sts: JSONValue = [
        "apiVersion": "apps/v1", "kind": "StatefulSet",
        "metadata": ["name": "db", "namespace": "default", "uid": "s1", "creationTimestamp": "2026-01-05T08:00:00Z"],
        "spec": ["replicas": 3, "selector": ["matchLabels": ["app": "web"]], "serviceName": "db", "template": Self.template,
                 "updateStrategy": ["type": "RollingUpdate", "rollingUpdate": ["partition": 0]],
                 "volumeClaimTemplates": [["metadata": ["name": "data"],
                                           "spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]]]]]],
        "status": ["replicas": 3],
    ]
    static let job: JSONValue = [
        "apiVersion": "batch/v1", "kind": "Job",
        "metadata": ["name": "pi", "namespace": "default", "uid": "j1", "labels": ["job-name": "pi"]],
        "spec": ["parallelism": 1, "completions": 1, "backoffLimit": 6, "completionMode": "NonIndexed", "suspend": false,
                 "selector": ["matchLabels": ["batch.kubernetes.io/controller-uid": "j1"]], "template": Self.template],
        "status": ["startTime": "2026-01-05T08:50:00Z", "completionTime": "2026-01-05T08:50:12Z", "succeeded": 1, "ready": 0],
    ]
    static let cron: JSONValue = [
        "apiVersion": "batch/v1", "kind": "CronJob",
        "metadata": ["name": "tick", "namespace": "default", "uid": "c1"],
        "spec": ["schedule": "*/5 * * * *", "concurrencyPolicy": "Allow", "suspend": false, "successfulJobsHistoryLimit": 3,
                 "failedJobsHistoryLimit": 1, "jobTemplate": ["spec": ["template": Self.template]]],
        "status": [:],
    ]
    static let svc: JSONValue = [
        "apiVersion": "v1", "kind": "Service",
        "metadata": ["name": "web", "namespace": "default", "uid": "v1", "labels": ["app": "web"]],
        "spec": ["type": "NodePort", "selector": ["app": "web"], "clusterIP": "10.96.10.10", "clusterIPs": ["10.96.10.10"],
                 "ipFamilies": ["IPv4"], "ipFamilyPolicy": "SingleStack", "sessionAffinity": "None",
                 "externalTrafficPolicy": "Cluster", "internalTrafficPolicy": "Cluster",
                 "ports": [["port": 80, "targetPort": 8080, "nodePort": 30080, "protocol": "TCP"]]],
    ]
    static let endpoints: JSONValue = [
        "apiVersion": "v1", "kind": "Endpoints",
        "metadata": ["name": "web", "namespace": "default"],
        "subsets": [["addresses": [["ip": "192.168.1.5"], ["ip": "192.168.1.6"]], "notReadyAddresses": [["ip": "192.168.1.7"]],
                     "ports": [["port": 8080, "protocol": "TCP"]]]],
    ]

    @Test func statefulSet() {
        #expect(Self.run(["describe", "sts", "db"], [Self.sts]) == KubectlRun(stdout: """
            Name:               db
            Namespace:          default
            CreationTimestamp:  Mon, 05 Jan 2026 08:00:00 +0000
            Selector:           app=web
            Labels:             <none>
            Annotations:        <none>
            Replicas:           3 desired | 3 total
            Update Strategy:    RollingUpdate
              Partition:        0
            Pods Status:        0 Running / 0 Waiting / 0 Succeeded / 0 Failed
            Pod Template:
              Labels:  app=web
              Containers:
               nginx:
                Image:         nginx:1.27
                Port:          80/TCP
                Host Port:     0/TCP
                Environment:   <none>
                Mounts:        <none>
              Volumes:         <none>
              Node-Selectors:  <none>
              Tolerations:     <none>
            Volume Claims:
              Name:          data
              StorageClass:  
              Labels:        <none>
              Annotations:   <none>
              Capacity:      1Gi
              Access Modes:  [ReadWriteOnce]
            Events:          <none>

            """, stderr: "", status: 0))
    }

    @Test func job() {
        #expect(Self.run(["describe", "job", "pi"], [Self.job]) == KubectlRun(stdout: """
            Name:             pi
            Namespace:        default
            Selector:         batch.kubernetes.io/controller-uid=j1
            Labels:           job-name=pi
            Annotations:      <none>
            Parallelism:      1
            Completions:      1
            Completion Mode:  NonIndexed
            Suspend:          false
            Backoff Limit:    6
            Start Time:       Mon, 05 Jan 2026 08:50:00 +0000
            Completed At:     Mon, 05 Jan 2026 08:50:12 +0000
            Duration:         12s
            Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed
            Pod Template:
              Labels:  app=web
              Containers:
               nginx:
                Image:         nginx:1.27
                Port:          80/TCP
                Host Port:     0/TCP
                Environment:   <none>
                Mounts:        <none>
              Volumes:         <none>
              Node-Selectors:  <none>
              Tolerations:     <none>
            Events:            <none>

            """, stderr: "", status: 0))
    }

    @Test func cronJob() {
        #expect(Self.run(["describe", "cronjob", "tick"], [Self.cron]) == KubectlRun(stdout: """
            Name:                          tick
            Namespace:                     default
            Labels:                        <none>
            Annotations:                   <none>
            Schedule:                      */5 * * * *
            Concurrency Policy:            Allow
            Suspend:                       False
            Time Zone:                     <unset>
            Successful Job History Limit:  3
            Failed Job History Limit:      1
            Starting Deadline Seconds:     <unset>
            Selector:                      <unset>
            Parallelism:                   <unset>
            Completions:                   <unset>
            Pod Template:
              Labels:  app=web
              Containers:
               nginx:
                Image:           nginx:1.27
                Port:            80/TCP
                Host Port:       0/TCP
                Environment:     <none>
                Mounts:          <none>
              Volumes:           <none>
              Node-Selectors:    <none>
              Tolerations:       <none>
            Last Schedule Time:  <unset>
            Active Jobs:         <none>
            Events:              <none>

            """, stderr: "", status: 0))
    }

    @Test func service() {
        #expect(Self.run(["describe", "svc", "web"], [Self.svc, Self.endpoints]) == KubectlRun(stdout: """
            Name:                     web
            Namespace:                default
            Labels:                   app=web
            Annotations:              <none>
            Selector:                 app=web
            Type:                     NodePort
            IP Family Policy:         SingleStack
            IP Families:              IPv4
            IP:                       10.96.10.10
            IPs:                      10.96.10.10
            Port:                     <unset>  80/TCP
            TargetPort:               8080/TCP
            NodePort:                 <unset>  30080/TCP
            Endpoints:                192.168.1.5:8080,192.168.1.6:8080
            Session Affinity:         None
            External Traffic Policy:  Cluster
            Internal Traffic Policy:  Cluster
            Events:                   <none>

            """, stderr: "", status: 0))
    }
}

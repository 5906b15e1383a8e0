import Kubectl
import KubeModel
import Testing

/// `kubectl describe pod`: kubectl 1.32's describePod layout over objects we build.
@Suite struct DescribePodTests {
    static func run(_ arguments: [String], _ objects: [JSONValue]) -> KubectlRun {
        KubectlHarness.lab(arguments, context: DescribeFakeContext(objects))
    }

    static let involved: JSONValue = ["kind": "Pod", "namespace": "default", "name": "web-1",
                                      "uid": "11111111-2222-3333-4444-555555555555"]
    static let events: [JSONValue] = [
        DescribeFixtures.event("web-1.a", involved: involved, reason: "Scheduled",
                               message: "Successfully assigned default/web-1 to node01", component: "default-scheduler",
                               first: "2026-01-05T08:55:00Z", last: "2026-01-05T08:55:00Z"),
        DescribeFixtures.event("web-1.b", involved: involved, type: "Warning", reason: "BackOff",
                               message: "Back-off restarting failed container web", component: "kubelet",
                               first: "2026-01-05T08:55:30Z", last: "2026-01-05T08:58:00Z", count: 3,
                               fieldPath: "spec.containers{web}"),
        // Another object's event is not shown.
        DescribeFixtures.event("other.a", involved: ["kind": "Pod", "namespace": "default", "name": "other", "uid": "x"],
                               reason: "Scheduled", message: "no", component: "default-scheduler",
                               first: "2026-01-05T08:55:00Z", last: "2026-01-05T08:55:00Z"),
    ]

    static let expected = """
        Name:             web-1
        Namespace:        default
        Priority:         0
        Service Account:  default
        Node:             node01/172.30.2.2
        Start Time:       Mon, 05 Jan 2026 08:55:00 +0000
        Labels:           run=web
        Annotations:      <none>
        Status:           Running
        IP:               192.168.1.4
        IPs:
          IP:  192.168.1.4
        Containers:
          web:
            Container ID:   containerd://0123
            Image:          nginx:1.27
            Image ID:       docker.io/library/nginx@sha256:abc
            Port:           80/TCP
            Host Port:      0/TCP
            State:          Running
              Started:      Mon, 05 Jan 2026 08:56:00 +0000
            Last State:     Terminated
              Reason:       OOMKilled
              Exit Code:    137
              Started:      Mon, 05 Jan 2026 08:55:10 +0000
              Finished:     Mon, 05 Jan 2026 08:55:50 +0000
            Ready:          True
            Restart Count:  2
            Limits:
              cpu:     500m
              memory:  128Mi
            Requests:
              cpu:     250m
              memory:  64Mi
            Environment:
              MODE:      prod
              POD_NAME:  web-1 (v1:metadata.name)
              PASSWORD:  <set to the key 'password' in secret 'db'>  Optional: false
            Mounts:
              /data from data (rw)
              /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-abcde (ro)
        Conditions:
          Type           Status
          Initialized    True 
          Ready          True 
          PodScheduled   True 
        Volumes:
          data:
            Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
            Medium:     
            SizeLimit:  <unset>
          kube-api-access-abcde:
            Type:                    Projected (a volume that contains injected data from multiple sources)
            TokenExpirationSeconds:  3607
            ConfigMapName:           kube-root-ca.crt
            Optional:                false
            DownwardAPI:             true
        QoS Class:                   Burstable
        Node-Selectors:              <none>
        Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                     node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
        Events:
          Type     Reason     Age                 From               Message
          ----     ------     ----                ----               -------
          Normal   Scheduled  5m                  default-scheduler  Successfully assigned default/web-1 to node01
          Warning  BackOff    2m (x3 over 4m30s)  kubelet            Back-off restarting failed container web

        """

    @Test func podLayout() {
        let result = Self.run(["describe", "pod", "web-1"], [DescribeFixtures.pod("web-1")] + Self.events)
        #expect(result == KubectlRun(stdout: Self.expected, stderr: "", status: 0))
    }

    @Test func typeSlashNameAndShortName() {
        let objects = [DescribeFixtures.pod("web-1")] + Self.events
        #expect(Self.run(["describe", "pods/web-1"], objects).stdout == Self.expected)
        #expect(Self.run(["describe", "po", "web-1"], objects).stdout == Self.expected)
    }

    @Test func noEventsAndShowEventsFalse() {
        let pending: JSONValue = [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": ["name": "p", "namespace": "default", "uid": "u1"],
            "spec": ["containers": [["name": "c", "image": "busybox", "command": ["sh", "-c", "sleep 1d"]]]],
            "status": ["phase": "Pending", "qosClass": "BestEffort"],
        ]
        let expected = """
            Name:         p
            Namespace:    default
            Node:         <none>
            Labels:       <none>
            Annotations:  <none>
            Status:       Pending
            IP:           
            IPs:          <none>
            Containers:
              c:
                Image:      busybox
                Port:       <none>
                Host Port:  <none>
                Command:
                  sh
                  -c
                  sleep 1d
                Environment:  <none>
                Mounts:       <none>
            Volumes:          <none>
            QoS Class:        BestEffort
            Node-Selectors:   <none>
            Tolerations:      <none>
            Events:           <none>

            """
        #expect(Self.run(["describe", "pod", "p"], [pending]).stdout == expected)
        let quiet = Self.run(["describe", "pod", "p", "--show-events=false"], [pending]).stdout
        #expect(quiet == expected.replacingOccurrences(of: "Events:           <none>\n", with: ""))
    }

    @Test func notFound() {
        let result = Self.run(["describe", "pod", "nope"], [DescribeFixtures.pod("web-1")])
        #expect(result == KubectlRun(stdout: "", stderr: "Error from server (NotFound): pods \"nope\" not found\n", status: 1))
        let deploy = Self.run(["describe", "deploy/nope"], [])
        #expect(deploy.stderr == "Error from server (NotFound): deployments.apps \"nope\" not found\n")
    }

    @Test func prefixMatchingDescribesEveryPodStartingWithTheName() {
        let objects = [DescribeFixtures.pod("web-1", uid: "a"), DescribeFixtures.pod("web-2", uid: "b"),
                       DescribeFixtures.pod("db-1", uid: "c")]
        let result = Self.run(["describe", "pods", "web"], objects)
        #expect(result.status == 0)
        #expect(result.stdout.components(separatedBy: "\nName:").count == 2)
        #expect(result.stdout.hasPrefix("Name:             web-1\n"))
        #expect(result.stdout.contains("\n\nName:             web-2\n"))
        #expect(!result.stdout.contains("db-1"))
        // Only the two-word form falls back to prefixes.
        #expect(Self.run(["describe", "pods/web"], objects).stderr == "Error from server (NotFound): pods \"web\" not found\n")
    }

    @Test func allOfATypeAreSeparatedByTwoNewlines() {
        let objects = [DescribeFixtures.pod("web-1", uid: "a"), DescribeFixtures.pod("web-2", uid: "b")]
        let result = Self.run(["describe", "pods"], objects)
        #expect(result.stdout.contains("Events:                      <none>\n\n\nName:             web-2\n"))
    }

    @Test func selectorsNamespacesAndEmptyResults() {
        let objects = [DescribeFixtures.pod("web-1", labels: ["app": "a"], uid: "a"),
                       DescribeFixtures.pod("web-2", labels: ["app": "b"], uid: "b"),
                       DescribeFixtures.pod("sys", namespace: "kube-system", uid: "c")]
        let selected = Self.run(["describe", "pods", "-l", "app=b"], objects)
        #expect(selected.stdout.hasPrefix("Name:             web-2\n"))
        #expect(!selected.stdout.contains("web-1"))
        let none = Self.run(["describe", "pods", "-l", "app=zzz"], objects)
        #expect(none == KubectlRun(stdout: "", stderr: "No resources found in default namespace.\n", status: 0))
        #expect(Self.run(["describe", "pods", "-n", "empty"], objects).stderr == "No resources found in empty namespace.\n")
        #expect(Self.run(["describe", "pods", "-A", "-l", "x=y"], objects).stderr == "No resources found\n")
        let all = Self.run(["describe", "pods", "-A"], objects)
        #expect(all.stdout.contains("Name:             sys\nNamespace:        kube-system\n"))
        #expect(Self.run(["describe", "pods", "-n", "kube-system"], objects).stdout.hasPrefix("Name:             sys\n"))
    }

    @Test func usageErrors() {
        #expect(Self.run(["describe"], []) == KubectlRun(
            stdout: "",
            stderr: "error: You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n",
            status: 1))
        #expect(Self.run(["describe", "foos"], []).stderr == "error: the server doesn't have a resource type \"foos\"\n")
        #expect(Self.run(["describe", "pods", "x", "-l", "a=b"], []).stderr
            == "error: name cannot be provided when a selector is specified\n")
    }
}

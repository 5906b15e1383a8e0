import Testing

@Suite struct MutateDrainTests {
    static let pods = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: proxy, namespace: kube-system}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: proxy-x1
          namespace: kube-system
          ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: proxy, uid: u1, controller: true}]
        spec: {nodeName: node01, containers: [{name: c, image: i}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-1
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web, uid: u2, controller: true}]
        spec: {nodeName: node01, containers: [{name: c, image: i}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: static-node01, namespace: kube-system, annotations: {kubernetes.io/config.mirror: abc}}
        spec: {nodeName: node01, containers: [{name: c, image: i}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: cache
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web, uid: u2, controller: true}]
        spec: {nodeName: node01, containers: [{name: c, image: i}], volumes: [{name: v, emptyDir: {}}]}
        """

    func context() -> MemoryContext { MemoryContext(MutateFixtures.node, Self.pods, MutateFixtures.pod) }

    @Test func refusals() {
        let c = context()
        #expect(kubectl("drain node01", c) == KubectlRun(
            stdout: "node/node01 cordoned\n",
            stderr: """
                error: unable to drain node "node01" due to error: [cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache, cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/proxy-x1], continuing command...
                There are pending nodes to be drained:
                 node01
                [cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache, cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/proxy-x1]

                """, status: 1))
        #expect(kubectl("drain", c).stderr == "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n")
    }

    @Test func evictions() {
        let c = context()
        #expect(kubectl("drain node01 --ignore-daemonsets --delete-emptydir-data --dry-run=client", c) == KubectlRun(
            stdout: "node/node01 cordoned (dry run)\nevicting pod default/cache (dry run)\nevicting pod default/web-1 (dry run)\nnode/node01 drained (dry run)\n",
            stderr: "Warning: ignoring DaemonSet-managed Pods: kube-system/proxy-x1\n",
            status: 0))
        #expect(kubectl("drain node01 --ignore-daemonsets --delete-emptydir-data", c).stdout
            == "node/node01 cordoned\nevicting pod default/cache\nevicting pod default/web-1\npod/cache evicted\npod/web-1 evicted\nnode/node01 drained\n")
        #expect(c.objects["pods"]?.map(\.name).sorted() == ["p", "proxy-x1", "static-node01"])
    }
}

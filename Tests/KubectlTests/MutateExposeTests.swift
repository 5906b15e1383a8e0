import Testing

@Suite struct MutateExposeTests {
    func context() -> MemoryContext { MemoryContext(MutateFixtures.deployment, MutateFixtures.pod, MutateFixtures.node) }

    @Test func exposeDeployment() {
        let c = context()
        #expect(kubectl("expose deploy web", c) == KubectlRun(stdout: "service/web exposed\n", stderr: "", status: 0))
        let service = c.objects["services"]?.first
        #expect(service?[path: ["spec", "selector"]] == ["app": "web"])
        #expect(service?[path: ["spec", "ports"]] == [["port": 80, "protocol": "TCP", "targetPort": 80]])
        #expect(service?.labels == ["app": "web"])
        #expect(kubectl("expose deployment/web --port=8080 --target-port=http --name=web2 --type=NodePort --dry-run=client -o yaml", c).stdout == """
            apiVersion: v1
            kind: Service
            metadata:
              creationTimestamp: null
              labels:
                app: web
              name: web2
            spec:
              ports:
              - port: 8080
                protocol: TCP
                targetPort: http
              selector:
                app: web
              type: NodePort
            status:
              loadBalancer: {}

            """)
    }

    @Test func exposeErrors() {
        let c = context()
        #expect(kubectl("expose pod p", c).stderr == "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n")
        #expect(kubectl("expose pod p --port=80 --name=p-svc", c).stdout == "service/p-svc exposed\n")
        #expect(kubectl("expose node node01 --port=80", c).stderr == "error: cannot expose a Node\n")
        #expect(kubectl("expose deploy nope --port=80", c).stderr == "Error from server (NotFound): deployments.apps \"nope\" not found\n")
    }
}

import Testing

@Suite struct MutateNodeTests {
    func context() -> MemoryContext { MemoryContext(MutateFixtures.deployment, MutateFixtures.pod, MutateFixtures.node) }

    @Test func cordonAndUncordon() {
        let c = context()
        #expect(kubectl("cordon node01", c) == KubectlRun(stdout: "node/node01 cordoned\n", stderr: "", status: 0))
        #expect(kubectl("cordon node01", c).stdout == "node/node01 already cordoned\n")
        #expect(kubectl("uncordon node01 --dry-run=client", c).stdout == "node/node01 uncordoned (dry run)\n")
        #expect(kubectl("uncordon node01", c).stdout == "node/node01 uncordoned\n")
        #expect(kubectl("uncordon node01", c).stdout == "node/node01 already uncordoned\n")
        #expect(kubectl("cordon", c).stderr == "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n")
        #expect(kubectl("cordon nope", c).stderr == "Error from server (NotFound): nodes \"nope\" not found\n")
    }

    @Test func taints() {
        let c = context()
        #expect(kubectl("taint nodes node01 app=web:NoSchedule", c).stdout == "node/node01 tainted\n")
        #expect(kubectl("taint node node01 app=x:NoSchedule", c).stderr
            == "error: node node01 already has app taint(s) with same effect(s) and --overwrite is false\n")
        #expect(kubectl("taint node node01 app=x:NoSchedule --overwrite", c).stdout == "node/node01 modified\n")
        #expect(kubectl("taint node node01 gpu:NoExecute", c).stdout == "node/node01 tainted\n")
        #expect(kubectl("taint node node01 app:NoSchedule-", c).stdout == "node/node01 untainted\n")
        #expect(kubectl("taint node node01 app-", c).stderr == "error: taint \"app\" not found\n")
        #expect(kubectl("taint node node01 a=b:Foo", c).stderr
            == "error: invalid taint effect: Foo, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n")
        #expect(kubectl("taint node node01 a:NoSchedule a=c:NoSchedule", c).stderr
            == "error: duplicated taints with the same key and effect: {a c NoSchedule <nil>}\nSee 'kubectl taint -h' for help and examples\n")
        #expect(kubectl("taint pods p a:NoSchedule", c).stderr == "error: invalid resource type pods, only node types are supported\n")
        #expect(kubectl("taint node a:NoSchedule", c).stderr
            == "error: at least one resource name must be specified since 'all' parameter is not set\n")
        #expect(kubectl("taint node node01", c).stderr == "error: at least one taint update is required\n")
        #expect(kubectl("taint node node01 a:NoSchedule a-", c).stderr
            == "error: can not both modify and remove the following taint(s) in the same command: {\"a\":\"\"}\n")
        #expect(kubectl("taint node node01 gpu-", c).stdout == "node/node01 untainted\n")
    }

    @Test func scale() {
        let c = context()
        #expect(kubectl("scale deploy web --replicas=3", c) == KubectlRun(stdout: "deployment.apps/web scaled\n", stderr: "", status: 0))
        #expect(kubectl("scale deploy/web --replicas=2 --current-replicas=1", c).stderr == "error: Expected replicas to be 1, was 3\n")
        #expect(kubectl("scale deploy/web --replicas=2 --current-replicas=3", c).stdout == "deployment.apps/web scaled\n")
        #expect(kubectl("scale deploy web", c).stderr == "error: required flag(s) \"replicas\" not set\n")
        #expect(kubectl("scale deploy web --replicas=-1", c).stderr
            == "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n")
        #expect(kubectl("scale deploy nope --replicas=1", c).stderr == "Error from server (NotFound): deployments.apps \"nope\" not found\n")
        #expect(kubectl("scale deploy web --replicas=5 --dry-run=client -o jsonpath={.spec.replicas}", c).stdout == "2")
        #expect(kubectl("scale deploy web --replicas=5 --dry-run=client", c).stdout == "deployment.apps/web scaled (dry run)\n")
        #expect(kubectl("scale --replicas=1", c).stderr.hasPrefix("error: You must provide one or more resources by argument or filename.\n"))
    }
}

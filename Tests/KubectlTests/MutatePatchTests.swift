import Testing

@Suite struct MutatePatchTests {
    func context() -> MemoryContext { MemoryContext(MutateFixtures.deployment, MutateFixtures.pod, MutateFixtures.node) }

    @Test func serverPatches() {
        let c = context()
        #expect(kubectl(#"patch deploy web -p {"spec":{"replicas":3}}"#, c)
            == KubectlRun(stdout: "deployment.apps/web patched\n", stderr: "", status: 0))
        #expect(kubectl(#"patch deploy/web -p {"spec":{"replicas":3}}"#, c).stdout == "deployment.apps/web patched (no change)\n")
        #expect(kubectl(#"patch deploy web --type=merge -p {"metadata":{"labels":{"x":"y"}}} -o jsonpath={.metadata.labels}"#, c).stdout
            == #"{"app":"web","x":"y"}"#)
        #expect(kubectl(#"patch deploy web --type=json -p [{"op":"replace","path":"/spec/replicas","value":5}] -o name"#, c).stdout
            == "deployment.apps/web\n")
        #expect(kubectl(#"patch deploy web --type=json -p [{"op":"remove","path":"/spec/nope"}]"#, c)
            == KubectlRun(stdout: "", stderr: "The request is invalid: the server rejected our request due to an error in our request\n", status: 1))
        #expect(kubectl(#"patch deploy web --type=json -p {"op":"add"}"#, c).stderr
            == "Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n")
        #expect(kubectl(#"patch deploy nope -p {}"#, c).stderr == "Error from server (NotFound): deployments.apps \"nope\" not found\n")
        #expect(kubectl(#"patch deploy web -p {"spec":{"replicas":9}} --dry-run=client"#, c).stdout == "deployment.apps/web patched (dry run)\n")
        #expect(c.objects["deployments.apps"]?.first?[path: ["spec", "replicas"]] == .int(5))
    }

    @Test func strategicContainers() {
        let c = context()
        let patch = #"{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}}"#
        #expect(kubectl("patch deploy web -p \(patch)", c).stdout == "deployment.apps/web patched\n")
        let containers = c.objects["deployments.apps"]?.first?[path: ["spec", "template", "spec", "containers"]]?.arrayValue
        #expect(containers?.count == 1)
        #expect(containers?.first?["image"] == "nginx:1.25")
        #expect(containers?.first?["ports"] != nil)
    }
}

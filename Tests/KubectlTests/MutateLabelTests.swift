import Testing

@Suite struct MutateLabelTests {
    func context() -> MemoryContext { MemoryContext(MutateFixtures.deployment, MutateFixtures.pod, MutateFixtures.node) }

    @Test func labelAddOverwriteRemove() {
        let c = context()
        #expect(kubectl("label deploy web tier=fe", c) == KubectlRun(stdout: "deployment.apps/web labeled\n", stderr: "", status: 0))
        #expect(kubectl("label deploy web app=x", c) == KubectlRun(
            stdout: "", stderr: "error: 'app' already has a value (web), and --overwrite is false\n", status: 1))
        #expect(kubectl("label deploy/web app=x --overwrite", c).stdout == "deployment.apps/web labeled\n")
        #expect(kubectl("label deployment web tier-", c).stdout == "deployment.apps/web unlabeled\n")
        #expect(kubectl("label deploy web nope-", c).stdout == "label \"nope\" not found.\ndeployment.apps/web not labeled\n")
        #expect(kubectl("label deploy web --list", c).stdout == "app=x\n")
        #expect(kubectl("label pod p run=p --overwrite", c).stdout == "pod/p not labeled\n")
    }

    @Test func labelErrors() {
        let c = context()
        #expect(kubectl("label deploy nope a=b", c) == KubectlRun(
            stdout: "", stderr: "Error from server (NotFound): deployments.apps \"nope\" not found\n", status: 1))
        #expect(kubectl("label deploy web nope a=b", c) == KubectlRun(
            stdout: "deployment.apps/web labeled\n", stderr: "Error from server (NotFound): deployments.apps \"nope\" not found\n", status: 1))
        #expect(kubectl("label foo web a=b", c).stderr == "error: the server doesn't have a resource type \"foo\"\n")
        #expect(kubectl("label deploy a=b", c).stderr == "error: resource(s) were provided, but no name was specified\n")
        #expect(kubectl("label a=b", c).stderr == "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n")
        #expect(kubectl("label deploy web", c).stderr == "error: at least one label update is required\n")
        #expect(kubectl("label deploy web a=b c", c).stderr == "error: all resources must be specified before label changes: c\n")
        #expect(kubectl("label deploy web --list -o yaml", c).stderr == "error: --list and --output may not be specified together\n")
    }

    @Test func labelSelectorsAndLists() {
        let c = context()
        #expect(kubectl("label pods,deploy -l run=p x=y", c).stdout == "pod/p labeled\n")
        #expect(kubectl("label pods --all x=z --overwrite", c).stdout == "pod/p labeled\n")
        #expect(kubectl("label pod/p deploy/web --list", c).stdout
            == "Listing labels for Pod./p:\n run=p\n x=z\nListing labels for Deployment.apps/web:\n app=web\n")
        #expect(kubectl("label pod p q=r --dry-run=client -o name", c).stdout == "pod/p\n")
        #expect(kubectl("label pod p q=r --dry-run=server", c).stdout == "pod/p labeled (server dry run)\n")
        #expect(kubectl("label pod p q-", c).stdout == "label \"q\" not found.\npod/p not labeled\n")
    }

    @Test func annotate() {
        let c = context()
        #expect(kubectl("annotate pod p a=c", c).stderr
            == "error: --overwrite is false but found the following declared annotation(s): 'a' already has a value (b)\n")
        #expect(kubectl("annotate pod p a=c --overwrite", c).stdout == "pod/p annotated\n")
        #expect(kubectl("annotate pod p x=1 x-", c).stderr
            == "error: can not both modify and remove the following annotation(s) in the same command: x\n")
        #expect(kubectl("annotate pod p zz-", c).stdout == "pod/p annotated\n")
        #expect(kubectl("annotate pod p --list", c).stdout == "a=c\n")
        #expect(kubectl("annotate pod p", c).stderr == "error: at least one annotation update is required\n")
    }
}

import Testing
@testable import Kubectl

@Suite struct MutateEditTests {
    func context() -> MemoryContext { MemoryContext(MutateFixtures.deployment) }

    @Test func unchangedAndChanged() {
        let c = context()
        let (cancelled, shown) = kubectl("edit deploy web", c) { _ in nil }
        #expect(cancelled == KubectlRun(stdout: "", stderr: "Edit cancelled, no changes made.\n", status: 0))
        #expect(shown.first?.hasPrefix(EditVerb.header + "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n") == true)
        let (edited, _) = kubectl("edit deployment/web", c) { $0.replacingOccurrences("replicas: 1", "replicas: 4") }
        #expect(edited == KubectlRun(stdout: "deployment.apps/web edited\n", stderr: "", status: 0))
        #expect(c.objects["deployments.apps"]?.first?[path: ["spec", "replicas"]] == .int(4))
        let (empty, _) = kubectl("edit deploy web", c) { _ in "# nothing\n" }
        #expect(empty.stderr == "Edit cancelled, saved file was empty.\n")
    }

    @Test func syntaxErrorReopens() {
        let c = context()
        var round = 0
        let (run, shown) = kubectl("edit deploy web", c) { text in
            round += 1
            return round == 1 ? text.replacingOccurrences("replicas: 1", "replicas: [") : nil
        }
        #expect(shown.count == 2)
        #expect(shown.last?.hasPrefix(EditVerb.header + "# The edited file had a syntax error: error converting YAML to JSON: yaml: line ") == true)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("A copy of your changes has been stored to \"/tmp/kubectl-edit-"))
        #expect(run.stderr.hasSuffix(".yaml\"\nerror: Edit cancelled, no valid changes were saved.\n"))
    }

    @Test func invalidReopensWithCauses() {
        let c = context()
        var round = 0
        let (run, shown) = kubectl("edit deploy web", c) { text in
            round += 1
            if round == 1 { return text.replacingOccurrences("replicas: 1", "replicas: -1") }
            return text.replacingOccurrences("replicas: -1", "replicas: 2")
        }
        #expect(shown.count == 2)
        #expect(shown.last?.hasPrefix(EditVerb.header + """
            # deployments.apps "web" was not valid:
            # * spec.replicas: Invalid value: -1: must be greater than or equal to 0
            #
            apiVersion: apps/v1
            """) == true)
        #expect(run == KubectlRun(stdout: "deployment.apps/web edited\n", stderr: "error: deployments.apps \"web\" is invalid\n", status: 0))
    }

    @Test func noEditor() {
        let c = context()
        #expect(kubectl("edit deploy web", c, editorFails: true) { _ in nil }.0.stderr == "error: there was a problem with the editor \"vi\"\n")
        #expect(kubectl("edit deploy nope", c).stderr == "Error from server (NotFound): deployments.apps \"nope\" not found\n")
    }
}

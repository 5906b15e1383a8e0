import Cluster
import LabTestSupport
import Testing

/// The rollout verbs' help and flag errors, against the real kubectl v1.32 (these answers need no server).
struct RolloutFlagTests {
    static let oracle = "/usr/lib/google-cloud-sdk/bin/kubectl.1.32"

    static let commandLines = [
        "rollout history --help", "rollout undo --help", "rollout pause --help", "rollout resume --help",
        "rollout restart --help", "rollout history", "rollout undo", "rollout pause", "rollout resume", "rollout restart",
        "rollout history --bogus deploy/a", "rollout undo --to-revision=x deploy/a", "rollout history --revision=two deploy/a",
        "rollout undo --dry-run=foo deploy/a", "rollout undo --dry-run=foo", "rollout restart --revision=1 deploy/a",
        "rollout pause --to-revision=1", "rollout history --revision=-1", "rollout foo",
    ]

    @Test(arguments: commandLines)
    func sameAsKubectl(_ line: String) {
        let real = runRealBash("KUBECONFIG=/dev/null \(Self.oracle) \(line)")
        let lab = runLab("kubectl \(line)")
        #expect(lab.stdout == real.stdout)
        #expect(lab.stderr == real.stderr)
        #expect(lab.status == real.status)
    }
}

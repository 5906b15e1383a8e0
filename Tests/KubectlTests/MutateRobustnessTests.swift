import SimKit
import Testing

/// Seeded random command lines through every changing verb: nothing may crash or hang, and every
/// failure ends with a non-zero status and something on stderr.
@Suite struct MutateRobustnessTests {
    static let verbs = [["label"], ["annotate"], ["taint"], ["cordon"], ["uncordon"], ["drain"], ["scale"], ["patch"],
                        ["set", "image"], ["set", "env"], ["expose"], ["explain"]]
    static let words = [
        "deploy", "web", "deploy/web", "pod", "p", "pods/p", "node", "node01", "nodes/node01", "svc", "nope", "a=b", "a-", "app=x",
        "run=p", "k=v:NoSchedule", "k:NoExecute-", "k-", "k=v:Bad", "=x", "-", "*=img", "nginx=nginx:2", "X=1", "1X=2",
        "--overwrite", "--all", "-l", "app=web", "--list", "--replicas=2", "--replicas=-3", "--current-replicas=1", "-p",
        #"{"spec":{"replicas":2}}"#, #"[{"op":"remove","path":"/x"}]"#, "--type=json", "--type=merge", "{bad", "--dry-run=client",
        "--dry-run=server", "-o", "yaml", "json", "name", "--port=80", "--local", "-f", "x.yaml", "--recursive", "pod.spec.x",
        "deploy.spec.template.spec.containers", "--ignore-daemonsets", "--force", "--delete-emptydir-data", "-c", "nginx",
    ]

    @Test func randomLines() {
        var random = SeededRandom(seed: 42)
        for round in 0..<600 {
            let verb = Self.verbs[round % Self.verbs.count]
            let count = Int(random.next() % 6)
            let line = verb + (0..<count).map { _ in Self.words[Int(random.next() % UInt64(Self.words.count))] }
            let c = MemoryContext(MutateFixtures.deployment, MutateFixtures.pod, MutateFixtures.node)
            let run = KubectlHarness.lab(line, context: c)
            if run.status != 0 {
                #expect(!run.stderr.isEmpty, "kubectl \(line.joined(separator: " "))")
            }
        }
    }
}

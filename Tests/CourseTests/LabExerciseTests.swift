@testable import Course
import Foundation
import Testing

/// An exercise in the lab, as a learner types it: hints, checks, the solution, submitting, resuming.
@Suite(.serialized) struct LabExerciseTests {
    static let solution = LabHarness.library.entries["ds-config-file"]?.solution ?? ""

    @Test func hintsComeOneAtATimeAndAreRemembered() throws {
        let lab = LabHarness()
        defer { lab.cleanUp() }
        lab.open(.exercise, "ds-config-file")
        let first = lab.type("lab hint")
        #expect(first.out.hasPrefix("Hint 1 of 4: `kubectl create deployment config"))
        #expect(lab.type("lab hint").out.hasPrefix("Hint 2 of 4: A hostPath volume"))
        lab.type("lab hint", "lab hint")
        #expect(lab.type("lab hint").out == "No more hints (all 4 shown); 'lab solution' shows the reference solution.\n")
        #expect(lab.lab.state.hintsUsed == 4)
    }

    @Test func checkBeforeAndAfterTheSolution() throws {
        let lab = LabHarness()
        defer { lab.cleanUp() }
        lab.open(.exercise, "ds-config-file")
        let empty = lab.type("lab check")
        #expect(empty.out == """
            ✗ daemonset-exists (0/2): There is no DaemonSet named config in the default namespace.
                found: DaemonSet default/config not found
            ✗ busybox-image (0/1): The DaemonSet's container should run the busybox image.
                found: DaemonSet default/config not found
            ✗ runs-on-every-node (0/3): The DaemonSet must run a pod on every node, the control plane included (its pods need a toleration for the control-plane taint).
                found: DaemonSet default/config not found
            ✗ hostpath-volume (0/1): The pods should write through a hostPath volume at /config, so the file lands on the node.
                found: DaemonSet default/config not found
            ✗ file-on-every-node (0/3): /config/conf must hold the line Hello, Kubernetes! on every node.
                found: /config/conf equal to "Hello, Kubernetes!\\n" on 0 of 2 nodes; controlplane: no such file or directory; node01: no such file or directory
            Points so far: 0/10

            """)
        #expect(lab.type("echo $?").out == "1\n")
        lab.lab.runScript(Self.solution)
        #expect(lab.type("lab check").out == """
            ✓ daemonset-exists (2/2)
            ✓ busybox-image (1/1)
            ✓ runs-on-every-node (3/3)
            ✓ hostpath-volume (1/1)
            ✓ file-on-every-node (3/3)
            Points so far: 10/10 (all checks pass; 'lab submit' writes your submission)

            """)
    }

    @Test func theSolutionAsksFirst() {
        let lab = LabHarness()
        defer { lab.cleanUp() }
        lab.open(.exercise, "ds-config-file")
        #expect(lab.type("lab solution").out == "")
        #expect(lab.lab.prompt == "Show the reference solution of ds-config-file? [y/N] ")
        #expect(lab.type("").out == "Not shown.\n")
        #expect(lab.lab.prompt == "root@controlplane:~# ")
        let shown = lab.type("lab solution", "y").out
        #expect(shown.hasPrefix("Reference solution of ds-config-file (type it, or your own, then 'lab check'):\ncat > config.yaml <<'EOF_YAML'\n"))
        #expect(shown.hasSuffix("kubectl rollout status daemonset config\n"))
    }

    @Test func badUsageIsOneLineAndStatusTwo() {
        let lab = LabHarness()
        defer { lab.cleanUp() }
        lab.open(.exercise, "ds-config-file")
        #expect(lab.type("lab frobnicate; echo $?") == ("2\n", "lab: unknown command \"frobnicate\"; see 'lab help'\n"))
        #expect(lab.type("lab check now; echo $?") == ("2\n", "lab: check takes no arguments; see 'lab help'\n"))
        #expect(lab.type("lab start; echo $?") == ("2\n", "lab: start needs the id of a lesson or an exercise; see 'lab help'\n"))
        #expect(lab.type("lab start nope; echo $?") == ("1\n", "lab: no lesson or exercise \"nope\"; 'lab lessons' and 'lab exercises' list them\n"))
        // On a node reached by ssh too.
        #expect(lab.type("ssh node01", "lab nope; hostname") == ("node01\n", "lab: unknown command \"nope\"; see 'lab help'\n"))
    }

    @Test func tabCompletesLabCommandsAndIds() {
        let lab = LabHarness()
        defer { lab.cleanUp() }
        lab.open(.exercise, "ds-config-file")
        #expect(lab.lab.complete(line: "lab st", cursor: 6).candidates == ["start", "status"])
        #expect(lab.lab.complete(line: "lab start ds-config", cursor: 19).candidates == ["ds-config-file"])
        let ids = (LabHarness.library.ids + LabHarness.library.lessonIDs).filter { $0.hasPrefix("static-pod") }
        #expect(lab.lab.complete(line: "lab start static-pod", cursor: 20).candidates == ids.sorted())
    }

    @Test func submissionReplaysToTheSameScore() throws {
        let lab = LabHarness()
        defer { lab.cleanUp() }
        lab.open(.exercise, "ds-config-file")
        lab.lab.runScript(Self.solution.replacingOccurrences(of: "      tolerations:\n      - key: node-role.kubernetes.io/control-plane\n        effect: NoSchedule\n", with: ""))
        let live = lab.type("lab check").out
        #expect(live.hasSuffix("Points so far: 4/10\n"))
        let submitted = lab.type("lab submit")
        let path = lab.home + "/submissions/ds-config-file.sh"
        #expect(submitted.out == "Submission written to \(path) (5 commands).\nCheck it with: ckalab run --exercise ds-config-file --check \(path)\n")
        let text = try #require(lab.written[path])
        #expect(text.hasPrefix("# ckalab submission\n# exercise: ds-config-file\n# learner: alice\n# ckalab: 0.1.0\n# time: "))
        #expect(text.hasSuffix("kubectl rollout status daemonset config\n# lab check\n# lab submit\n"))
        #expect(Submission.fields(of: text)?["exercise"] == "ds-config-file")
        // The grader replays it in a fresh world: the same score.
        let entry = try #require(LabHarness.library.entries["ds-config-file"])
        let grade = Grader.grade(entry.exercise, rubric: entry.rubric, script: text)
        #expect("\(grade.earned)/\(grade.total)" == "4/10")
        // And `ckalab run --exercise … --check` (a lab replaying it, then lab check) prints the same check.
        let replay = LabHarness()
        defer { replay.cleanUp() }
        replay.lab.open(.exercise, "ds-config-file", fresh: true, announce: false)
        replay.lab.runScript(text)
        #expect(replay.type("lab check").out == live)
    }
}

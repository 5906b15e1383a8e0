@testable import Course
import Testing

/// Each check kind against a small world: what passes, and the detail when it fails.
struct CheckKindsTests {
    private static let exercise = Exercise(id: "t", title: "t", topic: "workloads", difficulty: "easy", estimatedMinutes: 1,
                                           task: "t", hints: [], world: ExerciseWorld())

    /// `name: ✓|✗ detail` for each check of `checks` (YAML list items) after `script`.
    private func grade(_ script: String, _ checks: String) throws -> [String] {
        let rubric = try Rubric.decode("exercise: t\nwait: 20\nchecks:\n" + checks, file: "grader/t.yaml")
        return Grader.grade(Self.exercise, rubric: rubric, script: script).results.map {
            "\($0.name): \($0.passed ? "✓" : "✗") \($0.outcome.detail)"
        }
    }

    @Test func filesOnAnyNodeAndAbsentFiles() throws {
        let results = try grade("echo hi > /root/a.txt", """
              - {name: any, points: 1, feedback: f, file: {path: /root/a.txt, nodes: any, contains: hi}}
              - {name: node01, points: 1, feedback: f, file: {path: /root/a.txt, nodes: node01}}
              - {name: gone, points: 1, feedback: f, file: {path: /root/a.txt, nodes: [controlplane], exists: false}}
              - {name: regex, points: 1, feedback: f, file: {path: /root/a.txt, nodes: controlplane, matches: "^h.$"}}
            """)
        #expect(results == [
            #"any: ✓ /root/a.txt containing "hi" on 1 of 2 nodes; node01: no such file or directory"#,
            "node01: ✗ /root/a.txt on 0 of 1 node; node01: no such file or directory",
            "gone: ✗ no /root/a.txt on 0 of 1 node; controlplane: /root/a.txt exists",
            #"regex: ✗ /root/a.txt matching /^h.$/ on 0 of 1 node; controlplane: contents are "hi\n""#,
        ])
    }

    @Test func podsEventsCommandsAndScripts() throws {
        let results = try grade("kubectl create deployment web --image=nginx --replicas=2", """
              - {name: pods, points: 1, feedback: f, pods: {selector: app=web, count: 2, running: true, ready: true}}
              - {name: three, points: 1, feedback: f, pods: {selector: app=web, count: 3}}
              - {name: event, points: 1, feedback: f, event: {kind: Deployment, name: web, reason: ScalingReplicaSet, message: "to 2"}}
              - {name: no-event, points: 1, feedback: f, event: {kind: Deployment, name: web, reason: Killing}}
              - {name: command, points: 1, feedback: f, command: {run: "kubectl get deploy web -o jsonpath='{.spec.replicas}'", equals: "2"}}
              - {name: script, points: 1, feedback: f, script: {run: "kubectl get deploy nope"}}
              - {name: eligible, points: 1, feedback: f, daemonSet: {name: kube-proxy, namespace: kube-system}}
            """)
        #expect(results.count == 7)
        guard results.count == 7 else { return }
        #expect(results[0] == "pods: ✓ 2 Running and Ready pods match app=web in default, expected 2")
        #expect(results[1] == "three: ✗ 2 pods match app=web in default, expected 3")
        #expect(results[2].hasPrefix("event: ✓ Deployment default/web: ScalingReplicaSet: Scaled up replica set web-"))
        #expect(results[3] == "no-event: ✗ no event Killing on Deployment default/web (seen: ScalingReplicaSet)")
        #expect(results[4] == #"command: ✓ "kubectl get deploy web -o jsonpath='{.spec.replicas}'": exit status 0"#)
        #expect(results[5] == #"script: ✗ "kubectl get deploy nope": exit status 1, expected 0"#)
        #expect(results[6] == "eligible: ✓ DaemonSet kube-proxy runs on 2 of 2 nodes")
    }

    @Test func setupProblemsAreReported() throws {
        var exercise = Self.exercise
        exercise.world.objects = ["apiVersion: v1\nkind: Widget\nmetadata: {name: w}\n"]
        let rubric = try Rubric.decode("exercise: t\nchecks:\n  - {name: a, points: 1, feedback: f, object: {kind: Node, name: node01}}\n",
                                       file: "grader/t.yaml")
        let grade = Grader.grade(exercise, rubric: rubric, script: "")
        #expect(grade.setupProblems.count == 1)
        #expect(grade.results.map(\.outcome.detail) == ["Node node01 exists"])
    }
}

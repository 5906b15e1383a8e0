import Foundation
import Course
import Testing

/// ds-config-file's rubric tells apart: done right; a DaemonSet without the control-plane
/// toleration; files written by hand without a DaemonSet.
struct DaemonSetConfigFileTests {
    static let entry = VerifyContentTests.library.entries["ds-config-file"]

    /// The solution without its toleration lines.
    private static func untolerated(_ solution: String) -> String {
        solution.replacingOccurrences(of: "      tolerations:\n      - key: node-role.kubernetes.io/control-plane\n        effect: NoSchedule\n", with: "")
    }

    /// Failed checks as `name: detail`.
    private func failures(_ script: String) throws -> (score: String, failed: [String]) {
        let entry = try #require(Self.entry)
        let grade = Grader.grade(entry.exercise, rubric: entry.rubric, script: script)
        return ("\(grade.earned)/\(grade.total)", grade.failed.map { "\($0.name): \($0.outcome.detail)" })
    }

    @Test func doneRight() throws {
        let entry = try #require(Self.entry)
        let result = try failures(entry.solution)
        #expect(result.score == "10/10")
        #expect(result.failed == [])
    }

    @Test func daemonSetThatMissesTheControlPlane() throws {
        let entry = try #require(Self.entry)
        let script = Self.untolerated(entry.solution)
        #expect(script != entry.solution)
        let result = try failures(script)
        #expect(result.score == "4/10")
        #expect(result.failed == [
            "runs-on-every-node: DaemonSet config runs on 1 of 2 nodes; controlplane: untolerated taint node-role.kubernetes.io/control-plane:NoSchedule",
            #"file-on-every-node: /config/conf equal to "Hello, Kubernetes!\n" on 1 of 2 nodes; controlplane: no such file or directory"#,
        ])
        let grade = Grader.grade(entry.exercise, rubric: entry.rubric, script: script)
        #expect(grade.failed.map(\.feedback) == [
            "The DaemonSet must run a pod on every node, the control plane included (its pods need a toleration for the control-plane taint).",
            "/config/conf must hold the line Hello, Kubernetes! on every node.",
        ])
    }

    @Test func filesWrittenByHand() throws {
        let result = try failures("""
            mkdir -p /config
            echo 'Hello, Kubernetes!' > /config/conf
            ssh node01 "mkdir -p /config && echo 'Hello, Kubernetes!' > /config/conf"
            """)
        #expect(result.score == "3/10")
        #expect(result.failed == [
            "daemonset-exists: DaemonSet default/config not found",
            "busybox-image: DaemonSet default/config not found",
            "runs-on-every-node: DaemonSet default/config not found",
            "hostpath-volume: DaemonSet default/config not found",
        ])
    }

    @Test func wrongTextOnOneNode() throws {
        let result = try failures("""
            mkdir -p /config
            echo 'Hello, k8s!' > /config/conf
            """)
        #expect(result.failed.last == #"file-on-every-node: /config/conf equal to "Hello, Kubernetes!\n" on 0 of 2 nodes; controlplane: contents are "Hello, k8s!\n"; node01: no such file or directory"#)
    }
}

import Foundation
import Course
import Testing

/// static-pod-worker: node01's kubelet reads /etc/kubelet.d (set up on purpose), so a manifest
/// in the usual folder starts nothing, and the check says where the kubelet looks.
struct StaticPodWorkerTests {
    @Test func manifestInTheDefaultFolderIsNotRun() throws {
        let entry = try #require(VerifyContentTests.library.entries["static-pod-worker"])
        let script = entry.solution.replacingOccurrences(of: "/etc/kubelet.d/web.yaml", with: "/etc/kubernetes/manifests/web.yaml")
        let grade = Grader.grade(entry.exercise, rubric: entry.rubric, script: script)
        #expect("\(grade.earned)/\(grade.total)" == "0/8")
        #expect(grade.failed.map { "\($0.name): \($0.outcome.detail)" } == [
            "static-pod-on-node01: node01: no manifest for pod web in staticPodPath /etc/kubelet.d (it is empty)",
            "nginx-image: Pod default/web-node01 not found",
            "mirrored-from-node01: Pod default/web-node01 not found",
        ])
    }
}

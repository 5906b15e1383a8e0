import Course
import Foundation
import Grading

/// A small class for ds-config-file: full marks, an empty attempt, a near miss (no toleration
/// for the control-plane taint) and a garbage file, in a temporary folder.
enum ClassFixture {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let library = CourseLibrary.load(root: root, only: ["ds-config-file"])

    static func header(_ learner: String, exercise: String = "ds-config-file") -> String {
        "# ckalab submission\n# exercise: \(exercise)\n# learner: \(learner)\n# ckalab: 0.1.0\n# time: 2m 3s simulated, 5m 0s wall\n"
    }

    static var solution: String { library.entries["ds-config-file"]?.solution ?? "" }

    /// The solution without its tolerations: the control plane gets no pod.
    static var nearMiss: String {
        solution.replacingOccurrences(of: "      tolerations:\n      - key: node-role.kubernetes.io/control-plane\n        effect: NoSchedule\n", with: "")
    }

    static let garbage: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0xFF, 0xFE, 0x0A]

    /// Writes the class into a fresh folder; returns its path.
    static func folder() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ckalab-grade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try (header("alice") + "\n" + solution).write(to: directory.appendingPathComponent("a-alice.sh"), atomically: true, encoding: .utf8)
        try (header("bob") + "\n# lab check\n").write(to: directory.appendingPathComponent("b-bob.sh"), atomically: true, encoding: .utf8)
        try nearMiss.write(to: directory.appendingPathComponent("carol.sh"), atomically: true, encoding: .utf8)
        try Data(garbage).write(to: directory.appendingPathComponent("dave.bin"))
        return directory.path
    }

    /// The class graded from a folder, with the folder's path shown as `class/`.
    static func report(jobs: Int = 2) throws -> GradeReport {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var report = BatchGrader(library: library, exercise: "ds-config-file", jobs: jobs).grade(SubmissionInput.collect([directory]))
        for index in report.rows.indices {
            report.rows[index].file = report.rows[index].file.replacingOccurrences(of: directory + "/", with: "class/")
        }
        return report
    }
}

import Course
import Testing

/// `ckalab verify` over every exercise in the repository: files well-formed, solutions full
/// marks, empty attempts zero with every check failing.
struct VerifyContentTests {
    static let library = CourseLibrary.load(root: CourseRoot.path)

    @Test func everyFileIsWellFormed() {
        #expect(Self.library.problems.map(\.description) == [])
        #expect(Self.library.ids.count >= 3)
    }

    @Test(arguments: library.ids) func exerciseVerifies(id: String) throws {
        let entry = try #require(Self.library.entries[id])
        let report = Verifier.verify(entry)
        #expect(report.ok, "\(report.lines.joined(separator: "\n"))")
        #expect(report.lines.count == 1)
    }

    @Test(arguments: library.lessonIDs) func lessonVerifies(id: String) throws {
        let lesson = try #require(Self.library.lessons[id])
        let report = LessonVerifier.verify(lesson)
        #expect(report.ok, "\(report.lines.joined(separator: "\n"))")
    }
}

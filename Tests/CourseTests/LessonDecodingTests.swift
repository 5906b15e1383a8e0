@testable import Course
import Testing

/// Lessons decode strictly (file, line, field), and translations replace only their texts.
struct LessonDecodingTests {
    private func lessonError(_ text: String) -> String {
        do {
            _ = try Lesson.decode(text, file: "lessons/x.yaml")
            return "no error"
        } catch {
            return error.description
        }
    }

    private static let head = """
        id: x
        title: X
        topic: static-pods
        estimatedMinutes: 3
        """

    @Test func theSampleLessonLoadsInBothLanguages() throws {
        let english = try #require(LabHarness.library.lessons["static-pods-basics"])
        #expect(english.steps.count == 3)
        #expect(english.steps[0].check == .typed(.matches("staticPodPath|config\\.yaml")))
        #expect(english.steps[1].check == .world(.staticPod(name: "static-web", node: "controlplane", namespace: "default")))
        let chinese = try #require(CourseLibrary.load(root: CourseRoot.path, language: .traditionalChinese).lessons["static-pods-basics"])
        #expect(chinese.title == "靜態 Pod 入門")
        #expect(chinese.steps.map(\.check) == english.steps.map(\.check))
        #expect(chinese.steps.map(\.example) == english.steps.map(\.example))
        #expect(chinese.steps[2].done == "manifest 移走了，kubelet 停止這個 Pod 並刪除它的 mirror pod。")
        #expect(LabHarness.library.problems == [])
    }

    @Test func unknownFieldInAStepCheck() {
        #expect(lessonError(Self.head + """

            steps:
              - text: t
                example: e
                check:
                  file: {pth: /x}
            """) == "lessons/x.yaml:9: steps[0].check.file.pth: unknown field (expected one of path, nodes, exists, equals, contains, matches)")
    }

    @Test func aStepCheckHasExactlyOneKind() {
        #expect(lessonError(Self.head + """

            steps:
              - text: t
                example: e
                check:
                  typed: {contains: a}
                  object: {kind: Pod, name: p}
            """) == "lessons/x.yaml:9: steps[0].check: a check has one kind, got typed and object")
        #expect(lessonError(Self.head + """

            steps:
              - text: t
                example: e
                check: {}
            """) == "lessons/x.yaml:8: steps[0].check: expected one of file, object, field, pods, daemonSet, staticPod, event, command, script, typed")
    }

    @Test func missingFieldsAndEmptySteps() {
        #expect(lessonError(Self.head + "\nsteps: []\n") == "lessons/x.yaml:5: steps: expected at least one step")
        #expect(lessonError(Self.head + """

            steps:
              - text: t
                check: {typed: {contains: a}}
            """) == "lessons/x.yaml:6: steps[0].example: missing required field")
        #expect(lessonError(Self.head + """

            steps:
              - text: t
                example: e
                check: {typed: {startsWith: a}}
            """) == "lessons/x.yaml:8: steps[0].check.typed.startsWith: unknown field (expected one of equals, contains, matches)")
    }

    @Test func translationsKeepTheStepCount() throws {
        let lesson = try Lesson.decode(Self.head + "\nsteps:\n  - {text: t, example: e, check: {typed: {contains: a}}}\n", file: "lessons/x.yaml")
        do {
            _ = try Translation.lesson(lesson, text: "steps:\n  - text: a\n  - text: b\n", file: "lessons/zh-TW/x.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "lessons/zh-TW/x.yaml:2: steps: expected 1 steps (as in the English file), got 2")
        }
        do {
            _ = try Translation.lesson(lesson, text: "steps:\n  - {text: a, hint: h}\n", file: "lessons/zh-TW/x.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "lessons/zh-TW/x.yaml:2: steps[0].hint: the English step has no hint to translate")
        }
    }

    @Test func languageFromTheEnvironment() {
        #expect(Language.from(environment: ["LANG": "zh_TW.UTF-8"]) == .traditionalChinese)
        #expect(Language.from(environment: ["LANG": "zh_TW.UTF-8", "LC_ALL": "C.UTF-8"]) == .english)
        #expect(Language.from(environment: [:]) == .english)
    }
}

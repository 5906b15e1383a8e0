@testable import Course
import Testing

/// Content errors name the file, the line and the field.
struct DecodingErrorTests {
    private func rubricError(_ text: String) -> String {
        do {
            _ = try Rubric.decode(text, file: "grader/x.yaml")
            return "no error"
        } catch {
            return error.description
        }
    }

    private func exerciseError(_ text: String) -> String {
        do {
            _ = try Exercise.decode(text, file: "exercises/x.yaml")
            return "no error"
        } catch {
            return error.description
        }
    }

    private static let check = """
          - name: a
            points: 1
            feedback: f
            object: {kind: Pod, name: p}
        """

    @Test func wrongTypeNamesLineAndField() {
        #expect(rubricError("""
            exercise: x
            checks:
            \(Self.check)
              - name: b
                points: five
                feedback: f
                object: {kind: Pod, name: p}
            """) == #"grader/x.yaml:8: checks[1].points: expected an integer, got "five""#)
    }

    @Test func unknownFieldsAreErrors() {
        #expect(rubricError("""
            exercise: x
            checks:
              - name: a
                points: 1
                feedback: f
                file: {path: /a, equal: b}
            """) == "grader/x.yaml:6: checks[0].file.equal: unknown field (expected one of path, nodes, exists, equals, contains, matches)")
        #expect(exerciseError("""
            id: x
            titel: y
            """) == "exercises/x.yaml:2: titel: unknown field (expected one of id, title, topic, difficulty, estimatedMinutes, task, hints, world)")
    }

    @Test func missingFieldsAndBadValues() {
        #expect(exerciseError("""
            id: x
            title: t
            topic: daemonsets
            difficulty: easy
            task: do it
            """) == "exercises/x.yaml:1: estimatedMinutes: missing required field")
        #expect(exerciseError("""
            id: x
            title: t
            topic: pets
            """) == #"exercises/x.yaml:3: topic: expected one of static-pods, daemonsets, statefulsets, scheduling, workloads, troubleshooting, got "pets""#)
        #expect(rubricError("""
            exercise: x
            checks:
              - name: a
                points: 1
                feedback: f
                object: {kind: Widget, name: p}
            """) == #"grader/x.yaml:6: checks[0].object.kind: unknown kind "Widget""#)
        #expect(rubricError("""
            exercise: x
            checks:
              - name: a
                points: 1
                feedback: f
            """) == "grader/x.yaml:3: checks[0]: expected one of file, object, field, pods, daemonSet, staticPod, event, command, script")
        #expect(rubricError("""
            exercise: x
            checks:
              - name: a
                points: 1
                feedback: f
                field: {kind: Pod, name: p, path: "{.spec", equals: x}
            """).hasPrefix("grader/x.yaml:6: checks[0].field.path: not a valid JSONPath template: "))
    }

    @Test func yamlSyntaxErrorsHaveALine() {
        #expect(rubricError("exercise: x\nchecks:\n  - name: [\n").hasPrefix("grader/x.yaml:4: YAML: "))
    }
}

@testable import Course
import Foundation
import Testing

/// The JSON Schemas and the decoders agree on every field name.
struct SchemaTests {
    private func properties(_ file: String, definition: String?) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: CourseRoot.path + "/" + file))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var node = schema
        if let definition {
            let defs = try #require(schema["$defs"] as? [String: Any])
            node = try #require(defs[definition] as? [String: Any])
        }
        #expect(node["additionalProperties"] as? Bool == false, "\(file) \(definition ?? "root") allows unknown fields")
        let properties = try #require(node["properties"] as? [String: Any])
        return properties.keys.sorted()
    }

    @Test func exerciseSchemaMatchesTheDecoder() throws {
        let file = "exercises/schema.json"
        #expect(try properties(file, definition: nil) == Exercise.fields.sorted())
        #expect(try properties(file, definition: "World") == ExerciseWorld.fields.sorted())
        #expect(try properties(file, definition: "Node") == ExerciseWorld.nodeFields.sorted())
        #expect(try properties(file, definition: "Taint") == ExerciseWorld.taintFields.sorted())
        #expect(try properties(file, definition: "File") == ExerciseWorld.fileFields.sorted())
    }

    @Test func graderSchemaMatchesTheDecoder() throws {
        let file = "grader/schema.json"
        #expect(try properties(file, definition: nil) == Rubric.fields.sorted())
        #expect(try properties(file, definition: "Check") == Check.fields.sorted())
        let kinds: [(String, [String])] = [
            ("FileCheck", CheckDecoder.fileFields), ("ObjectCheck", CheckDecoder.objectFields),
            ("FieldCheck", CheckDecoder.fieldFields), ("PodsCheck", CheckDecoder.podsFields),
            ("DaemonSetCheck", CheckDecoder.daemonSetFields), ("StaticPodCheck", CheckDecoder.staticPodFields),
            ("EventCheck", CheckDecoder.eventFields), ("CommandCheck", CheckDecoder.commandFields),
            ("ScriptCheck", CheckDecoder.scriptFields),
        ]
        for (definition, fields) in kinds {
            #expect(try properties(file, definition: definition) == fields.sorted(), "\(definition)")
        }
    }

    @Test func lessonSchemaMatchesTheDecoder() throws {
        let file = "lessons/schema.json"
        #expect(try properties(file, definition: nil) == Lesson.fields.sorted())
        #expect(try properties(file, definition: "Step") == LessonStep.fields.sorted())
        #expect(try properties(file, definition: "StepCheck") == (CheckKind.names + ["typed"]).sorted())
        #expect(try properties(file, definition: "TypedCheck") == StepCheck.typedFields.sorted())
    }
}

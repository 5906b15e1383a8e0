import Cluster

/// `exercises/<id>.yaml`: what the learner sees and the world the exercise starts from.
public struct Exercise: Sendable, Equatable {
    public var id: String
    public var title: String
    public var topic: String
    public var difficulty: String
    public var estimatedMinutes: Int
    public var task: String
    /// Shown one at a time, in order.
    public var hints: [String]
    public var world: ExerciseWorld

    /// The fields the file may have (the schema's `properties`; a test keeps them in step).
    static let fields = ["id", "title", "topic", "difficulty", "estimatedMinutes", "task", "hints", "world"]
    static let topics = ["static-pods", "daemonsets", "statefulsets", "scheduling", "workloads", "troubleshooting"]
    static let difficulties = ["easy", "medium", "hard"]

    /// Decodes `text`, the contents of `file` (named in errors).
    public static func decode(_ text: String, file: String) throws(ContentError) -> Exercise {
        let document = try YAMLField.document(text, file: file)
        let map = try document.mapping(fields)
        // Fields in the file's order, so the first error reported is the first in the file.
        let id = try map.required("id").string()
        let title = try map.required("title").string()
        let topic = try map.required("topic").choice(topics)
        let difficulty = try map.required("difficulty").choice(difficulties)
        let minutesField = try map.required("estimatedMinutes")
        let minutes = try minutesField.int()
        if minutes <= 0 { throw minutesField.error("expected a positive number of minutes, got \(minutes)") }
        let task = try map.required("task").string()
        var hints: [String] = []
        if let list = map.optional("hints") { hints = try list.strings() }
        var world = ExerciseWorld()
        if let field = map.optional("world") { world = try ExerciseWorld.decode(field) }
        let exercise = Exercise(id: id, title: title, topic: topic, difficulty: difficulty, estimatedMinutes: minutes,
                                task: task, hints: hints, world: world)
        return exercise
    }
}

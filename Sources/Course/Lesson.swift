/// `lessons/<id>.yaml`: a guided lesson — an introduction, then steps the tutor checks in order.
public struct Lesson: Sendable, Equatable {
    public var id: String
    public var title: String
    public var topic: String
    public var estimatedMinutes: Int
    public var intro: String
    public var world: ExerciseWorld
    public var steps: [LessonStep]

    static let fields = ["id", "title", "topic", "estimatedMinutes", "intro", "world", "steps"]

    /// Decodes `text`, the contents of `file` (named in errors).
    public static func decode(_ text: String, file: String) throws(ContentError) -> Lesson {
        let document = try YAMLField.document(text, file: file)
        let map = try document.mapping(fields)
        let id = try map.required("id").string()
        let title = try map.required("title").string()
        let topic = try map.required("topic").choice(Exercise.topics)
        let minutesField = try map.required("estimatedMinutes")
        let minutes = try minutesField.int()
        if minutes <= 0 { throw minutesField.error("expected a positive number of minutes, got \(minutes)") }
        let intro = try map.optional("intro")?.string() ?? ""
        var world = ExerciseWorld()
        if let field = map.optional("world") { world = try ExerciseWorld.decode(field) }
        let stepsField = try map.required("steps")
        let items = try stepsField.list()
        guard !items.isEmpty else { throw stepsField.error("expected at least one step") }
        var steps: [LessonStep] = []
        for item in items { steps.append(try LessonStep.decode(item)) }
        return Lesson(id: id, title: title, topic: topic, estimatedMinutes: minutes, intro: intro, world: world, steps: steps)
    }

    /// The lesson as an exercise without checks, so it can share the exercise machinery (worlds, hints).
    var asExercise: Exercise {
        Exercise(id: id, title: title, topic: topic, difficulty: "easy", estimatedMinutes: estimatedMinutes,
                 task: intro, hints: [], world: world)
    }
}

/// One step: what to read, a command that would do it, and the check that moves the learner on.
public struct LessonStep: Sendable, Equatable {
    public var text: String
    public var example: String
    public var check: StepCheck
    public var hint: String?
    /// Printed when the step is achieved.
    public var done: String?

    static let fields = ["text", "example", "check", "hint", "done"]

    static func decode(_ field: YAMLField) throws(ContentError) -> LessonStep {
        let map = try field.mapping(fields)
        let text = try map.required("text").string()
        let example = try map.required("example").string()
        let check = try StepCheck.decode(try map.required("check"))
        return LessonStep(text: text, example: example, check: check, hint: try map.optional("hint")?.string(),
                          done: try map.optional("done")?.string())
    }
}

/// What makes a step done: a rubric check kind on the world, or (lessons only) the command just typed.
public enum StepCheck: Sendable, Equatable {
    case world(CheckKind)
    case typed(TextMatch)

    static let typedFields = TextMatch.keys

    static func decode(_ field: YAMLField) throws(ContentError) -> StepCheck {
        let decoded = try CheckDecoder.decodeKind(field, extra: ["typed"])
        if let kind = decoded.kind { return .world(kind) }
        let map = try decoded.field.mapping(typedFields)
        guard let match = try TextMatch.decode(map) else { throw decoded.field.error("expected one of equals, contains, matches") }
        return .typed(match)
    }
}

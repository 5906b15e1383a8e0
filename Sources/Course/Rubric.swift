/// `grader/<id>.yaml`: the checks of one exercise, with points and feedback.
public struct Rubric: Sendable, Equatable {
    /// The exercise this rubric grades (must match the file name).
    public var exercise: String
    /// Simulated seconds the cluster runs on after the attempt before checking (pods start, files appear).
    public var wait: Int
    public var checks: [Check]

    public var totalPoints: Int { checks.reduce(0) { $0 + $1.points } }

    static let fields = ["exercise", "wait", "checks"]

    public static func decode(_ text: String, file: String) throws(ContentError) -> Rubric {
        let document = try YAMLField.document(text, file: file)
        let map = try document.mapping(fields)
        var wait = 30
        if let field = map.optional("wait") {
            wait = try field.int()
            guard (0...3_600).contains(wait) else { throw field.error("expected 0 to 3600 seconds, got \(wait)") }
        }
        let list = try map.required("checks").list()
        guard !list.isEmpty else { throw try map.required("checks").error("expected at least one check") }
        var checks: [Check] = []
        for item in list {
            let check = try CheckDecoder.decode(item)
            if checks.contains(where: { $0.name == check.name }) {
                throw item.error("check name \"\(check.name)\" is used twice")
            }
            checks.append(check)
        }
        return Rubric(exercise: try map.required("exercise").string(), wait: wait, checks: checks)
    }
}

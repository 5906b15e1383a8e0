/// `lab lessons`, `lab exercises`, `lab status`.
enum LabLists {
    static func lessons(_ lab: Lab) -> String {
        let ids = lab.library.lessonIDs
        guard !ids.isEmpty else { return "No lessons.\n" }
        let rows = ids.compactMap { id in
            lab.library.lessons[id].map { lesson in
                (marker(lab, .lesson, id) + id, "\(lesson.title) (\(lesson.topic), \(lesson.steps.count) steps, ~\(lesson.estimatedMinutes) min)")
            }
        }
        return LabText.table(rows)
    }

    static func exercises(_ lab: Lab) -> String {
        let ids = lab.library.ids.filter { lab.library.entries[$0] != nil }
        guard !ids.isEmpty else { return "No exercises.\n" }
        let rows = ids.compactMap { id in
            lab.library.entries[id].map { entry in
                let exercise = entry.exercise
                var text = "\(exercise.title) (\(exercise.topic), \(exercise.difficulty), ~\(exercise.estimatedMinutes) min)"
                if let score = lastScore(lab, id) { text += " last check \(score)" }
                return (marker(lab, .exercise, id) + id, text)
            }
        }
        return LabText.table(rows)
    }

    /// `* ` before the one open now.
    private static func marker(_ lab: Lab, _ kind: LabState.Kind, _ id: String) -> String {
        lab.state.kind == kind && lab.state.id == id ? "* " : "  "
    }

    private static func lastScore(_ lab: Lab, _ id: String) -> String? {
        let score = lab.state.kind == .exercise && lab.state.id == id ? lab.state.lastScore
            : lab.environment.store?.load(key: "exercise-\(id)")?.lastScore
        guard let score, score.count == 2 else { return nil }
        return "\(score[0])/\(score[1])"
    }

    static func status(_ lab: Lab) -> String {
        var text: String
        if let exercise = lab.exercise {
            text = "Exercise \(exercise.id): \(exercise.title)\n"
            text += "Hints used: \(lab.state.hintsUsed) of \(exercise.hints.count)\n"
            if let score = lastScore(lab, exercise.id) { text += "Last check: \(score)\n" }
        } else if let lesson = lab.lesson {
            text = "Lesson \(lesson.id): \(lesson.title)\n"
            text += lab.state.step < lesson.steps.count ? "Step \(lab.state.step + 1) of \(lesson.steps.count)\n" : "Complete\n"
            text += "Hints used: \(lab.state.hintsUsed)\n"
        } else {
            text = "Sandbox: a free cluster, nothing graded\n"
        }
        let count = lab.state.commandCount
        text += "Commands typed: \(count)\n"
        text += "Time: \(LabText.duration(lab.simulatedSeconds)) simulated, \(LabText.duration(lab.wallSeconds)) wall\n"
        return text
    }
}

extension Lab {
    /// `lab lessons`, for `ckalab list`.
    public var lessonList: String { LabLists.lessons(self) }
    /// `lab exercises`, for `ckalab list`.
    public var exerciseList: String { LabLists.exercises(self) }
}

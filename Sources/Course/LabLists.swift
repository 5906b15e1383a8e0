/// `lab lessons`, `lab exercises`, `lab status`.
enum LabLists {
    static func lessons(_ lab: Lab) -> String {
        let ids = lab.library.lessonIDs
        let say = lab.say
        guard !ids.isEmpty else { return say(.noLessons) + "\n" }
        let rows = ids.compactMap { id in
            lab.library.lessons[id].map { lesson in
                (marker(lab, .lesson, id) + id, say(.lessonRow, ["title": lesson.title, "topic": lesson.topic, "steps": lesson.steps.count,
                                                                 "minutes": lesson.estimatedMinutes]))
            }
        }
        return LabText.table(rows)
    }

    static func exercises(_ lab: Lab) -> String {
        let ids = lab.library.ids.filter { lab.library.entries[$0] != nil }
        let say = lab.say
        guard !ids.isEmpty else { return say(.noExercises) + "\n" }
        let rows = ids.compactMap { id in
            lab.library.entries[id].map { entry in
                let exercise = entry.exercise
                var text = say(.exerciseRow, ["title": exercise.title, "topic": exercise.topic, "difficulty": exercise.difficulty,
                                              "minutes": exercise.estimatedMinutes])
                if let score = lastScore(lab, id) { text += say(.lastCheckSuffix, ["score": score]) }
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
        let say = lab.say
        var lines: [String]
        if let exercise = lab.exercise {
            lines = [say(.statusExercise, ["id": exercise.id, "title": exercise.title]),
                     say(.statusHintsOf, ["used": lab.state.hintsUsed, "total": exercise.hints.count])]
            if let score = lastScore(lab, exercise.id) { lines.append(say(.statusLastCheck, ["score": score])) }
        } else if let lesson = lab.lesson {
            lines = [say(.statusLesson, ["id": lesson.id, "title": lesson.title]),
                     lab.state.step < lesson.steps.count ? say(.stepHeading, ["n": lab.state.step + 1, "total": lesson.steps.count])
                         : say(.statusComplete),
                     say(.statusHints, ["used": lab.state.hintsUsed])]
        } else {
            lines = [say(.statusSandbox)]
        }
        lines.append(say(.statusCommands, ["count": lab.state.commandCount]))
        lines.append(say(.statusTime, ["simulated": LabText.duration(lab.simulatedSeconds), "wall": LabText.duration(lab.wallSeconds)]))
        return lines.map { $0 + "\n" }.joined()
    }
}

extension Lab {
    /// `lab lessons`, for `ckalab list`.
    public var lessonList: String { LabLists.lessons(self) }
    /// `lab exercises`, for `ckalab list`.
    public var exerciseList: String { LabLists.exercises(self) }
}

import Foundation

/// What the lab prints: banners, steps, lists, the check report, the status.
enum LabText {
    static func banner(_ lab: Lab) -> String {
        let say = lab.say
        if let exercise = lab.exercise {
            return say(.exerciseHeading, ["id": exercise.id, "title": exercise.title, "topic": exercise.topic,
                                          "difficulty": exercise.difficulty, "minutes": exercise.estimatedMinutes]) + "\n\n"
                + block(exercise.task) + "\n" + say(.exerciseFooter) + "\n"
        }
        if let lesson = lab.lesson {
            var text = say(.lessonHeading, ["id": lesson.id, "title": lesson.title, "steps": lesson.steps.count,
                                            "minutes": lesson.estimatedMinutes]) + "\n\n"
            if !lesson.intro.isEmpty { text += block(lesson.intro) + "\n" }
            return text + step(lab.state.step, of: lesson, say)
        }
        return say(.sandboxBanner) + "\n"
    }

    /// After a resume: where the learner is.
    static func reminder(_ lab: Lab) -> String {
        if let exercise = lab.exercise {
            return lab.say(.exerciseReminder, ["id": exercise.id, "title": exercise.title]) + "\n"
        }
        if let lesson = lab.lesson {
            if lab.state.step >= lesson.steps.count { return lab.say(.lessonIsComplete, ["id": lesson.id]) + "\n" }
            return step(lab.state.step, of: lesson, lab.say)
        }
        return ""
    }

    /// `Step 2 of 3`, its text and example.
    static func step(_ index: Int, of lesson: Lesson, _ say: LabMessages) -> String {
        guard index < lesson.steps.count else { return "" }
        let step = lesson.steps[index]
        return say(.stepHeading, ["n": index + 1, "total": lesson.steps.count]) + "\n" + block(step.text) + "  $ \(step.example)\n"
    }

    static func solutionQuestion(_ lab: Lab) -> String {
        lab.say(.solutionQuestion, ["id": lab.state.id])
    }

    /// A text with exactly one final newline.
    static func block(_ text: String) -> String {
        text.trimmingCharacters(in: .newlines) + "\n"
    }

    /// `45s`, `2m 05s`, `1h 02m`.
    static func duration(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.rounded()))
        if total < 60 { return "\(total)s" }
        if total < 3_600 { return "\(total / 60)m " + String(format: "%02ds", total % 60) }
        return "\(total / 3_600)h " + String(format: "%02dm", total % 3_600 / 60)
    }

    /// Rows with their first column padded to the widest.
    static func table(_ rows: [(String, String)]) -> String {
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 + "\n" }.joined()
    }

    /// `lab check` on an exercise: one line per check, what was found where it failed, the points.
    static func report(_ grade: Grade, _ say: LabMessages) -> String {
        var text = ""
        for result in grade.results {
            if result.passed {
                text += say(.checkPassed, ["name": result.name, "earned": result.earned, "points": result.points]) + "\n"
            } else {
                text += say(.checkFailed, ["name": result.name, "points": result.points, "feedback": block(result.feedback)])
                text += say(.checkFound, ["detail": result.outcome.detail(say)]) + "\n"
            }
        }
        for problem in grade.setupProblems { text += say(.setupProblem, ["problem": problem]) + "\n" }
        text += say(.pointsSoFar, ["earned": grade.earned, "total": grade.total])
        text += (grade.earned == grade.total ? say(.pointsAllPass) : "") + "\n"
        return text
    }
}

import Foundation

/// What the lab prints: banners, steps, lists, the check report, the status.
enum LabText {
    static func banner(_ lab: Lab) -> String {
        if let exercise = lab.exercise {
            return "Exercise \(exercise.id): \(exercise.title) (\(exercise.topic), \(exercise.difficulty), ~\(exercise.estimatedMinutes) min)\n\n"
                + block(exercise.task) + "\n"
                + "'lab check' checks your work, 'lab hint' gives a hint, 'lab help' lists the lab's commands.\n"
        }
        if let lesson = lab.lesson {
            var text = "Lesson \(lesson.id): \(lesson.title) (\(lesson.steps.count) steps, ~\(lesson.estimatedMinutes) min)\n\n"
            if !lesson.intro.isEmpty { text += block(lesson.intro) + "\n" }
            return text + step(lab.state.step, of: lesson)
        }
        return "A free cluster: nothing is graded. 'lab lessons' and 'lab exercises' list what there is to do, 'lab help' the lab's commands.\n"
    }

    /// After a resume: where the learner is.
    static func reminder(_ lab: Lab) -> String {
        if let exercise = lab.exercise {
            return "Exercise \(exercise.id): \(exercise.title). 'lab task' shows the task again.\n"
        }
        if let lesson = lab.lesson {
            if lab.state.step >= lesson.steps.count { return "Lesson \(lesson.id) is complete.\n" }
            return step(lab.state.step, of: lesson)
        }
        return ""
    }

    /// `Step 2 of 3`, its text and example.
    static func step(_ index: Int, of lesson: Lesson) -> String {
        guard index < lesson.steps.count else { return "" }
        let step = lesson.steps[index]
        return "Step \(index + 1) of \(lesson.steps.count)\n" + block(step.text) + "  $ \(step.example)\n"
    }

    static func solutionQuestion(_ lab: Lab) -> String {
        "Show the reference solution of \(lab.state.id)? [y/N] "
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
    static func report(_ grade: Grade) -> String {
        var text = ""
        for result in grade.results {
            if result.passed {
                text += "✓ \(result.name) (\(result.earned)/\(result.points))\n"
            } else {
                text += "✗ \(result.name) (0/\(result.points)): \(block(result.feedback))"
                text += "    found: \(result.outcome.detail)\n"
            }
        }
        for problem in grade.setupProblems { text += "! the exercise's world could not be set up: \(problem)\n" }
        text += "Points so far: \(grade.earned)/\(grade.total)"
        text += grade.earned == grade.total ? " (all checks pass; 'lab submit' writes your submission)\n" : "\n"
        return text
    }

    static let help = """
        lab: the tutor's commands (they work on every node)
          lab lessons        list the lessons
          lab exercises      list the exercises
          lab start ID       start (or resume) a lesson or an exercise
          lab task           show the task, or the lesson's current step, again
          lab hint           show the next hint
          lab check          check your work: each check ✓ or ✗, and the points so far
          lab solution       show the reference solution (asks first)
          lab reset          start over in a fresh cluster
          lab next           the next step of a lesson, or the next exercise
          lab back           the previous step of a lesson, or the previous exercise
          lab status         where you are: exercise or step, hints, time
          lab submit         write your attempt as a submission script
          lab quit           leave; your work is saved and 'ckalab' resumes it

        """
}

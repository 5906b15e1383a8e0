import Cluster
import CommandKit
import Foundation

/// The `lab` subcommands that act on the open lesson or exercise.
enum LabActions {
    static func run(_ name: String, lab: Lab, out: OutputSink, failure: (String) -> Int32) -> Int32 {
        if lab.state.kind == .sandbox, name != "reset" {
            return failure("no lesson or exercise started; 'lab start ID' starts one ('lab lessons', 'lab exercises' list them)")
        }
        switch name {
        case "task":
            if let lesson = lab.lesson, lab.state.step < lesson.steps.count {
                out.write(LabText.step(lab.state.step, of: lesson))
            } else {
                out.write(LabText.banner(lab))
            }
        case "hint":
            return hint(lab, out: out)
        case "check":
            return check(lab, out: out)
        case "solution":
            guard lab.exercise != nil else { return failure("a lesson has no solution: each step shows its example command") }
            lab.awaitingConfirmation = true
        case "reset":
            out.line(lab.state.kind == .sandbox ? "Starting over in a fresh cluster." : "Starting \(lab.state.id) over in a fresh cluster.")
            lab.pending = .open(lab.state.kind, lab.state.id, fresh: true)
        case "next", "back":
            return move(forward: name == "next", lab: lab, out: out, failure: failure)
        default:
            return submit(lab, out: out, failure: failure)
        }
        return 0
    }

    /// The next hint of an exercise (remembered), or the current step's hint and example.
    private static func hint(_ lab: Lab, out: OutputSink) -> Int32 {
        if let lesson = lab.lesson {
            guard lab.state.step < lesson.steps.count else {
                out.line("The lesson is complete: no more hints.")
                return 0
            }
            let step = lesson.steps[lab.state.step]
            if let hint = step.hint { out.line("Hint: " + Tutor.trimmed(hint)) }
            out.line("Try: \(step.example)")
            lab.state.hintsUsed += 1
            return 0
        }
        guard let exercise = lab.exercise else { return 1 }
        let shown = lab.state.hintsUsed
        guard shown < exercise.hints.count else {
            out.line(exercise.hints.isEmpty ? "This exercise has no hints; 'lab solution' shows the reference solution."
                : "No more hints (all \(exercise.hints.count) shown); 'lab solution' shows the reference solution.")
            return 0
        }
        out.line("Hint \(shown + 1) of \(exercise.hints.count): " + Tutor.trimmed(exercise.hints[shown]))
        lab.state.hintsUsed += 1
        return 0
    }

    /// Every check of the rubric (exercise), or the current step (lesson); status 1 unless all hold.
    private static func check(_ lab: Lab, out: OutputSink) -> Int32 {
        if let lesson = lab.lesson {
            let index = lab.state.step
            guard index < lesson.steps.count else {
                out.line("✓ The lesson is complete.")
                return 0
            }
            let outcome = Tutor.evaluate(lesson.steps[index].check, typed: nil, in: lab.session.world)
            guard outcome.passed else {
                out.line("✗ Step \(index + 1) of \(lesson.steps.count) is not done yet: \(outcome.detail)")
                return 1
            }
            Tutor.advance(lab, lesson: lesson, output: out)
            return 0
        }
        guard let exercise = lab.exercise, let rubric = lab.rubric else { return 1 }
        let grade = Grader.check(lab.session.world, exercise: exercise, rubric: rubric)
        out.write(LabText.report(grade))
        lab.state.lastScore = [grade.earned, grade.total]
        return grade.earned == grade.total ? 0 : 1
    }

    /// After `y` to `Show the reference solution …? [y/N]`.
    static func showSolution(_ lab: Lab, answer: String, out: OutputSink) {
        let yes = ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
        guard yes, let solution = lab.library.entries[lab.state.id]?.solution else {
            out.line("Not shown.")
            return
        }
        out.line("Reference solution of \(lab.state.id) (type it, or your own, then 'lab check'):")
        out.write(LabText.block(solution))
    }

    private static func move(forward: Bool, lab: Lab, out: OutputSink, failure: (String) -> Int32) -> Int32 {
        if let lesson = lab.lesson {
            let target = lab.state.step + (forward ? 1 : -1)
            guard target >= 0 else { return failure("this is the first step") }
            guard target < lesson.steps.count else {
                return failure(lab.state.step >= lesson.steps.count ? "the lesson is complete" : "this is the last step")
            }
            lab.state.step = target
            out.write(LabText.step(target, of: lesson))
            return 0
        }
        let ids = lab.library.ids.filter { lab.library.entries[$0] != nil }
        guard let index = ids.firstIndex(of: lab.state.id) else { return 1 }
        let target = index + (forward ? 1 : -1)
        guard ids.indices.contains(target) else {
            return failure("\(lab.state.id) is the \(forward ? "last" : "first") exercise")
        }
        lab.pending = .open(.exercise, ids[target], fresh: false)
        return 0
    }

    private static func submit(_ lab: Lab, out: OutputSink, failure: (String) -> Int32) -> Int32 {
        guard lab.exercise != nil else { return failure("only an exercise can be submitted") }
        let text = Submission.make(lab)
        let path = lab.environment.submissionsDirectory + "/\(lab.state.id).sh"
        if lab.replaying { return 0 }
        do {
            try lab.environment.writeFile(path, Data(text.utf8))
        } catch {
            return failure("cannot write \(path): \(error)")
        }
        let count = lab.session.transcript.count
        out.line("Submission written to \(path) (\(count) command\(count == 1 ? "" : "s")).")
        out.line("Check it with: ckalab run --exercise \(lab.state.id) --check \(path)")
        return 0
    }
}

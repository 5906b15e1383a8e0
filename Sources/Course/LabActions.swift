import Cluster
import CommandKit
import Foundation

/// The `lab` subcommands that act on the open lesson or exercise.
enum LabActions {
    static func run(_ name: String, lab: Lab, out: OutputSink, failure: (String) -> Int32) -> Int32 {
        let say = lab.say
        if lab.state.kind == .sandbox, name != "reset" {
            return failure(say(.noLabStarted))
        }
        switch name {
        case "task":
            if let lesson = lab.lesson, lab.state.step < lesson.steps.count {
                out.write(LabText.step(lab.state.step, of: lesson, say))
            } else {
                out.write(LabText.banner(lab))
            }
        case "hint":
            return hint(lab, out: out)
        case "check":
            return check(lab, out: out)
        case "solution":
            guard lab.exercise != nil else { return failure(say(.lessonHasNoSolution)) }
            lab.awaitingConfirmation = true
        case "reset":
            out.line(lab.state.kind == .sandbox ? say(.resetSandbox) : say(.reset, ["id": lab.state.id]))
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
        let say = lab.say
        if let lesson = lab.lesson {
            guard lab.state.step < lesson.steps.count else {
                out.line(say(.hintLessonComplete))
                return 0
            }
            let step = lesson.steps[lab.state.step]
            if let hint = step.hint { out.line(say(.hintLesson, ["text": Tutor.trimmed(hint)])) }
            out.line(say(.tryExample, ["example": step.example]))
            lab.state.hintsUsed += 1
            return 0
        }
        guard let exercise = lab.exercise else { return 1 }
        let shown = lab.state.hintsUsed
        guard shown < exercise.hints.count else {
            out.line(exercise.hints.isEmpty ? say(.hintNone) : say(.hintNoMore, ["count": exercise.hints.count]))
            return 0
        }
        out.line(say(.hintNumbered, ["n": shown + 1, "total": exercise.hints.count, "text": Tutor.trimmed(exercise.hints[shown])]))
        lab.state.hintsUsed += 1
        return 0
    }

    /// Every check of the rubric (exercise), or the current step (lesson); status 1 unless all hold.
    private static func check(_ lab: Lab, out: OutputSink) -> Int32 {
        let say = lab.say
        if let lesson = lab.lesson {
            let index = lab.state.step
            guard index < lesson.steps.count else {
                out.line(say(.checkLessonComplete))
                return 0
            }
            let outcome = Tutor.evaluate(lesson.steps[index].check, typed: nil, in: lab.session.world, say)
            guard outcome.passed else {
                out.line(say(.stepNotDone, ["n": index + 1, "total": lesson.steps.count, "detail": outcome.detail(say)]))
                return 1
            }
            Tutor.advance(lab, lesson: lesson, output: out)
            return 0
        }
        guard let exercise = lab.exercise, let rubric = lab.rubric else { return 1 }
        let grade = Grader.check(lab.session.world, exercise: exercise, rubric: rubric)
        out.write(LabText.report(grade, say))
        lab.state.lastScore = [grade.earned, grade.total]
        return grade.earned == grade.total ? 0 : 1
    }

    /// After `y` to `Show the reference solution …? [y/N]`.
    static func showSolution(_ lab: Lab, answer: String, out: OutputSink) {
        let yes = ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
        guard yes, let solution = lab.library.entries[lab.state.id]?.solution else {
            out.line(lab.say(.solutionNotShown))
            return
        }
        out.line(lab.say(.solutionHeading, ["id": lab.state.id]))
        out.write(LabText.block(solution))
    }

    private static func move(forward: Bool, lab: Lab, out: OutputSink, failure: (String) -> Int32) -> Int32 {
        let say = lab.say
        if let lesson = lab.lesson {
            let target = lab.state.step + (forward ? 1 : -1)
            guard target >= 0 else { return failure(say(.firstStep)) }
            guard target < lesson.steps.count else {
                return failure(lab.state.step >= lesson.steps.count ? say(.lessonDone) : say(.lastStep))
            }
            lab.state.step = target
            out.write(LabText.step(target, of: lesson, say))
            return 0
        }
        let ids = lab.library.ids.filter { lab.library.entries[$0] != nil }
        guard let index = ids.firstIndex(of: lab.state.id) else { return 1 }
        let target = index + (forward ? 1 : -1)
        guard ids.indices.contains(target) else {
            return failure(say(forward ? .lastExercise : .firstExercise, ["id": lab.state.id]))
        }
        lab.pending = .open(.exercise, ids[target], fresh: false)
        return 0
    }

    private static func submit(_ lab: Lab, out: OutputSink, failure: (String) -> Int32) -> Int32 {
        let say = lab.say
        guard lab.exercise != nil else { return failure(say(.onlyExercisesSubmit)) }
        let text = Submission.make(lab)
        let path = lab.environment.submissionsDirectory + "/\(lab.state.id).sh"
        if lab.replaying { return 0 }
        do {
            try lab.environment.writeFile(path, Data(text.utf8))
        } catch {
            return failure(say(.cannotWrite, ["path": path, "error": "\(error)"]))
        }
        let count = lab.session.transcript.count
        out.line(say(count == 1 ? .submissionWrittenOne : .submissionWritten, ["path": path, "count": count]))
        out.line(say(.submissionCheck, ["id": lab.state.id, "path": path]))
        return 0
    }
}

import Cluster
import CommandKit
import Foundation

/// Follows a lesson: after each command, checks the current step; when it holds, says so and
/// shows the next one.
enum Tutor {
    static func afterCommand(_ source: String, lab: Lab) {
        guard let lesson = lab.lesson, lab.state.step < lesson.steps.count,
              !lab.completedSteps.contains(lab.state.step) else { return }
        let step = lesson.steps[lab.state.step]
        if evaluate(step.check, typed: source, in: lab.session.world, lab.say).passed {
            advance(lab, lesson: lesson, output: lab.out)
        }
    }

    /// Whether the step holds now; `typed` is the command just typed (nil: none, as for `lab check`).
    static func evaluate(_ check: StepCheck, typed: String?, in world: World, _ say: LabMessages = LabMessages(.english)) -> CheckOutcome {
        switch check {
        case .world(let kind):
            return CheckEvaluator.evaluate(kind, in: world)
        case .typed(let match):
            guard let typed else { return .fail(expectation(match, say)) }
            let line = typed.trimmingCharacters(in: .whitespaces)
            return match.accepts(line) ? .pass("typed \(Quoted.text(line))") : .fail(expectation(match, say))
        }
    }

    /// `type a command containing "grep"`.
    private static func expectation(_ match: TextMatch, _ say: LabMessages) -> String {
        switch match {
        case .equals(let text): say(.typedEquals, ["text": Quoted.text(text)])
        case .contains(let text): say(.typedContains, ["text": Quoted.text(text)])
        case .matches(let pattern): say(.typedMatches, ["pattern": pattern])
        }
    }

    /// Marks the current step done, prints its `done` line and the next step (or the end).
    static func advance(_ lab: Lab, lesson: Lesson, output: OutputSink) {
        let index = lab.state.step
        lab.completedSteps.insert(index)
        let step = lesson.steps[index]
        output.line("✓ " + (step.done.map(trimmed) ?? lab.say(.stepDone, ["n": index + 1])))
        lab.state.step = index + 1
        output.line("")
        if lab.state.step < lesson.steps.count {
            output.write(LabText.step(lab.state.step, of: lesson, lab.say))
        } else {
            output.line(lab.say(.lessonComplete, ["title": lesson.title]))
        }
    }

    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

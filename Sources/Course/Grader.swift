import Cluster
import CommandKit

/// One check's result in a grade.
public struct CheckResult: Sendable, Equatable {
    public var name: String
    public var points: Int
    public var earned: Int
    /// The rubric's feedback line (shown when the check fails).
    public var feedback: String
    public var outcome: CheckOutcome

    public var passed: Bool { outcome.passed }
}

/// A graded attempt: points earned of the total, check by check.
public struct Grade: Sendable, Equatable {
    public var exercise: String
    public var results: [CheckResult]
    /// What the exercise's world could not set up (files, objects); a content bug.
    public var setupProblems: [String]

    public var earned: Int { results.reduce(0) { $0 + $1.earned } }
    public var total: Int { results.reduce(0) { $0 + $1.points } }
    public var failed: [CheckResult] { results.filter { !$0.passed } }
}

/// Builds an exercise's world, replays an attempt through a learner's terminal (as `ckalab run`
/// does), lets the cluster run for the rubric's wait, then runs every check.
public enum Grader {
    /// A fresh world for the exercise, its setup commands already typed (unseen).
    public static func prepareWorld(_ exercise: Exercise) -> World {
        let world = World(exercise.world.description)
        if !exercise.world.setup.isEmpty {
            let silent = OutputSink { _ in }
            let session = TerminalSession(world: world, stdout: silent, stderr: silent, isTerminal: false)
            session.runScript(exercise.world.setup.joined(separator: "\n") + "\n")
        }
        return world
    }

    public static func grade(_ exercise: Exercise, rubric: Rubric, script: String) -> Grade {
        let world = prepareWorld(exercise)
        let silent = OutputSink { _ in }
        let session = TerminalSession(world: world, stdout: silent, stderr: silent, isTerminal: false)
        session.runScript(script)
        world.advance(seconds: Double(rubric.wait))
        return check(world, exercise: exercise, rubric: rubric)
    }

    /// Runs the rubric's checks on a world as it is now (`lab check` in a live session).
    public static func check(_ world: World, exercise: Exercise, rubric: Rubric) -> Grade {
        let results = rubric.checks.map { check in
            let outcome = CheckEvaluator.evaluate(check.kind, in: world)
            return CheckResult(name: check.name, points: check.points, earned: outcome.passed ? check.points : 0,
                               feedback: check.feedback, outcome: outcome)
        }
        return Grade(exercise: exercise.id, results: results, setupProblems: world.setupProblems)
    }
}

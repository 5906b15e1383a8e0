import ArgumentParser
import Course
import Foundation

/// `ckalab lesson ID`: a guided lesson, resumed where it was left.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson", abstract: "Take a guided lesson (resumes where you left it; --new starts over).")

    @OptionGroup var options: LabOptions
    @Flag(help: "Start over in a fresh cluster instead of resuming.")
    var new = false
    @Argument(help: "The lesson's id ('ckalab list' lists them).")
    var id: String

    func run() throws {
        try LabREPL.run(options: options) { lab in
            guard lab.library.lessons[id] != nil else {
                StandardStreams.stderr.line("ckalab: no lesson \"\(id)\"; 'ckalab list' lists them")
                return false
            }
            return lab.open(.lesson, id, fresh: new)
        }
    }
}

/// `ckalab exercise ID`: an auto-graded exercise, resumed where it was left.
struct ExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise", abstract: "Practise an exercise with instant feedback (resumes; --new starts over).")

    @OptionGroup var options: LabOptions
    @Flag(help: "Start over in a fresh cluster instead of resuming.")
    var new = false
    @Argument(help: "The exercise's id ('ckalab list' lists them).")
    var id: String

    func run() throws {
        try LabREPL.run(options: options) { lab in
            guard lab.library.entries[id] != nil else {
                StandardStreams.stderr.line("ckalab: no exercise \"\(id)\"; 'ckalab list' lists them")
                return false
            }
            return lab.open(.exercise, id, fresh: new)
        }
    }
}

/// `ckalab list`: the lessons and the exercises.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the lessons and the exercises.")

    @OptionGroup var options: LabOptions

    func run() throws {
        let library = try options.library()
        for problem in library.problems { StandardStreams.stderr.line(problem.description) }
        let lab = Lab(library: library, environment: options.environment(saving: false),
                      stdout: .discarding(), stderr: .discarding())
        StandardStreams.stdout.write("Lessons (ckalab lesson ID):\n" + lab.lessonList + "\nExercises (ckalab exercise ID):\n" + lab.exerciseList)
    }
}

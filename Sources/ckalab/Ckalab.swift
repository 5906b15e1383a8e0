import ArgumentParser

@main
struct Ckalab: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "ckalab",
        abstract: "An offline, instant lab for the Certified Kubernetes Administrator exam.",
        discussion: """
            With no subcommand, opens a shell on the simulated node `controlplane` of a fresh \
            kubeadm-style cluster (`ssh node01` to move, `exit` or Ctrl-D to leave).
            """,
        version: version,
        subcommands: [Sandbox.self, LessonCommand.self, ExerciseCommand.self, List.self, Run.self, Verify.self, GradeCommand.self, ExamCommand.self, Bench.self],
        defaultSubcommand: Sandbox.self
    )
}

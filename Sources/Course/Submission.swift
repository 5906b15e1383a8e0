import Foundation

/// A learner's attempt as a script: what they typed (editor saves as heredoc writes; `lab`
/// commands kept as comments, so a replay takes the same simulated time) under a header.
///
///     # ckalab submission
///     # exercise: ds-config-file
///     # learner: alice
///     # ckalab: 0.1.0
///     # time: 1m 36s simulated, 4m 12s wall
public enum Submission {
    public static let magic = "# ckalab submission"

    static func make(_ lab: Lab) -> String {
        header(exercise: lab.state.id, learner: lab.environment.learner, version: lab.environment.version,
               simulated: lab.simulatedSeconds, wall: lab.wallSeconds)
            + body(lab.session.transcript)
    }

    static func header(exercise: String, learner: String, version: String, simulated: Double, wall: Double) -> String {
        """
        \(magic)
        # exercise: \(exercise)
        # learner: \(oneLine(learner))
        # ckalab: \(version)
        # time: \(LabText.duration(simulated)) simulated, \(LabText.duration(wall)) wall

        """
    }

    /// The transcript, one command after another; `lab …` lines become comments.
    static func body(_ transcript: [String]) -> String {
        transcript.map { source in
            LabCommand.isLabLine(source) ? source.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }.joined(separator: "\n") : source
        }.map { $0 + "\n" }.joined()
    }

    /// The header's fields (`exercise`, `learner`, …) if `text` is a submission, else nil.
    public static func fields(of text: String) -> [String: String]? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map(String.init) == magic else { return nil }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard line.hasPrefix("# "), let colon = line.firstIndex(of: ":") else { break }
            let key = line[line.index(line.startIndex, offsetBy: 2)..<colon].trimmingCharacters(in: .whitespaces)
            fields[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ")
    }
}

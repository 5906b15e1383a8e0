/// A text the `lab` command (or the exam) prints, named by what it says. The texts themselves,
/// in every language, are in `LabCatalogue.swift`; this file only looks them up and fills them in.
public enum LabMessage: String, CaseIterable, Sendable {
    // Banners and reminders.
    case exerciseHeading, exerciseFooter, lessonHeading, sandboxBanner, exerciseReminder, lessonIsComplete
    case stepHeading, resuming, resumingOne, theSandbox
    // Lists and status.
    case listFooter, noLessons, noExercises, lessonRow, exerciseRow, lastCheckSuffix
    case statusExercise, statusHintsOf, statusLastCheck, statusLesson, statusComplete, statusHints
    case statusSandbox, statusCommands, statusTime
    // The `lab` command.
    case help, usage, failure, unknownCommand, startNeedsID, startTakesOneID, takesNoArguments, noSuchLabID
    case quitSaved, noLabStarted, lessonHasNoSolution, resetSandbox, reset, cannotSave
    case hintLessonComplete, hintLesson, tryExample, hintNone, hintNoMore, hintNumbered
    case checkLessonComplete, stepNotDone, stepDone, lessonComplete, typedEquals, typedContains, typedMatches
    case checkPassed, checkFailed, checkFound, setupProblem, pointsSoFar, pointsAllPass
    case solutionQuestion, solutionNotShown, solutionHeading
    case firstStep, lastStep, lessonDone, firstExercise, lastExercise
    case onlyExercisesSubmit, cannotWrite, submissionWritten, submissionWrittenOne, submissionCheck, noTerminalEditor
    // The exam.
    case examHelp, examIntro, examTaskRange, examLastTask, examFirstTask, examNoFeedback, examTimeUp, examOver
    case examLeft, examTaskHeading, examStatus, examStatusRow, examNotStarted, examScoreLine, examPassed, examNotPassed
    case examResuming, examCannotSave
    // What a check found (`lab check`'s "found:" lines).
    case detailSeparator, listSeparator, nodeProblem, noSuchNode, noNode, noResourceType
    case objectExists, objectNotFound, objectStillExists, objectGone, fieldFailed, fieldIs, fieldIsNot
    case matchEquals, matchContains, matchMatches
    case fileOnNodes, fileOnNodesOne, fileMatchingOnNodes, fileMatchingOnNodesOne, noFileOnNodes, noFileOnNodesOne
    case fileExists, fileContents
    case daemonSetRunsOn, daemonSetRunsOnOne, untoleratedTaint, nodeNotSelected, daemonSetNotThere, noPodYet
    case podIs, podNotStarted
    case badSelector, podsMatch, podsMatchOne, podsInStateMatch, podsInStateMatchOne, runningAndReady, podPhase, podPhaseNotReady
    case kubeletConfigUnloadable, kubeletConfigNoStaticPodPath, staticPodNoManifest, directoryEmpty, directoryHolds
    case staticPodNoMirror, mirrorPodIs, mirrorPodNotStarted, staticPodRuns
    case eventFound, noEvent, noEventMatching, eventsSeen
    case exitStatusExpected, outputExpected, commandFound, commandExitStatus
}

/// Looks texts up in one language and fills in their `{name}` placeholders.
public struct LabMessages: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    /// The text of `key` with each `{name}` replaced by `values[name]` (unknown names stay as written).
    public func callAsFunction(_ key: LabMessage, _ values: [String: any CustomStringConvertible & Sendable] = [:]) -> String {
        Self.fill(Self.template(key, language), values)
    }

    /// The text as the catalogue holds it; English when a language lacks it (the tests forbid that).
    static func template(_ key: LabMessage, _ language: Language) -> String {
        let texts = LabCatalogue.table[key]
        switch language {
        case .english: return texts?.english ?? key.rawValue
        case .traditionalChinese: return texts?.chinese ?? texts?.english ?? key.rawValue
        }
    }

    /// The `{name}` placeholders of a text, in order.
    static func placeholders(_ text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) { names.append(String(name)) }
            rest = after[after.index(after: close)...]
        }
        return names
    }

    static func fill(_ template: String, _ values: [String: any CustomStringConvertible & Sendable]) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                result += value.description
                rest = after[after.index(after: close)...]
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }
}

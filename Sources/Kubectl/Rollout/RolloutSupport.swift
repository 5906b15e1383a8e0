import CommandKit
import KubeModel
import SimKit

/// Errors a ContinueOnError visit gathers across objects, printed as CheckErr prints the aggregate:
/// one alone as it is, several one `messageForError` per line.
struct RolloutErrors {
    private var failures: [KubectlFailure] = []
    /// The texts MultipleErrors prints, newline-terminated.
    private var lines: [String] = []

    mutating func add(_ failure: KubectlFailure) {
        failures.append(failure)
        lines.append(failure.bareMessage)
    }

    /// A Go error whose own text begins with `error: ` (the patch verbs' `error: deployments.apps "x" …`).
    mutating func add(prefixed message: String) {
        failures.append(.error(message))
        lines.append(message + "\n")
    }

    mutating func add(contentsOf others: [KubectlFailure]) {
        for failure in others { add(failure) }
    }

    var failure: KubectlFailure? {
        guard let first = failures.first else { return nil }
        return failures.count == 1 ? first : KubectlFailure(stderr: lines.joined())
    }
}

extension VerbRequest {
    /// The rollout verbs' builder: `TYPE NAME`, `TYPE/NAME`, `-f`, `-l`, and a bare `TYPE` for all of
    /// that type (`ResourceTypeOrNameArgs(true, …)`).
    func rolloutTargets() throws(KubectlFailure) -> TargetSet {
        var query = targetQuery(arguments, local: false, emptyMessage: VerbRequest.noResourcesMessage)
        query.all = true
        return try resolveTargets(query)
    }

    /// `required resource not specified` when neither names nor files are given (every rollout verb's Validate).
    func requireRolloutResource() throws(KubectlFailure) {
        if arguments.isEmpty, flags.strings("filename").isEmpty, flags.string("kustomize").isEmpty {
            throw .error("required resource not specified")
        }
    }

    /// Prints an object as the name printer with `operation`, or in the `-o` format.
    mutating func printRollout(_ object: KubeObject, type: ResourceType, format: OutputFormat, operation: String) throws(KubectlFailure) {
        if format == .action {
            invocation.stdout.write("\(type.kubectlName)/\(object.name) \(operation)\n")
            return
        }
        try OutputPrinter.print(object.content, format: format, action: operation, to: &invocation,
                                allowMissingKeys: flags.bool("allow-missing-template-keys"))
    }
}

/// `time.Now().Format(time.RFC3339)` on the simulated clock (the lab runs in UTC: `Z`).
enum RolloutTime {
    static func rfc3339(nanoseconds: Int64) -> String {
        let seconds = CivilDate.floorDivide(nanoseconds, 1_000_000_000)
        let days = CivilDate.floorDivide(seconds, 86_400)
        let inDay = seconds - days * 86_400
        let date = CivilDate.fromDays(days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = String(date.year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - year.count)) + year
        return "\(paddedYear)-\(two(date.month))-\(two(date.day))T\(two(inDay / 3600)):\(two(inDay / 60 % 60)):\(two(inDay % 60))Z"
    }
}

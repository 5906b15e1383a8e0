/// A problem in a content file, located by file, line and field:
/// `grader/ds-config-file.yaml:12: checks[2].points: expected an integer, got "five"`.
public struct ContentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Relative to the content root (`exercises/ds-config-file.yaml`).
    public var file: String
    /// 1-based; 0 when the file as a whole is at fault (missing, unreadable).
    public var line: Int
    /// The field's path (`checks[2].points`); empty for the document itself.
    public var field: String
    public var message: String

    public init(file: String, line: Int, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        return field.isEmpty ? "\(place): \(message)" : "\(place): \(field): \(message)"
    }
}

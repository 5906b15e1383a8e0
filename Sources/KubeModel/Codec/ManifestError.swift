/// A manifest that cannot be read, worded as kubectl words it.
///
/// `message` is the whole line kubectl prints after its `error: ` prefix, e.g.
/// `error parsing bad.yaml: error converting YAML to JSON: yaml: line 3: mapping values are
/// not allowed in this context`; `detail` is the part after `error parsing SOURCE: `.
public struct ManifestError: Error, Equatable, Sendable {
    /// The file name (or `STDIN`) as kubectl names it in the message.
    public var source: String
    /// What went wrong, without the `error parsing SOURCE: ` lead.
    public var detail: String

    public init(source: String, detail: String) {
        self.source = source
        self.detail = detail
    }

    /// The line kubectl prints, without its `error: ` prefix.
    public var message: String { source.isEmpty ? detail : "error parsing \(source): \(detail)" }
}

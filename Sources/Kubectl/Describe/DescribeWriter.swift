/// kubectl's PrefixWriter over the describe tab writer (minwidth 0, tabwidth 8, padding 2):
/// each level indents two spaces; `flush()` ends the current column block, as
/// `DescribeEvents` does before its table.
final class DescribeWriter {
    private let tab = TabWriter.forDescribe()
    private var done: [UInt8] = []
    /// A PrefixWriter straight over a buffer (`rollout history --revision`): tabs stay tabs.
    private let raw: Bool

    init(raw: Bool = false) { self.raw = raw }

    /// `Write(level, format, …)`: the text with `level` two-space indents before it.
    func write(_ level: Int, _ text: String) {
        let indented = String(repeating: "  ", count: max(0, level)) + text
        if raw { done.append(contentsOf: indented.utf8) } else { tab.write(indented) }
    }

    /// `WriteLine(…)`: the text and a newline, no indent.
    func line(_ text: String) {
        write(0, text + "\n")
    }

    /// Formats what is buffered, so later lines start new columns.
    func flush() {
        done.append(contentsOf: tab.flush())
    }

    /// Everything written, formatted.
    var text: String {
        flush()
        return String(decoding: done, as: UTF8.self)
    }
}

/// A nested writer (`NewNestedPrefixWriter`): every level shifted by `indent`.
struct NestedDescribeWriter {
    let base: DescribeWriter
    let indent: Int

    func write(_ level: Int, _ text: String) { base.write(level + indent, text) }
    func line(_ text: String) { base.write(indent, text + "\n") }
}

import CommandKit
import NodeFS

/// Where `cp` and `mv` put each source: `SOURCE DEST`, `SOURCE... DIRECTORY`, `-t DIRECTORY`
/// or `-T`, with coreutils' operand errors.
enum CopyTargets {
    /// Pairs of (source as typed, destination as it will be printed); nil after an error.
    static func plan(_ inv: Invocation, _ operands: [String], targetDirectory: String?,
                     noTargetDirectory: Bool) -> [(String, String)]? {
        func into(_ directory: String, _ source: String) -> String {
            var trimmed = Substring(source)
            while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
            return TreeWalk.join(directory, Path.basename(String(trimmed)))
        }
        func missingReason(_ operand: String) -> String {
            inv.fileSystem.exists(inv.resolvedPath(operand)) ? "Not a directory" : "No such file or directory"
        }
        if let directory = targetDirectory {
            guard inv.fileSystem.isDirectory(inv.resolvedPath(directory)) else {
                inv.error("target directory \(Quoting.always(directory)): \(missingReason(directory))")
                return nil
            }
            guard !operands.isEmpty else {
                inv.usageFailure("missing file operand")
                return nil
            }
            return operands.map { ($0, into(directory, $0)) }
        }
        guard let first = operands.first else {
            inv.usageFailure("missing file operand")
            return nil
        }
        guard operands.count >= 2 else {
            inv.usageFailure("missing destination file operand after \(Quoting.always(first))")
            return nil
        }
        if noTargetDirectory {
            guard operands.count == 2 else {
                inv.usageFailure("extra operand \(Quoting.always(operands[2]))")
                return nil
            }
            return [(operands[0], operands[1])]
        }
        let last = operands[operands.count - 1]
        if inv.fileSystem.isDirectory(inv.resolvedPath(last)) {
            return operands.dropLast().map { ($0, into(last, $0)) }
        }
        guard operands.count == 2 else {
            inv.error("target \(Quoting.always(last)): \(missingReason(last))")
            return nil
        }
        return [(operands[0], operands[1])]
    }

    /// Whether `inner` is `outer` or inside it (both canonical).
    static func isWithin(_ inner: String, _ outer: String) -> Bool {
        inner == outer || inner.hasPrefix(outer == "/" ? "/" : outer + "/")
    }
}

import ShellSyntax
import SimKit

/// A script's top-level lines as the interpreter takes them, one at a time, each with the
/// warnings found while reading it. Small scripts come from `ParsedScripts` (a container's
/// `sh -c` command is the same text for every pod of a DaemonSet); others are read as they run.
struct ScriptLines {
    typealias Line = ParsedScripts.Line

    private var parsed: [Line]?
    private var index = 0
    private let reader: ScriptReader?

    init(_ source: String) {
        parsed = ParsedScripts.shared.lines(of: source)
        reader = parsed == nil ? ScriptReader(source) : nil
    }

    /// The next line (a nil list at the end), or the syntax error that ends the script.
    mutating func next() -> Line {
        if let parsed {
            guard index < parsed.count else { return Line(warnings: [], outcome: .success(nil)) }
            defer { index += 1 }
            return parsed[index]
        }
        guard let reader else { return Line(warnings: [], outcome: .success(nil)) }
        return ParsedScripts.read(reader)
    }
}

/// Scripts already read, by their text: parsing does not depend on the shell's state (aliases
/// apply when a line runs), so a script reads the same every time. Shared by the shells of
/// every container, which run on their own threads (the memo locks).
final class ParsedScripts: @unchecked Sendable {
    struct Line: Sendable {
        var warnings: [SyntaxWarning]
        var outcome: Result<CommandList?, SyntaxError>
    }

    static let shared = ParsedScripts()
    /// Longer scripts are read line by line as they run (and not kept).
    static let largestKept = 4_096
    /// When this many are kept, the memory starts over.
    static let capacity = 512

    private let scripts = Memo<String, [Line]>(capacity: ParsedScripts.capacity)

    /// Every line of `source` as the reader gives them, up to its end or first syntax error.
    func lines(of source: String) -> [Line]? {
        guard source.utf8.count <= Self.largestKept else { return nil }
        return scripts.answer(source) { source in
            let reader = ScriptReader(source)
            var lines: [Line] = []
            while true {
                let line = Self.read(reader)
                lines.append(line)
                guard case .success(.some) = line.outcome else { break }
            }
            return lines
        }
    }

    static func read(_ reader: ScriptReader) -> Line {
        do throws(SyntaxError) {
            let list = try reader.next()
            return Line(warnings: reader.takeWarnings(), outcome: .success(list))
        } catch {
            return Line(warnings: reader.takeWarnings(), outcome: .failure(error))
        }
    }
}

import Cluster
import CommandKit
import Coreutils
import LabTestSupport
import NodeFS
import SimKit

/// A tiny stand-in for the shell, enough to drive the file commands in tests until the
/// interpreter lands: words with '…', "…", $'…' and backslash quoting; `;`, `&&`, `||`, `|`;
/// redirections `>`, `>>`, `<`, `2>`, `2>&1`. Runs in /tmp/difftest on a fresh controlplane disk.
final class FileTestShell {
    let world = World()
    let disk: Disk
    let host: Host
    var workingDirectory = differentialDirectory
    var terminal = false
    var width = 80
    let stdout = OutputBuffer()
    let stderr = OutputBuffer()
    var environment: [String: String] = [
        "HOME": "/root", "USER": "root", "LOGNAME": "root", "LANG": "C.UTF-8", "TERM": "xterm",
        "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    ]

    init(terminal: Bool = false, width: Int = 80) {
        let node = world.nodes[0]
        disk = node.disk
        host = node.host
        self.terminal = terminal
        self.width = width
        try? disk.createDirectories(differentialDirectory)
        environment["PWD"] = differentialDirectory
    }

    var clock: SimClock { world.clock }

    /// Runs a script, line by line; returns what it printed and the last status.
    func run(_ script: String) -> FileOutcome {
        var status: Int32 = 0
        for line in script.split(separator: "\n") {
            status = runLine(String(line), lastStatus: status)
        }
        return FileOutcome(stdout: stdout.text, stderr: stderr.text, status: status)
    }

    /// Stands for `$?` until the word is used.
    static let statusMarker = "\u{E000}"
    private var lastStatus: Int32 = 0

    private func runLine(_ line: String, lastStatus: Int32) -> Int32 {
        var status = lastStatus
        var skipping = false
        for (connector, pipeline) in split(tokenize(line)) {
            switch connector {
            case "&&": skipping = status != 0
            case "||": skipping = status == 0
            default: skipping = false
            }
            if skipping { continue }
            self.lastStatus = status
            status = runPipeline(pipeline)
        }
        return status
    }

    private enum Token: Equatable { case word(String), op(String) }

    private func tokenize(_ line: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var hasWord = false
        var chars = Array(line.unicodeScalars)[...]
        func flush() {
            if hasWord { tokens.append(.word(current)) }
            current = ""
            hasWord = false
        }
        while let c = chars.popFirst() {
            switch c {
            case " ", "\t": flush()
            case "'":
                hasWord = true
                while let d = chars.popFirst(), d != "'" { current.unicodeScalars.append(d) }
            case "\"":
                hasWord = true
                while let d = chars.popFirst(), d != "\"" {
                    if d == "$", chars.first == "?" {
                        chars.removeFirst()
                        current += FileTestShell.statusMarker
                    } else if d == "\\", let e = chars.first, "\"\\$`".unicodeScalars.contains(e) {
                        current.unicodeScalars.append(e)
                        chars.removeFirst()
                    } else {
                        current.unicodeScalars.append(d)
                    }
                }
            case "$" where chars.first == "?":
                chars.removeFirst()
                hasWord = true
                current += FileTestShell.statusMarker
            case "$" where chars.first == "'":
                chars.removeFirst()
                hasWord = true
                var raw = ""
                while let d = chars.popFirst(), d != "'" {
                    raw.unicodeScalars.append(d)
                    if d == "\\", let e = chars.popFirst() { raw.unicodeScalars.append(e) }
                }
                current += ansiC(raw)
            case "\\":
                hasWord = true
                if let d = chars.popFirst() { current.unicodeScalars.append(d) }
            case ";": flush(); tokens.append(.op(";"))
            case "&" where chars.first == "&": chars.removeFirst(); flush(); tokens.append(.op("&&"))
            case "|" where chars.first == "|": chars.removeFirst(); flush(); tokens.append(.op("||"))
            case "|": flush(); tokens.append(.op("|"))
            case ">", "<":
                let isStderr = current == "2" && hasWord
                if isStderr { current = ""; hasWord = false } else { flush() }
                var op = (isStderr ? "2" : "") + String(c)
                if c == ">", chars.first == ">" { chars.removeFirst(); op += ">" }
                if c == ">", chars.first == "&" { chars.removeFirst(); op += "&" + String(chars.popFirst() ?? "1") }
                tokens.append(.op(op))
            default:
                hasWord = true
                current.unicodeScalars.append(c)
            }
        }
        flush()
        return tokens
    }

    private func ansiC(_ raw: String) -> String {
        let (bytes, _) = echoStyleEscapes(raw)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func echoStyleEscapes(_ raw: String) -> ([UInt8], Bool) {
        var out: [UInt8] = []
        var bytes = Array(raw.utf8)[...]
        while let b = bytes.popFirst() {
            guard b == UInt8(ascii: "\\"), let n = bytes.popFirst() else { out.append(b); continue }
            switch n {
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "\\"): out.append(92)
            case UInt8(ascii: "'"): out.append(39)
            case UInt8(ascii: "x"):
                var value: UInt8 = 0
                for _ in 0..<2 {
                    guard let h = bytes.first, let v = UInt8(String(UnicodeScalar(h)), radix: 16) else { break }
                    value = value * 16 + v
                    bytes.removeFirst()
                }
                out.append(value)
            default: out += [92, n]
            }
        }
        return (out, false)
    }

    /// Splits tokens into (connector before, pipeline) pairs.
    private func split(_ tokens: [Token]) -> [(String, [[Token]])] {
        var result: [(String, [[Token]])] = []
        var connector = ";"
        var pipeline: [[Token]] = [[]]
        for token in tokens {
            switch token {
            case .op(let op) where op == ";" || op == "&&" || op == "||":
                result.append((connector, pipeline))
                connector = op
                pipeline = [[]]
            case .op("|"):
                pipeline.append([])
            default:
                pipeline[pipeline.count - 1].append(token)
            }
        }
        result.append((connector, pipeline))
        return result.filter { !($0.1.count == 1 && $0.1[0].isEmpty) }
    }

    private func runPipeline(_ stages: [[Token]]) -> Int32 {
        var input: [UInt8] = []
        var status: Int32 = 0
        for (index, stage) in stages.enumerated() {
            let isLast = index == stages.count - 1
            let captured = OutputBuffer()
            status = runSimple(stage, stdin: input, stdout: isLast ? stdout.sink : captured.sink)
            input = captured.bytes
        }
        return status
    }

    private func runSimple(_ tokens: [Token], stdin: [UInt8], stdout defaultOut: OutputSink) -> Int32 {
        var words: [String] = []
        var stdin = stdin
        var out = defaultOut
        var err = stderr.sink
        var outFile: (String, Bool)?
        var errFile: (String, Bool)?
        let outBuffer = OutputBuffer()
        let errBuffer = OutputBuffer()
        var index = 0
        var errToOut = false
        while index < tokens.count {
            switch tokens[index] {
            case .word(let w): words.append(w.replacingMarker(String(lastStatus)))
            case .op(let op):
                var target = ""
                if !op.contains("&"), index + 1 < tokens.count, case .word(let w) = tokens[index + 1] {
                    target = Path.join(workingDirectory, w)
                    index += 1
                }
                switch op {
                case ">", ">>": outFile = (target, op == ">>"); out = outBuffer.sink
                case "2>", "2>>": errFile = (target, op == "2>>"); err = errBuffer.sink
                case "<": stdin = (try? disk.readFile(target)) ?? []
                case "2>&1": errToOut = true
                default: break
                }
            }
            index += 1
        }
        if errToOut { err = out }
        if let (path, _) = outFile, !path.isEmpty, path != "/dev/null" {
            try? disk.writeFile(path, [], append: true, mode: 0o644)
        }
        if words.first == "cd" {
            workingDirectory = Path.normalize(Path.join(workingDirectory, words.count > 1 ? words[1] : "/root"))
            environment["PWD"] = workingDirectory
            return 0
        }
        let status = execute(words, stdin: stdin, stdout: out, stderr: err)
        if let (path, append) = outFile, path != "/dev/null" { try? disk.writeFile(path, outBuffer.bytes, append: append) }
        if let (path, append) = errFile, path != "/dev/null" { try? disk.writeFile(path, errBuffer.bytes, append: append) }
        return status
    }

    func execute(_ words: [String], stdin: [UInt8], stdout: OutputSink, stderr: OutputSink,
                 environment: [String: String]? = nil, workingDirectory: String? = nil) -> Int32 {
        let environment = environment ?? self.environment
        guard let name = words.first else { return 0 }
        let registry = Coreutils.registry
        guard let command = registry.lookup(name, path: environment["PATH"] ?? self.environment["PATH"] ?? "") else {
            stderr.line("bash: \(name): command not found")
            return 127
        }
        var invocation = Invocation(
            arguments: words, stdin: stdin, stdout: stdout, stderr: stderr, environment: environment,
            workingDirectory: workingDirectory ?? self.workingDirectory, fileSystem: disk, clock: clock, host: host,
            stdoutIsTerminal: terminal, terminalWidth: width,
            runCommand: { [unowned self] child in
                self.execute(child.arguments, stdin: child.stdin, stdout: child.stdout, stderr: child.stderr,
                             environment: child.environment, workingDirectory: child.workingDirectory)
            },
            locateCommand: { name in registry.lookup(name, path: "/usr/bin")?.path })
        return command.run(&invocation)
    }
}

/// What a script printed, and its last status.
struct FileOutcome: Equatable, CustomStringConvertible {
    var stdout: String
    var stderr: String
    var status: Int32

    var description: String { "status \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

extension String {
    /// Replaces `$?` markers with the status.
    func replacingMarker(_ value: String) -> String {
        var out = ""
        for c in self { out += String(c) == FileTestShell.statusMarker ? value : String(c) }
        return out
    }
}

import CommandKit
import Coreutils
import Foundation
import HostProcess
#if canImport(Glibc)
import Glibc
#endif
import NodeFS
import SimKit
import Testing

/// One differential row: a command line (split like a shell would, quotes honoured), its
/// standard input, and the files in its working directory.
struct TextCase: CustomStringConvertible, Sendable {
    let line: String
    var stdin: [UInt8] = []
    var files: [String: [UInt8]] = [:]
    /// Why the lab is known to differ (the row then only checks that nothing crashes).
    var gap: String?
    /// Compare stdout's lines as a set (the real directory order is unspecified).
    var unordered = false
    /// Files whose contents are appended to stdout after the run (for tee, sed -i).
    var show: [String] = []

    init(_ line: String, stdin: String = "", files: [String: String] = [:], gap: String? = nil, unordered: Bool = false,
         show: [String] = []) {
        self.line = line
        self.show = show
        self.unordered = unordered
        self.stdin = Array(stdin.utf8)
        self.files = files.mapValues { Array($0.utf8) }
        self.gap = gap
    }

    init(_ line: String, stdinBytes: [UInt8], files: [String: [UInt8]] = [:]) {
        self.line = line
        self.stdin = stdinBytes
        self.files = files
    }

    var description: String { line }
    var arguments: [String] { ShellWords.split(line) }
}

/// What a run printed.
struct TextRun: Equatable, CustomStringConvertible {
    var stdout: [UInt8]
    var stderr: String
    var status: Int32

    var description: String {
        "status \(status)\n--- stdout\n\(String(decoding: stdout, as: UTF8.self))--- stderr\n\(stderr)"
    }
}

/// Minimal word splitting for test command lines: '…', "…" (with \" \\ \$), and \x.
enum ShellWords {
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            switch c {
            case " ", "\t", "\n":
                if inWord { words.append(current); current = ""; inWord = false }
            case "'":
                inWord = true
                while let d = chars.popFirst(), d != "'" { current.append(d) }
            case "\"":
                inWord = true
                while let d = chars.popFirst(), d != "\"" {
                    if d == "\\", let e = chars.first, "\"\\$`".contains(e) {
                        current.append(e)
                        chars = chars.dropFirst()
                    } else {
                        current.append(d)
                    }
                }
            case "\\":
                inWord = true
                if let d = chars.popFirst() { current.append(d) }
            default:
                inWord = true
                current.append(c)
            }
        }
        if inWord { words.append(current) }
        return words
    }
}

/// Runs the real GNU tool (via `bash -c 'exec "$@"'` so argv[0] is the bare name) in a fresh
/// temp directory holding the case's files.
func runRealTool(_ testCase: TextCase) -> TextRun {
    // A tool that exits before reading its input would otherwise kill the test run with SIGPIPE.
    _ = ignoreSIGPIPE
    let manager = FileManager.default
    let directory = manager.temporaryDirectory.appendingPathComponent("ckalab-text-\(UUID().uuidString)")
    try? manager.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? manager.removeItem(at: directory) }
    for (name, bytes) in testCase.files {
        let url = directory.appendingPathComponent(name)
        if name.hasSuffix("/") {
            try? manager.createDirectory(at: url, withIntermediateDirectories: true)
            continue
        }
        try? manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(bytes).write(to: url)
    }
    let run = HostCommand.run("/bin/bash", ["-c", "exec \"$@\"", "bash"] + testCase.arguments,
                              environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": "/root", "TZ": "UTC"],
                              directory: directory.path, stdin: testCase.stdin)
    var shown = run.stdout
    for name in testCase.show {
        shown += Array("==\(name)==\n".utf8)
        shown += (try? Array(Data(contentsOf: directory.appendingPathComponent(name)))) ?? Array("(missing)\n".utf8)
    }
    return TextRun(stdout: shown, stderr: run.stderrText, status: run.status)
}

private let ignoreSIGPIPE: Void = { signal(SIGPIPE, SIG_IGN) }()

/// The directory lab runs happen in.
let labDirectory = "/tmp/t"

/// Runs the case through the lab's command directly, over an in-memory disk.
func runLabTool(_ testCase: TextCase, disk: Disk? = nil) -> TextRun {
    let clock = SimClock()
    let disk = disk ?? Disk(clock: clock)
    try? disk.createDirectories(labDirectory)
    for (name, bytes) in testCase.files {
        let path = Path.join(labDirectory, name)
        if name.hasSuffix("/") {
            try? disk.createDirectories(path)
            continue
        }
        try? disk.createDirectories(Path.dirname(path))
        try? disk.writeFile(path, bytes)
    }
    let out = OutputBuffer()
    let err = OutputBuffer()
    let arguments = testCase.arguments
    let registry = Coreutils.registry
    var invocation = Invocation(
        arguments: arguments, stdin: testCase.stdin, stdout: out.sink, stderr: err.sink,
        environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"], workingDirectory: labDirectory,
        fileSystem: disk, clock: clock)
    invocation.runCommand = { child in
        var child = child
        if let command = registry[child.name] { return command.run(&child) }
        if child.name == "echo" {
            child.stdout.line(child.operands.joined(separator: " "))
            return 0
        }
        return 127
    }
    invocation.locateCommand = { name in
        registry[name]?.path ?? (name == "echo" ? "/usr/bin/echo" : nil)
    }
    guard let first = arguments.first, let command = registry[first] else {
        return TextRun(stdout: [], stderr: "no such command in the lab: \(arguments.first ?? "")\n", status: 127)
    }
    let status = command.run(&invocation)
    for name in testCase.show {
        out.sink.write("==\(name)==\n")
        out.sink.write((try? disk.readFile(Path.join(labDirectory, name))) ?? Array("(missing)\n".utf8))
    }
    return TextRun(stdout: out.bytes, stderr: err.text, status: status)
}

/// Asserts the lab prints what the real tool prints (or, for a known gap, that it runs).
func expectSameAsReal(_ testCase: TextCase, sourceLocation: SourceLocation = #_sourceLocation) {
    let lab = runLabTool(testCase)
    if testCase.gap != nil { return }
    var real = runRealTool(testCase)
    if testCase.unordered {
        func sorted(_ bytes: [UInt8]) -> [UInt8] {
            bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init).sorted { $0.lexicographicallyPrecedes($1) }
                .joined(separator: [10]).map { $0 }
        }
        real.stdout = sorted(real.stdout)
        var lab = lab
        lab.stdout = sorted(lab.stdout)
        #expect(lab == real, "\(testCase.line)", sourceLocation: sourceLocation)
        return
    }
    #expect(lab == real, "\(testCase.line)", sourceLocation: sourceLocation)
}

import Cluster
import CommandKit
import Foundation

/// The directory both oracles run a differential script in: a fresh temp directory for the
/// real bash, `/tmp/difftest` on the lab's controlplane. Real paths are rewritten to this.
public let differentialDirectory = "/tmp/difftest"

/// Runs `script` in the real `/bin/bash`, typed into an interactive shell as a learner would
/// type it (so errors read `bash: …` as at the lab's prompt), in a fresh empty directory with
/// a clean environment. Prompts, job-control notices and the final `exit` are left out.
public func runRealBash(_ script: String) -> LabRun {
    let manager = FileManager.default
    let directory = manager.temporaryDirectory.appendingPathComponent("ckalab-diff-\(UUID().uuidString)")
    try? manager.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? manager.removeItem(at: directory) }

    let process = Process()
    // The test process ignores SIGPIPE; `env --default-signal` gives bash and its children
    // the default back, so `yes | head` ends as it does in a terminal.
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["--default-signal=PIPE", "/bin/bash", "--norc", "--noprofile", "--noediting", "-i"]
    process.currentDirectoryURL = directory
    process.environment = [
        "HOME": "/root", "USER": "root", "LOGNAME": "root", "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "LANG": "C.UTF-8", "TERM": "xterm", "PS1": "", "PS2": "", "HISTFILE": "/dev/null",
    ]
    let input = Pipe(), output = Pipe(), errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    do { try process.run() } catch { return LabRun(stdout: "", stderr: "cannot start bash: \(error)", status: -1) }
    // bash -i reads its input a line at a time, as typed; the trailing `exit $?` keeps the
    // last command's status the way the lab reports it.
    input.fileHandleForWriting.write(Data((script + (script.hasSuffix("\n") ? "" : "\n") + "exit $?\n").utf8))
    try? input.fileHandleForWriting.close()
    let collected = CollectedOutput()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { collected.data = output.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let outData = collected.data
    process.waitUntilExit()

    let realPath = directory.path
    func clean(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self).replacingOccurrences(of: realPath, with: differentialDirectory)
    }
    var stderrLines = clean(errData).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    stderrLines.removeAll { $0.hasPrefix("bash: cannot set terminal process group") || $0 == "bash: no job control in this shell" }
    if stderrLines.last == "" { stderrLines.removeLast() }
    if stderrLines.last == "exit" { stderrLines.removeLast() }
    let stderr = stderrLines.isEmpty ? "" : stderrLines.joined(separator: "\n") + "\n"
    return LabRun(stdout: clean(outData), stderr: stderr, status: process.terminationStatus)
}

/// Runs `script` in a fresh lab, on controlplane, in an empty `/tmp/difftest`.
public func runLabInScratch(_ script: String, world: World = World()) -> LabRun {
    let out = OutputBuffer()
    let err = OutputBuffer()
    let session = TerminalSession(world: world, stdout: out.sink, stderr: err.sink, isTerminal: false)
    session.runScript(" mkdir -p \(differentialDirectory) && cd \(differentialDirectory)")
    out.clear()
    err.clear()
    let status = session.runScript(script)
    return LabRun(stdout: out.text, stderr: err.text, status: status)
}

/// Holds what a reader thread collected; read only after it has finished.
private final class CollectedOutput: @unchecked Sendable {
    var data = Data()
}

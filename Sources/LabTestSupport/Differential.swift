import Cluster
import CommandKit
import Foundation
import HostProcess

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

    let environment = [
        "HOME": "/root", "USER": "root", "LOGNAME": "root", "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "LANG": "C.UTF-8", "TERM": "xterm", "PS1": "", "PS2": "", "HISTFILE": "/dev/null",
    ]
    // bash -i reads its input a line at a time, as typed; the trailing `exit $?` keeps the
    // last command's status the way the lab reports it.
    let input = script + (script.hasSuffix("\n") ? "" : "\n") + "exit $?\n"
    let run = HostCommand.run("/bin/bash", ["--norc", "--noprofile", "--noediting", "-i"], environment: environment,
                              directory: directory.path, stdin: Array(input.utf8))
    let outData = run.stdout, errData = run.stderr

    let realPath = directory.path
    func clean(_ data: [UInt8]) -> String {
        String(decoding: data, as: UTF8.self).replacingOccurrences(of: realPath, with: differentialDirectory)
    }
    var stderrLines = clean(errData).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    stderrLines.removeAll { $0.hasPrefix("bash: cannot set terminal process group") || $0 == "bash: no job control in this shell" }
    if stderrLines.last == "" { stderrLines.removeLast() }
    if stderrLines.last == "exit" { stderrLines.removeLast() }
    let stderr = stderrLines.isEmpty ? "" : stderrLines.joined(separator: "\n") + "\n"
    return LabRun(stdout: clean(outData), stderr: stderr, status: run.status)
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

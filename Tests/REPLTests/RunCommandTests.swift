import Foundation
import HostProcess
import Testing

/// `ckalab run`, as a script or CI would call it.
@Suite struct RunCommandTests {
    private func ckalab(_ arguments: [String], input: String) throws -> (stdout: String, stderr: String, status: Int32) {
        guard let binary = ckalabBinary() else { throw TmuxError.failed(["ckalab binary not built"]) }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ckalab-run-\(UUID().uuidString)")
        let run = HostCommand.run(binary, arguments, environment: ["CKALAB_HOME": home.path, "PATH": "/usr/bin:/bin"],
                                  stdin: Array(input.utf8))
        return (run.stdoutText, run.stderrText, run.status)
    }

    @Test func runsAScriptFromStdinAndExitsWithTheLastStatus() throws {
        let result = try ckalab(["run", "-"], input: "echo hi > /tmp/f\ncat /tmp/f\ngrep -q nope /tmp/f\n")
        #expect(result.stdout == "hi\n")
        #expect(result.stderr == "")
        #expect(result.status == 1)
    }

    @Test func echoPrintsATranscript() throws {
        let result = try ckalab(["run", "--echo"], input: "ssh node01\nhostname\nexit\n")
        #expect(result.stdout == """
            root@controlplane:~# ssh node01
            root@node01:~# hostname
            node01
            root@node01:~# exit

            """)
        #expect(result.stderr == "logout\nConnection to node01 closed.\n")
        #expect(result.status == 0)
    }

    @Test func aScriptFileThatDoesNotExistIsAnError() throws {
        let result = try ckalab(["run", "/nonexistent/script.sh"], input: "")
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot read /nonexistent/script.sh"))
    }
}

/// `ckalab run --exercise`: a script or a submission replayed in the exercise's world.
@Suite struct RunExerciseTests {
    @Test func theSolutionChecksFullMarks() throws {
        guard let binary = ckalabBinary() else { throw TmuxError.failed(["ckalab binary not built"]) }
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ckalab-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let run = HostCommand.run(binary, ["run", "--exercise", "ds-config-file", "--check", "--root", root.path,
                                           root.path + "/solutions/ds-config-file.sh"],
                                  environment: ["CKALAB_HOME": home.path, "PATH": "/usr/bin:/bin"], stdin: [])
        #expect(run.stdoutText.hasSuffix("Points so far: 10/10 (all checks pass; 'lab submit' writes your submission)\n"))
        #expect(run.status == 0)
        let wrong = HostCommand.run(binary, ["run", "--exercise", "nope", "--root", root.path, "-"],
                                    environment: ["CKALAB_HOME": home.path, "PATH": "/usr/bin:/bin"], stdin: [])
        #expect(wrong.stderrText.contains("no exercise \"nope\""))
        #expect(wrong.status != 0)
    }
}

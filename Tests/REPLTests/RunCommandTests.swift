import Foundation
import Testing

/// `ckalab run`, as a script or CI would call it.
@Suite struct RunCommandTests {
    private func ckalab(_ arguments: [String], input: String) throws -> (stdout: String, stderr: String, status: Int32) {
        guard let binary = ckalabBinary() else { throw TmuxError.failed(["ckalab binary not built"]) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ckalab-run-\(UUID().uuidString)")
        process.environment = ["CKALAB_HOME": home.path, "PATH": "/usr/bin:/bin"]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self), process.terminationStatus)
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

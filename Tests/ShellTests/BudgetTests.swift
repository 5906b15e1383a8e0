import CommandKit
import NodeFS
import Shell
import SimKit
import Testing

/// A shell on an empty disk, with `extra` commands.
private func makeShell(_ extra: [Command] = [], mode: Shell.Mode = .interactive) -> Shell {
    let clock = SimClock()
    let disk = Disk(clock: clock)
    try? disk.createDirectories("/root")
    return Shell(fileSystem: disk, clock: clock, host: Host(), commands: CommandRegistry(extra),
                 environment: ["PATH": "/usr/bin:/bin", "HOME": "/root"], workingDirectory: "/root", mode: mode)
}

private func run(_ shell: Shell, _ script: String) -> (stdout: String, stderr: String, status: Int32) {
    let out = OutputBuffer(), err = OutputBuffer()
    let status = shell.run(script, stdout: out.sink, stderr: err.sink)
    return (out.text, err.text, status)
}

/// Writes `y` lines until its sink says it is over budget, as an endless producer must.
private let yes = Command("yes") { invocation in
    let chunk = Array(String(repeating: "y\n", count: 4096).utf8)
    while !invocation.stdout.isOverBudget { invocation.stdout.write(chunk) }
    return 0
}

private let countBytes = Command("countbytes") { invocation in
    invocation.stdout.line(String(invocation.stdin.count))
    return 0
}

@Suite struct BudgetTests {
    @Test func anEndlessLoopStopsWithAClearMessage() {
        let shell = makeShell()
        let result = run(shell, "while true; do :; done; echo not reached")
        #expect(result.stdout == "")
        #expect(result.stderr == "bash: ckalab: script stopped after 1000000 steps (endless loop?)\n")
        #expect(result.status == 1)
        // The next command line gets a fresh budget.
        #expect(run(shell, "echo again").stdout == "again\n")
    }

    @Test func anEndlessLoopInAChildShellStopsTheWholeRun() {
        let result = run(makeShell(), "bash -c 'while :; do :; done'; echo not reached")
        #expect(result.stderr == "bash: ckalab: script stopped after 1000000 steps (endless loop?)\n")
        #expect(result.status == 1)
    }

    @Test func unboundedRecursionStops() {
        let result = run(makeShell(), "f() { f; }; f; echo same line")
        #expect(result.stderr == "bash: f: maximum function nesting level exceeded (200)\n")
        #expect(result.stdout == "")
        #expect(result.status == 1)
    }

    @Test func recursionInAScriptNamesTheLine() {
        // Like bash, the script goes on with the next line.
        let result = run(makeShell(mode: .script(name: "bash")), "\nf() { f; }; f; echo same line\necho next line")
        #expect(result.stderr == "bash: line 2: f: maximum function nesting level exceeded (200)\n")
        #expect(result.stdout == "next line\n")
    }

    @Test func nestedCommandSubstitutionsStop() {
        let result = run(makeShell(), "f() { echo $(f); }; f; echo done")
        #expect(result.status != 0 || result.stdout.hasSuffix("done\n"))
        #expect(!result.stderr.isEmpty)
    }

    @Test func anEndlessProducerInAPipelineStopsAtTheOutputBudget() {
        let result = run(makeShell([yes, countBytes]), "yes | countbytes")
        #expect(result.stdout == "\(Budget64MB.bytes)\n")
        #expect(result.status == 0)
    }

    @Test func readAtTheEndOfInputFails() {
        let result = run(makeShell(), "read x; echo $? \"[$x]\"")
        #expect(result.stdout == "1 []\n")
    }

    @Test func evalOfItselfStops() {
        let result = run(makeShell(), "x='eval \"$x\"'; eval \"$x\"; echo after")
        #expect(result.stderr.contains("maximum nesting level exceeded"))
    }
}

private enum Budget64MB {
    static let bytes = 64 << 20
}

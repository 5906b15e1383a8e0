@testable import Kubectl
import Testing

/// Every captured help text is reachable, and every command the lab knows has one.
@Suite struct HelpCoverageTests {
    /// Every command path of kubectl's tree (`""` is the root).
    static let paths: [String] = {
        var paths: [String] = []
        func walk(_ command: CommandSpec, _ path: [String]) {
            paths.append(path.joined(separator: " "))
            for child in command.subcommands { walk(child, path + [child.name]) }
        }
        walk(CommandTable.root, [])
        return paths
    }()

    @Test func everyCommandOfTheTreeHasAText() {
        #expect(Set(Self.paths) == Set(HelpTexts.all.keys))
        let verbs = Set(Verbs.table.keys).union(MutateVerbs.table.keys)
        #expect(verbs.subtracting(HelpTexts.all.keys).isEmpty)
    }

    @Test(arguments: paths)
    func helpFlagPrintsTheCapturedText(_ path: String) {
        let words = path.split(separator: " ").map(String.init)
        let expected = HelpTexts.all[path] ?? "missing"
        for line in [words + ["--help"], words + ["-h"], ["help"] + words] {
            let run = HelpHarness.lab(line)
            if path == "alpha" {
                #expect(run == KubectlRun(stdout: "", stderr: "No alpha commands are available in this version of kubectl\n", status: 0))
            } else {
                #expect(run == KubectlRun(stdout: expected, stderr: "", status: 0), "kubectl \(line.joined(separator: " "))")
            }
        }
    }

    /// Against the real binary too, when it is there (the captured files are not stale).
    @Test(arguments: paths)
    func capturedTextIsKubectls(_ path: String) throws {
        guard HelpHarness.oracleAvailable else { return }
        let line = path.split(separator: " ").map(String.init) + ["--help"]
        #expect(HelpHarness.lab(line) == HelpHarness.real(line, home: "/root"), "kubectl \(line.joined(separator: " "))")
    }

    @Test func aliasesResolve() {
        for (alias, path) in [("create deploy", "create deployment"), ("create svc nodeport", "create service nodeport"),
                              ("create cm", "create configmap"), ("create ns", "create namespace"), ("create sa", "create serviceaccount"),
                              ("create pdb", "create poddisruptionbudget"), ("set sa", "set serviceaccount"), ("certificate approve", "certificate approve")] {
            let words = alias.split(separator: " ").map(String.init)
            #expect(HelpHarness.lab(words + ["--help"]).stdout == HelpTexts.all[path], "\(alias)")
            #expect(HelpHarness.lab(["help"] + words).stdout == HelpTexts.all[path], "help \(alias)")
        }
    }

    @Test func optionsFollowsHome() {
        #expect(HelpHarness.lab(["options"], home: "/home/cka").stdout.contains("--cache-dir='/home/cka/.kube/cache':\n"))
        #expect(HelpHarness.lab(["options"], home: "").stdout.contains("--cache-dir='.kube/cache':\n"))
    }

    @Test func unknownTopicsQuoteAsGo() {
        #expect(HelpCommand.goQuoteSlice(["a", "a b", "a`b", "x\ny", "tab\there"]) == "[`a` `a b` \"a`b\" \"x\\ny\" `tab\there`]")
    }
}

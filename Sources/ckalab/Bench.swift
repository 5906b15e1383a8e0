import APIStore
import ArgumentParser
import Cluster
import CommandKit
import Foundation
import KubeModel

/// `ckalab bench`: the speed figures the README reports.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measure ckalab's speed (build with -c release).")

    @Option(help: "Repetitions per measurement.")
    var runs: Int = 20

    @Flag(help: "Only the live-cluster rows (DaemonSet on 5,001 nodes, a 1,000-command session), for their peak memory alone.")
    var liveOnly = false

    @Option(help: "Worker nodes for the live DaemonSet row.")
    var workers: Int = 5_000

    @Flag(help: "Only the grading rows (one submission, a class of 1,000).")
    var gradeOnly = false

    func run() throws {
        if gradeOnly {
            Self.gradeRows(runs: runs, measure: measure, row: row)
            return
        }
        if liveOnly {
            Self.liveRows(runs: runs, workers: workers, measure: measure, row: row)
            print("peak memory (VmHWM): \(Self.peakMemory())")
            return
        }
        let boot = measure(runs) { _ = TerminalSession(world: World(), stdout: .discarding(), stderr: .discarding()) }
        print(row("world boot (2 nodes) + session", boot))
        let schema = measure(runs) { _ = SchemaCatalog(text: SchemaCatalog.sourceText) }
        print(row("v1.32 schema catalog parse", schema))

        let script = Self.thousandLineScript()
        var sessions: [TerminalSession] = (0..<max(1, runs)).map { _ in
            let session = TerminalSession(world: World(), stdout: .discarding(), stderr: .discarding())
            _ = session.runScript("mkdir -p /tmp/bench && cd /tmp/bench\n")
            return session
        }
        let scriptTime = measure(runs) {
            _ = sessions.removeLast().runScript(script)
        }
        print(row("1,000-line script (fresh session each run)", scriptTime))

        Self.storeRows(runs: runs, measure: measure, row: row)
        Self.kubectlGetRows(runs: runs, measure: measure, row: row)

        Self.gradeRows(runs: runs, measure: measure, row: row)
        Self.liveRows(runs: runs, measure: measure, row: row)
        let large = measure(max(1, runs / 10)) { _ = World(.large(workers: 5_000)) }
        print(row("world boot (5,001 nodes)", large))
        print("peak memory (VmHWM): \(Self.peakMemory())")

        let startup = measure(runs) { Self.runSelf(arguments: ["run", "-"]) }
        print(row("process start to exit, empty `ckalab run`", startup))
    }

    /// The API store at scale: 150,000 pods on 5,000 nodes, listed as `kubectl get` lists them.
    static func storeRows(runs: Int, measure: (Int, () -> Void) -> [Double], row: (String, [Double]) -> String) {
        var store: APIStore?
        let build = measure(1) { store = APIStoreBenchmarks.populatedStore(pods: 150_000, nodes: 5_000) }
        print(row("store: create 150,000 pods on 5,000 nodes", build))
        guard let store else { return }
        let lists: [(String, (APIStore) -> Int)] = [
            ("store: list all 150,000 pods", APIStoreBenchmarks.listAll),
            ("store: list one namespace (15,000 pods)", APIStoreBenchmarks.listNamespace),
            ("store: list one node (30 pods)", APIStoreBenchmarks.listNode),
            ("store: list by label (1,500 pods)", APIStoreBenchmarks.listLabel),
        ]
        for (name, body) in lists {
            print(row(name, measure(max(1, runs / 4)) { _ = body(store) }))
        }
    }

    /// The process's peak resident memory, as the kernel reports it.
    static func peakMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "unknown" }
        return line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
    }

    /// Runs this very binary once with /dev/null for its streams, and waits for it.
    /// (posix_spawn and waitpid directly: Foundation's Process adds tens of milliseconds of
    /// waiting of its own.)
    static func runSelf(arguments: [String]) {
        let path = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, &argv, environ) == 0 else {
            print("cannot start \(path)")
            return
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    /// An ordinary session's mix: files, pipes, loops, heredocs, text tools.
    static func thousandLineScript() -> String {
        let block = [
            "echo \"line $PWD\" >> log.txt",
            "cat log.txt | grep line | wc -l",
            "for i in 1 2 3; do echo $i; done > nums",
            "sort -r nums | head -n 2",
            "cat <<EOF > conf.yaml",
            "kind: Pod",
            "metadata:",
            "  name: demo",
            "EOF",
            "sed -i 's/demo/web/' conf.yaml && grep name conf.yaml",
        ]
        return Array(repeating: block, count: 100).flatMap { $0 }.joined(separator: "\n") + "\n"
    }

    private func measure(_ count: Int, _ body: () -> Void) -> [Double] {
        (0..<max(1, count)).map { _ in
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        }
    }

    private func row(_ name: String, _ samples: [Double]) -> String {
        let sorted = samples.sorted()
        // An even count's median is the mean of the middle two: with two runs, not the slower one.
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 0 ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
        let each = samples.count <= 5 ? ": " + samples.map { String(format: "%.0f", $0) }.joined(separator: ", ") : ""
        return "\(name): median \(String(format: "%.2f", median)) ms, min \(String(format: "%.2f", sorted[0])) ms (n=\(samples.count)\(each))"
    }

    /// `kubectl get pods -A` in-process: on the default world, and on 150,000 pods over 5,000 nodes.
    static func kubectlGetRows(runs: Int, measure: (Int, () -> Void) -> [Double], row: (String, [Double]) -> String) {
        let world = World()
        var bytes = 0
        let small = measure(runs) { bytes = KubectlOverStore.run(["get", "pods", "-A"], store: world.store).bytes }
        print(row("kubectl get pods -A (default world, \(bytes) bytes)", small))
        let store = APIStoreBenchmarks.populatedStore(pods: 150_000, nodes: 5_000)
        let large = measure(max(1, runs / 10)) { bytes = KubectlOverStore.run(["get", "pods", "-A"], store: store).bytes }
        print(row("kubectl get pods -A (150,000 pods, \(bytes) bytes)", large))
        let wide = measure(max(1, runs / 10)) { bytes = KubectlOverStore.run(["get", "pods", "-A", "-o", "wide"], store: store).bytes }
        print(row("kubectl get pods -A -o wide (150,000 pods)", wide))
    }
}

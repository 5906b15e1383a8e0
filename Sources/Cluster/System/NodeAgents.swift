import CommandKit
import Controllers
import NodeFS

/// What runs on each node outside containers: the kubelet's systemd unit, its journal, the
/// process table `ps` shows.
public final class NodeAgents {
    unowned let world: World
    private(set) var kubelet: KubeletLoop?
    var units: [String: KubeletUnit] = [:]
    var journals: [String: [JournalEntry]] = [:]
    /// A bound on each node's journal, so a kubelet failing every 10 s for hours stays small.
    static let journalLimit = 2_000

    init(world: World) {
        self.world = world
    }

    /// Boots every node's kubelet (a few minutes before the lab starts) and registers the commands.
    func attach(_ loop: KubeletLoop) {
        kubelet = loop
        loop.log = { [unowned self] node, level, source, text in kubeletLog(node, level, source, text) }
        installRegistration(loop)
        let boot = world.clock.now - 180 * 1_000_000_000
        for (index, node) in world.nodes.enumerated() {
            var unit = KubeletUnit(pid: 743 + index * 17)
            unit.since = boot + Int64(index) * 1_000_000_000
            unit.nextPID = 2_000 + index * 31
            units[node.name] = unit
            journals[node.name] = []
            record(node.name, time: unit.since, ident: "systemd", pid: 1, text: "Started kubelet.service - kubelet: The Kubernetes Node Agent.")
            logTime = unit.since + 400_000_000
            startKubelet(node.name, bootTime: true)
            logTime = nil
        }
        let link = WorldLink(world)
        world.commands.register(Command("systemctl") { invocation in Systemctl.run(&invocation, link.world) })
        world.commands.register(Command("journalctl") { invocation in Journalctl.run(&invocation, link.world) })
        world.commands.register(Command("ps") { invocation in ProcessStatus.run(&invocation, link.world) })
        world.commands.register(Command("crictl") { invocation in Crictl.run(&invocation, link.world) })
        world.commands.register(HTTPCommands.nodeCommand(world: world))
        world.commands.register(Command("kubeadm") { invocation in KubeadmCommand.run(&invocation, link.world) })
    }

    /// When the next kubelet line is stamped (boot lines are in the past); nil: now.
    private var logTime: Int64?

    func kubeletLog(_ node: String, _ level: Character, _ source: String, _ text: String) {
        guard let unit = units[node] else { return }
        let time = logTime ?? world.clock.now
        let micros = (time / 1_000) % 1_000_000
        let digits = String(micros)
        let clock = SystemTime.clock(time)
        let pid = String(unit.pid)
        let header = "\(level)\(SystemTime.monthDay(time)) \(clock).\(String(repeating: "0", count: 6 - digits.count))\(digits)"
        record(node, time: time, ident: "kubelet", pid: unit.pid,
               text: header + String(repeating: " ", count: max(1, 8 - pid.count)) + pid + " " + source + "] " + text)
    }

    func record(_ node: String, time: Int64? = nil, ident: String, pid: Int, text: String) {
        var journal = journals[node] ?? []
        journal.append(JournalEntry(time: time ?? logTime ?? world.clock.now, ident: ident, pid: pid, text: text))
        if journal.count > Self.journalLimit { journal.removeFirst(journal.count - Self.journalLimit) }
        journals[node] = journal
    }

    /// The kubelet process starts: reads its config; runs, or exits 1 and systemd tries again in 10 s.
    func startKubelet(_ node: String, bootTime: Bool = false) {
        guard var unit = units[node], let kubelet, let disk = world.node(named: node)?.disk else { return }
        if !bootTime {
            unit.pid = unit.nextPID
            unit.nextPID += 7 + Int(unit.pid % 5)
            unit.since = world.clock.now
        }
        unit.restartTicket.map(world.timeline.cancel)
        unit.restartTicket = nil
        units[node] = unit
        let text = try? disk.readText(KubeletConfigFile.path)
        kubeletLog(node, "I", "server.go:486", "\"Kubelet version\" kubeletVersion=\"v1.32.4\"")
        switch KubeletConfigFile.load(text) {
        case .success(let staticPodPath):
            units[node]?.state = .running
            kubeletLog(node, "I", "server.go:488", "\"Golang settings\" GOGC=\"\" GOMAXPROCS=\"\" GOTRACEBACK=\"\"")
            kubeletLog(node, "I", "kubelet_node_status.go:76", "\"Attempting to register node\" node=\"\(node)\"")
            kubelet.kubeletStarted(node, staticPodPath: staticPodPath)
            kubeletLog(node, "I", "kubelet_node_status.go:79", "\"Successfully registered node\" node=\"\(node)\"")
        case .failure(let error):
            kubeletLog(node, "E", "run.go:72", "\"command failed\" err=\"\(error.message.replacingOccurrences(of: "\"", with: "\\\""))\"")
            record(node, ident: "systemd", pid: 1, text: "kubelet.service: Main process exited, code=exited, status=1/FAILURE")
            record(node, ident: "systemd", pid: 1, text: "kubelet.service: Failed with result 'exit-code'.")
            units[node]?.state = .autoRestart
            units[node]?.since = world.clock.now
            units[node]?.restarts += 1
            kubelet.kubeletStopped(node)
            // Restart=always, RestartSec=10.
            units[node]?.restartTicket = world.timeline.schedule(at: world.clock.now + 10_000_000_000) { [unowned self] in
                guard units[node]?.state == .autoRestart else { return }
                record(node, ident: "systemd", pid: 1,
                       text: "kubelet.service: Scheduled restart job, restart counter is at \(units[node]?.restarts ?? 1).")
                record(node, ident: "systemd", pid: 1, text: "Started kubelet.service - kubelet: The Kubernetes Node Agent.")
                startKubelet(node)
            }
        }
    }

    func stopKubelet(_ node: String) {
        guard var unit = units[node] else { return }
        unit.restartTicket.map(world.timeline.cancel)
        unit.restartTicket = nil
        if unit.state == .running {
            record(node, ident: "systemd", pid: 1, text: "Stopping kubelet.service - kubelet: The Kubernetes Node Agent...")
            kubeletLog(node, "I", "dynamic_cafile_content.go:174", "\"Shutting down controller\" name=\"client-ca-bundle::/etc/kubernetes/pki/ca.crt\"")
            record(node, ident: "systemd", pid: 1, text: "kubelet.service: Deactivated successfully.")
            unit.lastRun = (unit.since, world.clock.now)
        }
        record(node, ident: "systemd", pid: 1, text: "Stopped kubelet.service - kubelet: The Kubernetes Node Agent.")
        unit.state = .inactive
        unit.since = world.clock.now
        units[node] = unit
        kubelet?.kubeletStopped(node)
    }
}

/// One node's kubelet.service.
struct KubeletUnit {
    enum State: Equatable { case running, inactive, autoRestart }
    var pid: Int
    var state = State.running
    var since: Int64 = 0
    var nextPID = 2_000
    var restarts = 0
    var restartTicket: Int?
    /// The last run's start and end (for `Duration:` once stopped).
    var lastRun: (Int64, Int64)?
}

/// One journal line.
struct JournalEntry {
    var time: Int64
    var ident: String
    var pid: Int
    var text: String
}

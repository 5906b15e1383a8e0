import APIStore
import CommandKit
import Controllers
import Coreutils
import Kubectl
import NodeFS
import SimKit

/// Everything that exists in one simulated lab: the clock, the nodes, the commands.
///
/// A world is single-threaded and deterministic: the same description and the same
/// commands always lead to the same state and the same output.
public final class World {
    public let description: WorldDescription
    public let clock: SimClock
    public var names: NameGenerator
    /// Nodes in the order the description lists them.
    public private(set) var nodes: [Node]
    /// Position of each node in `nodes` by name (5,000 nodes are looked up by name constantly).
    private var nodeIndex: [String: Int] = [:]
    /// Commands every node's shell can run (coreutils; later kubectl, systemctl, …).
    public var commands: CommandRegistry
    /// The API server's objects: what `kubeadm init/join` and the addons created, then whatever
    /// the learner and the controllers do.
    public let store: APIStore
    /// What the description asked for that could not be set up (bad files or manifests).
    public private(set) var setupProblems: [String] = []
    /// Work due later: containers waking from `sleep`, back-offs, grace periods, timers.
    public let timeline = Timeline()
    /// The control loops (scheduler, controllers, kubelets), run to quiescence after every change.
    public let controllers: ControllerManager
    /// The nodes' container runtime (Runtime/).
    public private(set) lazy var runtime = ShellContainerRuntime(world: self)
    /// Kubelet units, journals and processes of every node (System/).
    public private(set) lazy var agents = NodeAgents(world: self)
    /// The terminal whose command runs now (`kubectl exec -it` hands it to a container's shell).
    weak var terminalHost: TerminalSession?
    /// A container shell asked for by the command running now, taken up when it returns.
    var pendingTerminal: ContainerTerminalRequest?
    /// Simulated seconds one typed command takes: reading, typing, the round trip.
    public static let secondsPerCommand = 3.0

    public init(_ description: WorldDescription = .standard) {
        self.description = description
        let clock = SimClock()
        self.clock = clock
        names = NameGenerator(seed: description.seed)
        commands = Coreutils.registry
        let image = BaseImage.standard
        // One byte array shared by every node (copy-on-write), not one copy per node.
        let hosts = Array(Self.hostsFile(description.nodes).utf8)
        nodes = description.nodes.map { Node(spec: $0, world: description, image: image, hosts: hosts, clock: clock) }
        nodeIndex = Dictionary(nodes.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        store = APIStore(clock: clock, seed: description.seed)
        KubeadmCluster.install(in: store, description: description, nodes: nodes)
        // kubeadm's objects are built already defaulted; the learner's go through the real admission.
        let suffixes = UncheckedStore(store)
        store.admission = SchemaAdmission { suffixes.store?.nameSuffix() ?? "xxxxx" }
        controllers = ControllerManager(context: ControllerContext(store: store, clock: clock, timeline: timeline,
                                                                   seed: description.seed))
        let context = StoreKubectlContext(store: store)
        commands.register(Kubectl.command { _ in context })
        setupProblems = installExtras()
        context.world = WorldLink(self)
        installControlLoops()
        // The learner's `sleep` lets the cluster run on meanwhile.
        // (self.clock: the local `clock` would be held by its own handler and never freed.)
        clock.sleepHandler = { [unowned self] nanoseconds in advance(to: self.clock.now + nanoseconds) }
        for spec in description.joining { if let problem = join(spec) { setupProblems.append(problem) } }
        for spec in description.spare { if let problem = addSpare(spec) { setupProblems.append(problem) } }
    }

    public func node(named name: String) -> Node? {
        nodeIndex[name].map { nodes[$0] }
    }

    /// Adds a machine after the world was built (`join`); a name already taken is refused.
    func addMachine(_ node: Node) -> Bool {
        guard nodeIndex[node.name] == nil else { return false }
        nodeIndex[node.name] = nodes.count
        nodes.append(node)
        return true
    }

    static func hostsFile(_ nodes: [WorldDescription.NodeSpec]) -> String {
        var text = "127.0.0.1 localhost\n"
        for node in nodes { text += "\(node.address) \(node.name)\n" }
        text += "\n# The following lines are desirable for IPv6 capable hosts\n"
        text += "::1     ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\n"
        text += "ff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n"
        return text
    }
}

extension World {
    /// Lets every control loop act on what changed, at the current instant.
    public func settle() {
        controllers.settle()
    }

    /// Runs the world forward to `instant`: each due event at its time, settling after each.
    public func advance(to instant: Int64) {
        settle()
        while let (time, action) = timeline.popDue(notAfter: instant) {
            clock.advance(to: time)
            action()
            settle()
        }
        clock.advance(to: instant)
        settle()
    }

    public func advance(seconds: Double) {
        advance(to: clock.now + Int64(seconds * 1_000_000_000))
    }

    /// Runs the world forward, event by event, until `condition` holds or `seconds` pass
    /// (`kubectl wait`, `rollout status`, `get -w`). Returns whether the condition held.
    public func wait(upTo seconds: Double, until condition: () -> Bool) -> Bool {
        settle()
        if condition() { return true }
        let deadline = clock.now + Int64(seconds * 1_000_000_000)
        while let next = timeline.nextTime, next <= deadline {
            advance(to: next)
            if condition() { return true }
        }
        advance(to: deadline)
        return condition()
    }
}

extension World {
    /// Runs the world forward event by event while anything is due within `seconds`,
    /// calling `step` after each (`kubectl get --watch`). Stops early once nothing is due.
    public func runWhileBusy(upTo seconds: Double, step: () -> Void) {
        settle()
        let deadline = clock.now + Int64(seconds * 1_000_000_000)
        while let next = timeline.nextTime, next <= deadline {
            advance(to: next)
            step()
        }
    }
}

/// The world seen from the `kubectl` command's Sendable closure (the world is single-threaded).
final class WorldLink: @unchecked Sendable {
    unowned let world: World
    init(_ world: World) { self.world = world }
}

/// The world's store seen from admission's Sendable closure (the world is single-threaded);
/// weak, so the store and its admission do not keep each other alive.
private final class UncheckedStore: @unchecked Sendable {
    weak var store: APIStore?
    init(_ store: APIStore) { self.store = store }
}

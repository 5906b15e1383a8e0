import APIStore

/// Runs the control loops to quiescence: delivers the store's new changes to every loop,
/// lets each running loop sync, and repeats while anything changed.
public final class ControllerManager {
    public let context: ControllerContext
    public private(set) var controllers: [any Controller] = []
    /// Whether a component runs now (set by the world: static pods and kubelets decide it).
    public var isRunning: (Component) -> Bool = { _ in true }
    /// The first watch-log entry not yet delivered.
    private var cursor: Int
    /// A bound on rounds per settle, so a pair of loops that undo each other cannot hang the lab.
    public var maxRounds = 10_000

    public init(context: ControllerContext) {
        self.context = context
        cursor = context.store.nextSequence
        // What was written before the loops existed (kubeadm's objects) is never delivered.
        context.store.compactWatchLog(before: cursor)
    }

    public func add(_ controller: any Controller) {
        controllers.append(controller)
    }

    /// Delivers changes and syncs until nothing is left to do at this instant.
    public func settle() {
        var rounds = 0
        while rounds < maxRounds {
            rounds += 1
            deliver()
            var synced = false
            // Whether each component runs, asked once per round: within an instant only the
            // kubelets' sync can change the answer (a static pod stopping), so it is asked anew after theirs.
            var running: [Component: Bool] = [:]
            for controller in controllers where controller.hasPendingWork {
                let component = controller.component
                let up = running[component] ?? isRunning(component)
                running[component] = up
                guard up else { continue }
                controller.sync(context)
                synced = true
                if component == .kubelets { running = [:] }
            }
            // Only syncs write; nothing synced means nothing new to deliver.
            if !synced { return }
        }
    }

    private func deliver() {
        let store = context.store
        guard store.nextSequence > cursor else { return }
        do {
            let events = store.events(since: cursor)
            cursor = store.nextSequence
            for event in events {
                for controller in controllers { controller.observe(event) }
            }
        }
        // The loops are the log's only reader: what they have seen holds old object versions
        // (90,000 of them in a 5,000-node rollout) for nothing.
        store.compactWatchLog(before: cursor)
    }
}

@testable import Cluster
import LabTestSupport
import SimKit
import Testing

/// A world lets go of everything when it is dropped (the batch grader and the tests make
/// thousands), and keeps no history the cluster no longer needs while it runs.
struct WorldLifetimeTests {
    /// A container that sleeps (its process parked on a thread) and one that has exited.
    static let script = """
        kubectl run sleeper --image=busybox -- sh -c 'echo up; sleep 3600'
        kubectl run done --image=busybox --restart=Never -- sh -c 'echo bye'
        sleep 20
        kubectl delete pod done
        sleep 5
        """

    @Test func aDroppedWorldFreesItsContainersItsClockAndItself() {
        weak var world: World?
        weak var clock: SimClock?
        var records: [WeakRecord] = []
        do {
            let lab = World()
            let run = runLab(Self.script + "\nkubectl logs sleeper\n", world: lab)
            #expect(run.stdout.hasSuffix("up\n"))
            records = lab.runtime.containers.values.map { WeakRecord(record: $0) }
            #expect(records.contains { $0.record?.process != nil })
            world = lab
            clock = lab.clock
        }
        #expect(world == nil)
        #expect(clock == nil)
        #expect(records.allSatisfy { $0.record == nil })
    }

    @Test func theControlLoopsLogOfChangesIsEmptyOnceTheyHaveSeenIt() {
        let lab = World()
        #expect(lab.store.watchLog.count == 0)
        let run = runLab(Self.script + "\nkubectl get pods\n", world: lab)
        #expect(run.stdout.contains("sleeper"))
        #expect(lab.store.watchLog.count == 0)
        #expect(lab.store.nextSequence > 100)
    }

    struct WeakRecord {
        weak var record: RuntimeContainer?
    }
}

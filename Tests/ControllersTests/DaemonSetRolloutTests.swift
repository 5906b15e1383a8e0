import KubeModel
import Testing
@testable import Controllers

/// `DaemonSetRollout`: the rolling update's step, table-tested against what
/// k8s `pkg/controller/daemon/update.go` decides for the same nodes.
@Suite struct DaemonSetRolloutTests {
    private static func old(_ node: String, available: Bool = true) -> DaemonSetRollout.Node { DaemonSetRollout.Node(node, old: DaemonSetRollout.Pod("old-\(node)", available: available)) }
    private static func new(_ node: String, available: Bool = true) -> DaemonSetRollout.Node { DaemonSetRollout.Node(node, new: DaemonSetRollout.Pod("new-\(node)", available: available)) }
    private static func both(_ node: String, newAvailable: Bool, oldAvailable: Bool = true) -> DaemonSetRollout.Node {
        DaemonSetRollout.Node(node, new: DaemonSetRollout.Pod("new-\(node)", available: newAvailable), old: DaemonSetRollout.Pod("old-\(node)", available: oldAvailable))
    }

    static let withoutSurgeCases: [([DaemonSetRollout.Node], Int, DaemonSetRollout.Step)] = [
        // maxUnavailable 1: one available old pod at a time.
        ([old("a"), old("b"), old("c")], 1, DaemonSetRollout.Step(delete: ["old-a"])),
        ([old("a"), old("b"), old("c"), old("d"), old("e")], 2, DaemonSetRollout.Step(delete: ["old-a", "old-b"])),
        // An unavailable old pod is replaced regardless, and uses up the budget.
        ([old("a"), old("b", available: false), old("c")], 1, DaemonSetRollout.Step(delete: ["old-b"])),
        ([old("a"), old("b", available: false), old("c")], 2, DaemonSetRollout.Step(delete: ["old-b", "old-a"])),
        // A new pod that never becomes available (bad image) stalls the update.
        ([new("a", available: false), old("b"), old("c")], 1, DaemonSetRollout.Step()),
        ([new("a", available: false), old("b"), old("c")], 2, DaemonSetRollout.Step(delete: ["old-b"])),
        // A node waiting for its new pod (old one gone or terminating) counts as unavailable.
        ([DaemonSetRollout.Node("a"), old("b"), old("c")], 1, DaemonSetRollout.Step()),
        ([new("a"), old("b"), old("c")], 1, DaemonSetRollout.Step(delete: ["old-b"])),
        // Old and new on one node, or excess pods: unavailable, left to the manage loop.
        ([both("a", newAvailable: true), old("b")], 1, DaemonSetRollout.Step()),
        ([DaemonSetRollout.Node("a", excess: true), old("b")], 2, DaemonSetRollout.Step(delete: ["old-b"])),
        ([new("a"), new("b")], 1, DaemonSetRollout.Step()),
    ]

    @Test(arguments: withoutSurgeCases)
    func withoutSurge(nodes: [DaemonSetRollout.Node], maxUnavailable: Int, expected: DaemonSetRollout.Step) {
        #expect(DaemonSetRollout.step(nodes, maxSurge: 0, maxUnavailable: maxUnavailable, desired: nodes.count) == expected)
    }

    static let withSurgeCases: [([DaemonSetRollout.Node], Int, DaemonSetRollout.Step)] = [
        // maxSurge 1: a new pod beside the first old one.
        ([old("a"), old("b"), old("c")], 1, DaemonSetRollout.Step(createOn: ["a"])),
        ([old("a"), old("b"), old("c")], 2, DaemonSetRollout.Step(createOn: ["a", "b"])),
        // Waiting for the surge pod to become available: nothing more.
        ([both("a", newAvailable: false), old("b"), old("c")], 1, DaemonSetRollout.Step()),
        // Once available, the old pod goes and the next node surges.
        ([both("a", newAvailable: true), old("b"), old("c")], 1, DaemonSetRollout.Step(delete: ["old-a"], createOn: ["b"])),
        // An old pod that is not available gets its new pod at once, beyond maxSurge.
        ([both("a", newAvailable: false), old("b", available: false), old("c")], 1, DaemonSetRollout.Step(createOn: ["b"])),
        // Done nodes are skipped.
        ([new("a"), new("b"), old("c")], 1, DaemonSetRollout.Step(createOn: ["c"])),
        ([new("a"), new("b"), new("c")], 1, DaemonSetRollout.Step()),
    ]

    @Test(arguments: withSurgeCases)
    func withSurge(nodes: [DaemonSetRollout.Node], maxSurge: Int, expected: DaemonSetRollout.Step) {
        #expect(DaemonSetRollout.step(nodes, maxSurge: maxSurge, maxUnavailable: 0, desired: nodes.count) == expected)
    }

    @Test func surgeLeavesANodeItShouldNotRunOnOnlyWhenEnoughAreAvailable() {
        let leaving = DaemonSetRollout.Node("x", shouldRun: false, old: DaemonSetRollout.Pod("old-x", available: true))
        // Desired 2 (a, b), available 2 (old-x and new-a): not more than desired, old-x stays.
        #expect(DaemonSetRollout.step([Self.new("a"), DaemonSetRollout.Node("b"), leaving], maxSurge: 1, maxUnavailable: 0, desired: 2) == DaemonSetRollout.Step())
        #expect(DaemonSetRollout.step([Self.new("a"), Self.new("b"), leaving], maxSurge: 1, maxUnavailable: 0, desired: 2)
            == DaemonSetRollout.Step(delete: ["old-x"]))
        let unavailableLeaving = DaemonSetRollout.Node("x", shouldRun: false, old: DaemonSetRollout.Pod("old-x", available: false))
        #expect(DaemonSetRollout.step([unavailableLeaving], maxSurge: 1, maxUnavailable: 0, desired: 0) == DaemonSetRollout.Step(delete: ["old-x"]))
    }

    @Test func limitsRoundPercentagesUpAgainstTheDesiredCount() {
        let strategy: JSONValue = ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": "10%", "maxSurge": 0]]
        #expect(DaemonSetRollout.limits(strategy, desired: 5001) == (0, 501))
        #expect(DaemonSetRollout.limits(["rollingUpdate": ["maxUnavailable": 0, "maxSurge": "20%"]], desired: 3) == (1, 0))
        #expect(DaemonSetRollout.limits(["rollingUpdate": ["maxUnavailable": 0, "maxSurge": 0]], desired: 3) == (0, 1))
        #expect(DaemonSetRollout.limits(nil, desired: 3) == (0, 1))
        #expect(DaemonSetRollout.allowsSurge(["type": "RollingUpdate", "rollingUpdate": ["maxSurge": "1%", "maxUnavailable": 0]]))
        #expect(!DaemonSetRollout.allowsSurge(["type": "OnDelete", "rollingUpdate": ["maxSurge": 1]]))
    }

    @Test func surgingNodesKeepTheOldPodOnlyWhileTheNewOneIsNotAvailable() {
        // (name, isNew, ready, available), oldest first.
        #expect(DaemonSetRollout.surgeExcess([("o", false, true, true), ("n", true, true, false)]) == [])
        #expect(DaemonSetRollout.surgeExcess([("o", false, true, true), ("n", true, true, true)]) == ["o"])
        #expect(DaemonSetRollout.surgeExcess([("o", false, false, false), ("n", true, false, false)]) == ["o"])
        #expect(DaemonSetRollout.surgeExcess([("o", false, true, true), ("o2", false, true, true), ("n", true, false, false)]) == ["o2"])
        #expect(DaemonSetRollout.surgeExcess([("n", true, true, true), ("n2", true, false, false)]) == ["n2"])
    }
}

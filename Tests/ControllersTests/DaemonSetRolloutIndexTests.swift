import Testing
@testable import Controllers

/// `DaemonSetRolloutIndex` answers what the pure `DaemonSetRollout.step` answers over every node,
/// however its entries came and went.
@Suite struct DaemonSetRolloutIndexTests {
    /// SplitMix64: the same random cases on every run.
    private struct Cases: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static func randomEntry(_ name: String, _ random: inout Cases) -> DaemonSetRollout.Node? {
        func pod(_ prefix: String) -> DaemonSetRollout.Pod? {
            Int.random(in: 0..<3, using: &random) == 0 ? nil
                : DaemonSetRollout.Pod("\(prefix)-\(name)", available: Bool.random(using: &random))
        }
        if Int.random(in: 0..<8, using: &random) == 0 { return nil }
        return DaemonSetRollout.Node(name, shouldRun: Int.random(in: 0..<5, using: &random) != 0,
                                     new: pod("new"), old: pod("old"),
                                     excess: Int.random(in: 0..<12, using: &random) == 0)
    }

    @Test func matchesThePureStepThroughRandomChanges() {
        var random = Cases(state: 42)
        for round in 0..<40 {
            let names = (0..<Int.random(in: 1...150, using: &random)).map { "node" + String(1000 + $0).dropFirst() }
            var index = DaemonSetRolloutIndex(order: NodeOrder(sorted: names))
            var entries: [String: DaemonSetRollout.Node] = [:]
            for change in 0..<300 {
                let name = names[Int.random(in: 0..<names.count, using: &random)]
                let entry = Self.randomEntry(name, &random)
                entries[name] = entry
                let accepted = index.set(name, entry)
                #expect(accepted)
                guard change % 7 == 0 else { continue }
                let all = names.compactMap { entries[$0] }
                let desired = all.filter { $0.shouldRun }.count
                for (surge, unavailable) in [(0, 1), (0, 3), (0, 40), (1, 0), (2, 1), (25, 0)] {
                    let expected = DaemonSetRollout.step(all, maxSurge: surge, maxUnavailable: unavailable, desired: desired)
                    let step = index.step(maxSurge: surge, maxUnavailable: unavailable, desired: desired)
                    #expect(step == expected, "round \(round), change \(change), surge \(surge), unavailable \(unavailable)")
                }
            }
        }
    }

    @Test func aNodeOutsideTheOrderCannotBeAnswered() {
        var index = DaemonSetRolloutIndex(order: NodeOrder(sorted: ["a", "b"]))
        let nothing = index.set("zz", nil)
        let something = index.set("zz", DaemonSetRollout.Node("zz", old: DaemonSetRollout.Pod("p", available: true)))
        #expect(nothing)
        #expect(!something)
    }

    @Test func firstMembersInOrderAcrossWords() {
        var set = NodeBitSet(capacity: 200)
        for place in [199, 3, 64, 63, 128] { set.set(place, true) }
        set.set(3, false)
        set.set(3, false)
        #expect(set.count == 4)
        #expect(set.first() == [63, 64, 128, 199])
        #expect(set.first(2) == [63, 64])
        #expect(set.first(0) == [])
    }
}

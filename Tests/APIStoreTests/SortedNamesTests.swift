@testable import APIStore
import Testing

/// A namespace's name index lists what a plain set would hold, in byte order, whatever mix of
/// additions, removals, re-additions and listings came before (a seeded random walk).
@Suite struct SortedNamesTests {
    @Test func listsWhatASetHolds() {
        var names = SortedNames()
        var reference: Set<String> = []
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        for _ in 0..<5_000 {
            let name = "pod-\(next(40))"
            switch next(10) {
            case 0...4 where !reference.contains(name):
                names.insert(name)
                reference.insert(name)
            case 5...8 where reference.contains(name):
                names.remove(name)
                reference.remove(name)
            case 9:
                #expect(names.names() == reference.sorted())
            default:
                break
            }
            #expect(names.count == reference.count)
        }
        #expect(names.names() == reference.sorted())
    }
}

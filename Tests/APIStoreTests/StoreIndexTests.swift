// The store's bookkeeping: the namespace name index and the uids it hands out.
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

/// UIDs are the version-4 layout of the store's seeded numbers, digit for digit as they were
/// built before (byte arrays joined): saved sessions and seeded worlds keep their uids.
@Suite struct UUIDTests {
    static func reference(high: UInt64, low: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        for value in [high, (low & 0x0FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000] {
            for shift in stride(from: 60, through: 0, by: -4) { hex.append(digits[Int((value >> UInt64(shift)) & 0xF)]) }
        }
        hex[12] = UInt8(ascii: "4")
        var uid: [UInt8] = []
        for (index, byte) in hex.enumerated() {
            if index == 8 || index == 12 || index == 16 || index == 20 { uid.append(UInt8(ascii: "-")) }
            uid.append(byte)
        }
        return String(decoding: uid, as: UTF8.self)
    }

    @Test func sameDigitsAsBefore() {
        var state: UInt64 = 42
        for _ in 0..<1_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            let high = state
            state = state &* 6_364_136_223_846_793_005 &+ 1
            #expect(APIStore.uuid(high: high, low: state) == Self.reference(high: high, low: state))
        }
        #expect(APIStore.uuid(high: 0, low: .max) == "00000000-0000-4000-8fff-ffffffffffff")
    }
}

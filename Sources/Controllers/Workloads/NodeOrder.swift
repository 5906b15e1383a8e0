/// Node names in sorted order with each one's place, fixed while no node comes or goes.
final class NodeOrder {
    let names: [String]
    private let places: [String: Int]

    init(sorted names: [String]) {
        self.names = names
        var places: [String: Int] = [:]
        places.reserveCapacity(names.count)
        for (place, name) in names.enumerated() { places[name] = place }
        self.places = places
    }

    func place(of name: String) -> Int? { places[name] }
}

/// A set of nodes by their place in a `NodeOrder`: membership changes in O(1), and the first
/// few members in name order come from a scan of machine words, not a sort.
struct NodeBitSet {
    private var words: [UInt64]
    private(set) var count = 0

    init(capacity: Int) {
        words = Array(repeating: 0, count: (capacity + 63) / 64)
    }

    mutating func set(_ place: Int, _ member: Bool) {
        let word = place / 64, bit = UInt64(1) << UInt64(place % 64)
        guard words.indices.contains(word) else { return }
        let was = words[word] & bit != 0
        guard was != member else { return }
        if member { words[word] |= bit; count += 1 } else { words[word] &= ~bit; count -= 1 }
    }

    /// The first `limit` members' places, in order (all of them by default).
    func first(_ limit: Int = .max) -> [Int] {
        var places: [Int] = []
        guard limit > 0 else { return places }
        for (index, word) in words.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                places.append(index * 64 + rest.trailingZeroBitCount)
                if places.count == limit { return places }
                rest &= rest - 1
            }
        }
        return places
    }
}

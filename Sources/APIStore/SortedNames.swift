/// The names of one namespace's objects, listed in sorted order without re-sorting everything
/// after every change: additions and removals wait in side sets and are merged when listed.
struct SortedNames {
    private var sorted: [String] = []
    private var added: Set<String> = []
    private var removed: Set<String> = []
    private(set) var count = 0

    mutating func insert(_ name: String) {
        count += 1
        if removed.remove(name) != nil { return }
        added.insert(name)
    }

    mutating func remove(_ name: String) {
        count -= 1
        if added.remove(name) != nil { return }
        removed.insert(name)
    }

    /// All names, ascending (byte order, as the API server's etcd keys sort).
    mutating func names() -> [String] {
        if added.isEmpty && removed.isEmpty { return sorted }
        let fresh = added.sorted()
        var merged: [String] = []
        merged.reserveCapacity(count)
        var index = 0
        for name in sorted where !removed.contains(name) {
            while index < fresh.count, fresh[index] < name {
                merged.append(fresh[index])
                index += 1
            }
            merged.append(name)
        }
        merged.append(contentsOf: fresh[index...])
        sorted = merged
        added.removeAll(keepingCapacity: true)
        removed.removeAll(keepingCapacity: true)
        return sorted
    }
}

/// The names of one namespace's objects, listed in sorted order without re-sorting everything
/// after every change: additions and removals wait on the side and are merged when listed.
struct SortedNames {
    private var sorted: [String] = []
    /// Added since the last merge, in arrival order (kept in an array: the Events of a busy
    /// namespace arrive by the thousand, and hashing each name into a set cost more than the rest).
    private var added: [String] = []
    /// Removed since the last merge, whether merged already or still among `added`.
    private var removed: Set<String> = []
    private(set) var count = 0

    mutating func insert(_ name: String) {
        count += 1
        // Back before the merge: the removal is undone (the name is in `sorted` or `added` still).
        if !removed.isEmpty, removed.remove(name) != nil { return }
        added.append(name)
    }

    mutating func remove(_ name: String) {
        count -= 1
        removed.insert(name)
    }

    /// All names, ascending (byte order, as the API server's etcd keys sort).
    mutating func names() -> [String] {
        if added.isEmpty && removed.isEmpty { return sorted }
        let fresh = (removed.isEmpty ? added : added.filter { !removed.contains($0) }).sorted()
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

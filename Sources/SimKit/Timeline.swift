import HeapModule

/// The simulation's event queue: what is due when (a container's sleep ends, a kubelet's
/// next sync, a back-off expires). Events at the same instant run in the order they were
/// scheduled, so a run is the same every time.
public final class Timeline {
    public typealias Action = () -> Void

    private struct Entry: Comparable {
        var time: Int64
        var sequence: Int
        static func < (a: Entry, b: Entry) -> Bool { (a.time, a.sequence) < (b.time, b.sequence) }
        static func == (a: Entry, b: Entry) -> Bool { a.sequence == b.sequence }
    }

    private var heap = Heap<Entry>()
    private var actions: [Int: Action] = [:]
    private var nextSequence = 0

    public init() {}

    /// Runs `action` once the world reaches `time`; returns a ticket for `cancel`.
    @discardableResult
    public func schedule(at time: Int64, _ action: @escaping Action) -> Int {
        let sequence = nextSequence
        nextSequence += 1
        heap.insert(Entry(time: time, sequence: sequence))
        actions[sequence] = action
        return sequence
    }

    public func cancel(_ ticket: Int) {
        actions[ticket] = nil
    }

    /// When the next live event is due, if any.
    public var nextTime: Int64? {
        while let top = heap.min, actions[top.sequence] == nil { heap.removeMin() }
        return heap.min?.time
    }

    /// Removes and returns the next event due at or before `time`.
    public func popDue(notAfter time: Int64) -> (time: Int64, action: Action)? {
        guard let next = nextTime, next <= time, let entry = heap.popMin(),
              let action = actions.removeValue(forKey: entry.sequence) else { return nil }
        return (entry.time, action)
    }

    public var pendingCount: Int { actions.count }
}

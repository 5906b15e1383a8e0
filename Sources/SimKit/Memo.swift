import Foundation

/// Answers of a pure function, kept by argument; shared by the world's thread and the
/// containers' threads, hence the lock. When `capacity` are kept, the memory starts over.
public final class Memo<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [Key: Value] = [:]
    private let capacity: Int

    public init(capacity: Int) {
        self.capacity = capacity
    }

    public func answer(_ key: Key, _ compute: (Key) -> Value) -> Value {
        lock.lock()
        let known = answers[key]
        lock.unlock()
        if let known { return known }
        let value = compute(key)
        lock.lock()
        if answers.count >= capacity { answers.removeAll(keepingCapacity: true) }
        answers[key] = value
        lock.unlock()
        return value
    }
}

/// Structs a store's admission decoded before without a problem, by the storage of their
/// members: a controller makes every pod from one template, so most of a new pod's members
/// are the template's own storage, already decoded. A hit gives what decoding gives.
///
/// One store's admission owns one; the store runs on one thread at a time.
public final class DecodeMemo: @unchecked Sendable {
    struct Key: Hashable {
        let definition: String
        let keys: UnsafeRawPointer?
        let values: UnsafeRawPointer?

        /// The addresses alone: hashing the definition's long name cost more than a decode saved.
        func hash(into hasher: inout Hasher) {
            hasher.combine(keys)
            hasher.combine(values)
        }
    }

    private struct Entry {
        /// Kept so that its storage stays allocated and the key's addresses cannot be reused.
        let input: JSONObject
        let output: JSONValue
    }

    static let capacity = 4_096
    private var entries: [Key: Entry] = [:]
    /// Storage seen once, by address only (nothing kept alive): a struct is remembered when its
    /// storage comes a second time. Most of a new pod (its metadata, its node affinity) is its
    /// own and never comes again; keeping each of those, then dropping thousands at once, cost
    /// more than the hits saved. An address reused meanwhile only makes something remembered.
    private var seen: Set<Key> = []

    public init() {}

    static func key(_ members: JSONObject, definition: String) -> Key {
        Key(definition: definition,
            keys: members.keys.elements.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
            values: members.values.elements.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) })
    }

    func output(for key: Key) -> JSONValue? { entries[key]?.output }

    /// `input` must not be empty: empty arrays share one static buffer, no identity to go by.
    func remember(_ output: JSONValue, for key: Key, input: JSONObject) {
        guard seen.remove(key) != nil else {
            if seen.count >= Self.capacity { seen.removeAll(keepingCapacity: true) }
            seen.insert(key)
            return
        }
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = Entry(input: input, output: output)
    }
}

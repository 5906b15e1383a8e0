import KubeModel
import SimKit

/// The API server's object store: what etcd holds, with the API server's rules for writing it.
///
/// Single-threaded and deterministic: uids and generated names come from a seeded generator,
/// times from the world's `SimClock`, resourceVersions from one counter, so the same requests
/// always give the same objects.
public final class APIStore {
    public let clock: SimClock
    public let resources: ResourceTable
    /// Defaults and validation, run before every create and update.
    public var admission: any AdmissionControl
    /// The last resourceVersion handed out (the store-wide revision, as etcd's).
    public private(set) var revision = 0
    var uids: SeededRandom
    var names: NameGenerator
    var buckets: [String: Bucket] = [:]
    /// Every change, in order; `watchLogStart` is the sequence number of its first entry.
    public internal(set) var watchLog: [WatchEvent] = []
    public internal(set) var watchLogStart = 0
    /// Off for bulk loads that nobody watches (benchmarks).
    public var recordsWatchEvents = true
    /// Event aggregation: correlation key → name of the Event that counts its repeats.
    /// Each event recorder's memory of its recent events (client-go's aggregation).
    var eventKeys: [EventSource: EventCorrelatorCache] = [:]
    var lastEventNanoseconds: Int64 = 0
    /// The formatted time of the last stamp, reused while the clock stands still.
    private var stampCache: (nanoseconds: Int64, text: String) = (-1, "")

    public init(clock: SimClock, seed: UInt64, resources: ResourceTable = .standard,
                admission: any AdmissionControl = PassThroughAdmission()) {
        self.clock = clock
        self.resources = resources
        self.admission = admission
        uids = SeededRandom(seed: seed ^ 0x5EED_0F_A11_D5)
        names = NameGenerator(seed: seed &+ 0x6E61_6D65)
    }

    // MARK: reading

    /// The stored object, or nil.
    public func object(_ type: ResourceType, namespace: String, name: String) -> KubeObject? {
        buckets[type.key]?.objects[ObjectKey(namespace: type.namespaced ? namespace : "", name: name)]
    }

    /// The stored object, or `pods "x" not found`.
    public func get(_ type: ResourceType, namespace: String, name: String) throws(APIError) -> KubeObject {
        guard let object = object(type, namespace: namespace, name: name) else { throw .notFound(type, name: name) }
        return object
    }

    /// Objects in list order (namespace, then name) that match every requirement.
    public func list(_ type: ResourceType, _ options: ListOptions = ListOptions()) -> [KubeObject] {
        guard let bucket = buckets[type.key] else { return [] }
        let namespace = type.namespaced ? options.namespace : nil
        var candidates: [ObjectKey]
        var fields = options.fields
        if let nodeField = fields.firstIndex(where: { $0.path == "spec.nodeName" && !$0.negated }), type.key == "pods" {
            let node = fields.remove(at: nodeField).value
            candidates = (bucket.nodeIndex[node] ?? []).filter { namespace == nil || $0.namespace == namespace }.sorted()
        } else if let (key, value) = firstEquality(options.labels),
                  let indexed = Optional(bucket.labelIndex[Bucket.labelKey(key, value)] ?? []),
                  indexed.count * 4 < bucket.count(namespace: namespace) {
            candidates = indexed.filter { namespace == nil || $0.namespace == namespace }.sorted()
        } else {
            candidates = bucket.keys(namespace: namespace)
        }
        var result: [KubeObject] = []
        result.reserveCapacity(candidates.count)
        let labels = options.labels
        for key in candidates {
            guard let object = bucket.objects[key] else { continue }
            if !labels.isEmpty {
                let objectLabels = object.content[path: ["metadata", "labels"]]?.objectValue
                guard labels.allSatisfy({ $0.matches(objectLabels) }) else { continue }
            }
            guard fields.allSatisfy({ $0.matches(object) }) else { continue }
            result.append(object)
        }
        return result
    }

    /// How many objects of a type are stored (in one namespace, or all).
    public func count(_ type: ResourceType, namespace: String? = nil) -> Int {
        buckets[type.key]?.count(namespace: type.namespaced ? namespace : nil) ?? 0
    }

    /// Watch events from `sequence` on (what a watcher that has seen everything before it missed).
    public func events(since sequence: Int) -> ArraySlice<WatchEvent> {
        let start = max(sequence, watchLogStart) - watchLogStart
        guard start < watchLog.count else { return [] }
        return watchLog[start...]
    }

    /// The sequence number the next watch event will get.
    public var nextSequence: Int { watchLogStart + watchLog.count }

    /// Forgets watch events before `sequence` (once every consumer has seen them).
    public func compactWatchLog(before sequence: Int) {
        let drop = min(max(0, sequence - watchLogStart), watchLog.count)
        if drop == watchLog.count { watchLog.removeAll(keepingCapacity: true) } else { watchLog.removeFirst(drop) }
        watchLogStart += drop
    }

    private func firstEquality(_ labels: [LabelRequirement]) -> (String, String)? {
        for requirement in labels { if case let .equals(key, value) = requirement { return (key, value) } }
        return nil
    }

    // MARK: helpers shared by the writes

    func bucket(for type: ResourceType) -> Bucket {
        if let bucket = buckets[type.key] { return bucket }
        let bucket = Bucket(type: type)
        buckets[type.key] = bucket
        return bucket
    }

    func nextResourceVersion() -> String {
        revision += 1
        return String(revision)
    }

    func record(_ type: WatchEvent.EventType, _ resource: ResourceType, _ object: KubeObject,
                propagation: PropagationPolicy? = nil, statusOnly: Bool = false) {
        guard recordsWatchEvents else { return }
        watchLog.append(WatchEvent(sequence: nextSequence, type: type, resource: resource, object: object,
                                   propagation: propagation, statusOnly: statusOnly))
    }

    /// `metav1.Time` of `nanoseconds` (default: now).
    func stamp(_ nanoseconds: Int64? = nil) -> String {
        let time = nanoseconds ?? clock.now
        let seconds = time - time % 1_000_000_000
        if stampCache.nanoseconds == seconds { return stampCache.text }
        let text = Timestamp.rfc3339(nanoseconds: time)
        stampCache = (seconds, text)
        return text
    }

    /// A random (version 4) UUID, from the seeded generator.
    public func newUID() -> String {
        let high = uids.next()
        return Self.uuid(high: high, low: uids.next())
    }

    /// A version-4 UUID's layout over two numbers' 32 hex digits, written straight into the
    /// string's storage (every object and event gets one).
    static func uuid(high: UInt64, low: UInt64) -> String {
        let low = (low & 0x0FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        return String(unsafeUninitializedCapacity: 36) { bytes in
            var out = 0
            for digit in 0..<32 {
                if digit == 8 || digit == 12 || digit == 16 || digit == 20 {
                    bytes[out] = UInt8(ascii: "-")
                    out += 1
                }
                let value = digit < 16 ? high : low
                let nibble = digit == 12 ? 4 : Int((value >> UInt64(60 - 4 * (digit % 16))) & 0xF)
                bytes[out] = nibble < 10 ? UInt8(ascii: "0") + UInt8(nibble) : UInt8(ascii: "a") + UInt8(nibble - 10)
                out += 1
            }
            return out
        }
    }

    /// A `generateName` suffix: 5 characters of `bcdfghjklmnpqrstvwxz2456789`.
    public func nameSuffix() -> String { names.suffix() }

}

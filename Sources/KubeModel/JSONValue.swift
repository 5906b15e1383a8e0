import OrderedCollections

/// A JSON value as the API server stores an object: what a manifest decodes to and what
/// `-o yaml`/`-o json` print. Objects keep insertion order (typed kubectl output prints Go
/// struct order); the printers that sort do so themselves.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

/// An object's members, in the order they were set.
public typealias JSONObject = OrderedDictionary<String, JSONValue>

extension JSONValue: Equatable {
    /// Objects compare as maps (member order is presentation, not content), as Go's
    /// `reflect.DeepEqual` on unstructured objects does.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.double(a), .double(b)): a == b
        case let (.int(a), .double(b)), let (.double(b), .int(a)): Double(a) == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)):
            a.count == b.count && (sharesStorage(a, b) || a.allSatisfy { key, value in b.member(key) == value })
        default: false
        }
    }
}

extension OrderedDictionary where Key == String, Value == JSONValue {
    /// The member `key`. Objects this small are searched by scanning (as OrderedDictionary
    /// does); comparing lengths first skips most string comparisons, which were a tenth of
    /// the control loops' instructions.
    @inlinable
    public func member(_ key: String) -> JSONValue? {
        // The scan of `memberIndex`, written out: returning through it cost reads a tenth more.
        let names = keys.elements
        guard names.count <= 16 else { return self[key] }
        let length = key.utf8.count
        for index in names.indices where names[index].utf8.count == length && names[index] == key {
            return values.elements[index]
        }
        return nil
    }

    /// Where the member `key` is, found as `member` finds it (nil: absent, or a large object's
    /// member, which the hashed lookup finds).
    @inlinable
    public func memberIndex(_ key: String) -> Int? {
        let names = keys.elements
        guard names.count <= 16 else { return index(forKey: key) }
        let length = key.utf8.count
        for index in names.indices where names[index].utf8.count == length && names[index] == key {
            return index
        }
        return nil
    }
}

/// Whether two objects are one storage (a copy not since changed): equal without a look inside.
/// The control loops compare an object with its last version, where most members are such copies.
private func sharesStorage(_ a: JSONObject, _ b: JSONObject) -> Bool {
    func same<T>(_ x: [T], _ y: [T]) -> Bool {
        x.withUnsafeBufferPointer { xs in y.withUnsafeBufferPointer { ys in xs.baseAddress == ys.baseAddress } }
    }
    return same(a.keys.elements, b.keys.elements) && same(a.values.elements, b.values.elements)
}

extension JSONValue {
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { o } else { nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    public var isNull: Bool { if case .null = self { true } else { false } }

    /// Whole numbers, whether written `3` or `3.0`.
    public var intValue: Int? {
        switch self {
        case .int(let i): i
        case .double(let d) where d.rounded() == d && abs(d) < 9.0e18: Int(d)
        default: nil
        }
    }

    /// The member `key` of an object; nil for other values. Setting on a non-object makes it one.
    /// Mutation happens in place: the hot loops set status fields on large objects.
    @inlinable
    public subscript(key: String) -> JSONValue? {
        get {
            guard case .object(let members) = self else { return nil }
            return members.member(key)
        }
        _modify {
            var members: JSONObject
            if case .object(let existing) = self { members = existing } else { members = [:] }
            // Drop this value's reference first, so `members` is the only one and stays unshared.
            self = .null
            defer { self = .object(members) }
            // A member that is there is changed in place, found by the length-first scan (the
            // dictionary's own subscript compares every name): taken out while it changes, so
            // that it is not shared either.
            if let index = members.memberIndex(key) {
                var value: JSONValue? = members.values[index]
                members.values[index] = .null
                yield &value
                if let value { members.values[index] = value } else { members.remove(at: index) }
            } else {
                yield &members[key]
            }
        }
    }

    /// The value at a path of member names, e.g. `["metadata", "labels", "app"]`.
    @inlinable
    public subscript(path path: [String]) -> JSONValue? {
        get { self[path: path[...]] }
        set { self[path: path[...]] = newValue }
    }

    /// The value at a path of member names; setting creates the objects on the way.
    @inlinable
    public subscript(path path: ArraySlice<String>) -> JSONValue? {
        get {
            var current = self
            for key in path {
                guard case .object(let members) = current, let next = members.member(key) else { return nil }
                current = next
            }
            return current
        }
        set {
            guard let first = path.first else {
                if let newValue { self = newValue }
                return
            }
            if path.count == 1 {
                self[first] = newValue
                return
            }
            if self[first] == nil { self[first] = .object([:]) }
            self[first]?[path: path.dropFirst()] = newValue
        }
    }

    /// An empty object.
    public static var emptyObject: JSONValue { .object([:]) }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        // Literals written in code have distinct keys (checked in debug builds); building
        // without the uniquing merge matters to the loops that write events and statuses.
        assert(Set(elements.map(\.0)).count == elements.count, "duplicate key in a JSON literal")
        self = .object(JSONObject(uncheckedUniqueKeysWithValues: elements))
    }
}

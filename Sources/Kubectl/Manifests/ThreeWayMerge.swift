import KubeModel

/// The object `kubectl apply` ends up with: strategicpatch.CreateThreeWayMergePatch(original,
/// modified, current) applied to current, computed directly. Every field of `modified` wins;
/// fields that `original` (the last-applied configuration) had and `modified` dropped are
/// removed; fields only the server or other writers set stay. Lists with a merge key merge
/// element by element, in the patch's `$setElementOrder`.
struct ThreeWayMerge {
    /// Work budget: deep or huge objects stop merging (the rest is taken from `modified`).
    private var budget = 200_000

    static func merge(original: JSONValue?, modified: JSONValue, current: JSONValue) -> JSONValue {
        var merger = ThreeWayMerge()
        return merger.value(original: original, modified: modified, current: current, path: [])
    }

    private mutating func value(original: JSONValue?, modified: JSONValue, current: JSONValue?,
                                path: [String]) -> JSONValue {
        budget -= 1
        guard budget > 0, path.count < 200, let current else { return modified }
        switch (modified, current) {
        case let (.object(m), .object(c)):
            return .object(object(original: original?.objectValue, modified: m, current: c, path: path))
        case let (.array(m), .array(c)):
            if let key = MergeKeys.key(for: path), m.allSatisfy({ $0.objectValue != nil }),
               c.allSatisfy({ $0.objectValue != nil }) {
                return .array(keyedList(original: original?.arrayValue, modified: m, current: c, key: key, path: path))
            }
            if MergeKeys.mergesScalars(path) {
                return .array(scalarSet(original: original?.arrayValue ?? [], modified: m, current: c))
            }
            return modified
        default:
            return modified
        }
    }

    private mutating func object(original: JSONObject?, modified: JSONObject, current: JSONObject,
                                 path: [String]) -> JSONObject {
        var result = current
        if let original {
            for key in original.keys where modified[key] == nil { result[key] = nil }
        }
        // retainKeys (deployment strategy, volume sources): only the keys the config names stay.
        if Self.retainsKeys(path) {
            for key in current.keys where modified[key] == nil { result[key] = nil }
        }
        for (key, member) in modified {
            if member.isNull {
                result[key] = nil
                continue
            }
            result[key] = value(original: original?[key], modified: member, current: current[key], path: path + [key])
        }
        return result
    }

    private mutating func keyedList(original: [JSONValue]?, modified: [JSONValue], current: [JSONValue],
                                    key: String, path: [String]) -> [JSONValue] {
        func id(_ element: JSONValue) -> JSONValue? { element[key] }
        let modifiedIDs = modified.compactMap(id)
        let originalIDs = (original ?? []).compactMap(id)
        var patchItems: [JSONValue] = []
        for element in modified {
            let elementID = id(element)
            let live = current.first { elementID != nil && id($0) == elementID }
            let before = original?.first { elementID != nil && id($0) == elementID }
            patchItems.append(value(original: before, modified: element, current: live, path: path))
        }
        let serverOnly = current.filter { element in
            guard let elementID = id(element) else { return true }
            return !modifiedIDs.contains(elementID) && !originalIDs.contains(elementID)
        }
        let serverOrder = current.compactMap(id)
        // mergeSortedSlice: a patch item goes first only when both sit in the server list, in that order.
        var out: [JSONValue] = []
        var i = 0, j = 0
        while i < patchItems.count || j < serverOnly.count {
            if i >= patchItems.count { out.append(serverOnly[j]); j += 1; continue }
            if j >= serverOnly.count { out.append(patchItems[i]); i += 1; continue }
            let li = id(patchItems[i]).flatMap { serverOrder.firstIndex(of: $0) }
            let ri = id(serverOnly[j]).flatMap { serverOrder.firstIndex(of: $0) }
            if let li, let ri, li < ri {
                out.append(patchItems[i]); i += 1
            } else {
                out.append(serverOnly[j]); j += 1
            }
        }
        return out
    }

    private func scalarSet(original: [JSONValue], modified: [JSONValue], current: [JSONValue]) -> [JSONValue] {
        var out = modified
        for element in current where !modified.contains(element) && !original.contains(element) { out.append(element) }
        return out
    }

    /// Maps with `patchStrategy: retainKeys`.
    static func retainsKeys(_ path: [String]) -> Bool {
        path.suffix(2) == ["spec", "strategy"] || path.last == "volumes"
    }
}

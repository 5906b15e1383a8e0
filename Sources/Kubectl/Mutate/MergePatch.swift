import KubeModel

/// RFC 7386 JSON merge patches and the strategic merge patch kubectl and the API server use for
/// built-in kinds (lists with merge keys merged item by item, `$patch` directives).
enum MergePatch {
    /// RFC 7386: objects merge member by member, null deletes, anything else replaces.
    static func merge(_ original: JSONValue, _ patch: JSONValue) -> JSONValue {
        guard case .object(let patchMembers) = patch else { return patch }
        var result = original.objectValue ?? [:]
        for (key, value) in patchMembers {
            if value.isNull {
                result[key] = nil
            } else {
                result[key] = merge(result[key] ?? .null, value)
            }
        }
        return .object(result)
    }

    /// A strategic merge failure in the library's words.
    struct Failure: Error { let message: String }

    /// The merge key of a list field (MergeKeys' table); `ports` depends on the list:
    /// container ports or service ports.
    static func mergeKey(field: String, items: [JSONValue]) -> String? {
        if field == "ports" {
            let containerPorts = items.contains { $0["containerPort"] != nil }
            return containerPorts ? "containerPort" : "port"
        }
        return MergeKeys.byField[field]
    }

    static func strategic(_ original: JSONValue, _ patch: JSONValue) throws(Failure) -> JSONValue {
        guard case .object(let patchMembers) = patch else { return patch }
        if patchMembers["$patch"]?.stringValue == "replace" {
            var replaced = patchMembers
            replaced["$patch"] = nil
            return .object(replaced)
        }
        var result = original.objectValue ?? [:]
        for (key, value) in patchMembers {
            if key.hasPrefix("$setElementOrder/") || key == "$retainKeys" || key == "$patch" { continue }
            if key.hasPrefix("$deleteFromPrimitiveList/") {
                let field = String(key.dropFirst("$deleteFromPrimitiveList/".count))
                let drop = value.arrayValue ?? []
                if let list = result[field]?.arrayValue { result[field] = .array(list.filter { !drop.contains($0) }) }
                continue
            }
            if value.isNull {
                result[key] = nil
                continue
            }
            if case .array(let patchItems) = value, let originalItems = result[key]?.arrayValue,
               let mergeKey = mergeKey(field: key, items: originalItems + patchItems) {
                result[key] = .array(try mergeList(originalItems, patchItems, key: mergeKey))
                continue
            }
            if case .array(let patchItems) = value, let mergeKey = mergeKey(field: key, items: patchItems), !mergeKey.isEmpty {
                result[key] = .array(try mergeList([], patchItems, key: mergeKey))
                continue
            }
            if case .object = value {
                result[key] = try strategic(result[key] ?? .null, value)
            } else {
                result[key] = value
            }
        }
        return .object(result)
    }

    /// Merges a patch list into a live list by merge key (scalars by value), in the order
    /// strategicpatch.mergeSortedSlice gives: patch items, with live-only items slotted in by live order.
    static func mergeList(_ original: [JSONValue], _ patch: [JSONValue], key: String) throws(Failure) -> [JSONValue] {
        if patch.contains(where: { $0["$patch"]?.stringValue == "replace" }) {
            return patch.filter { $0["$patch"] == nil }
        }
        func identity(_ item: JSONValue) -> JSONValue? { key.isEmpty ? item : item[key] }
        var patched: [JSONValue] = []
        var deleted: [JSONValue] = []
        for item in patch {
            guard let id = identity(item) else {
                throw Failure(message: "map: \(goMap(item)) does not contain declared merge key: \(key)")
            }
            if item["$patch"]?.stringValue == "delete" {
                deleted.append(id)
                continue
            }
            if patched.contains(where: { identity($0) == id }) { continue }
            if let live = original.first(where: { identity($0) == id }), !key.isEmpty {
                patched.append(try strategic(live, item))
            } else {
                patched.append(key.isEmpty ? item : try strategic(.null, item))
            }
        }
        let patchedIDs = patched.compactMap(identity)
        let liveOnly = original.filter { item in
            guard let id = identity(item) else { return true }
            return !patchedIDs.contains(id) && !deleted.contains(id)
        }
        let order = original.compactMap(identity)
        func position(_ item: JSONValue) -> Int? { identity(item).flatMap { id in order.firstIndex(of: id) } }
        var merged: [JSONValue] = []
        var left = liveOnly[...], right = patched[...]
        while let l = left.first, let r = right.first {
            if let li = position(l), let ri = position(r), li < ri {
                merged.append(l)
                left = left.dropFirst()
            } else {
                merged.append(r)
                right = right.dropFirst()
            }
        }
        return merged + left + right
    }

    /// Go's `%v` of a map[string]interface{}: `map[image:nginx name:x]`, keys sorted.
    static func goMap(_ value: JSONValue) -> String {
        switch value {
        case .object(let members):
            return "map[" + members.keys.sorted().map { "\($0):\(goMap(members[$0] ?? .null))" }.joined(separator: " ") + "]"
        case .array(let items): return "[" + items.map(goMap).joined(separator: " ") + "]"
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "<nil>"
        }
    }
}

import KubeModel

/// The objects of one resource type, with the indexes lists use.
final class Bucket {
    let type: ResourceType
    var objects: [ObjectKey: KubeObject] = [:]
    /// Namespace ("" when cluster-scoped) → its names in list order.
    var namespaces: [String: SortedNames] = [:]
    /// `key\0value` → objects carrying that label.
    var labelIndex: [String: Set<ObjectKey>] = [:]
    /// Pods only: `spec.nodeName` → pods bound to that node.
    var nodeIndex: [String: Set<ObjectKey>] = [:]
    private let indexesNodes: Bool

    init(type: ResourceType) {
        self.type = type
        indexesNodes = type.key == "pods"
    }

    static func labelKey(_ key: String, _ value: String) -> String { key + "\u{0}" + value }

    func insert(_ object: KubeObject, at key: ObjectKey) {
        let isNew = objects.updateValue(object, forKey: key) == nil
        if isNew { namespaces[key.namespace, default: SortedNames()].insert(key.name) }
        if let labels = object.content[path: ["metadata", "labels"]]?.objectValue {
            for (name, value) in labels {
                if let value = value.stringValue { labelIndex[Self.labelKey(name, value), default: []].insert(key) }
            }
        }
        if indexesNodes, let node = object.content[path: ["spec", "nodeName"]]?.stringValue, !node.isEmpty {
            nodeIndex[node, default: []].insert(key)
        }
    }

    @discardableResult
    func remove(_ key: ObjectKey) -> KubeObject? {
        guard let object = objects.removeValue(forKey: key) else { return nil }
        namespaces[key.namespace]?.remove(key.name)
        if namespaces[key.namespace]?.count == 0 { namespaces[key.namespace] = nil }
        unindex(object, key)
        return object
    }

    func replace(_ object: KubeObject, at key: ObjectKey) {
        if let old = objects[key] {
            // Most updates are status writes: the indexes stay as they are.
            if old.content["metadata"]?["labels"] == object.content["metadata"]?["labels"],
               !indexesNodes || old.content["spec"]?["nodeName"] == object.content["spec"]?["nodeName"] {
                objects[key] = object
                return
            }
            unindex(old, key)
        }
        insert(object, at: key)
    }

    private func unindex(_ object: KubeObject, _ key: ObjectKey) {
        if let labels = object.content[path: ["metadata", "labels"]]?.objectValue {
            for (name, value) in labels {
                guard let value = value.stringValue else { continue }
                let indexKey = Self.labelKey(name, value)
                labelIndex[indexKey]?.remove(key)
                if labelIndex[indexKey]?.isEmpty == true { labelIndex[indexKey] = nil }
            }
        }
        if indexesNodes, let node = object.content[path: ["spec", "nodeName"]]?.stringValue, !node.isEmpty {
            nodeIndex[node]?.remove(key)
            if nodeIndex[node]?.isEmpty == true { nodeIndex[node] = nil }
        }
    }

    /// Keys in list order, within one namespace or across all.
    func keys(namespace: String?) -> [ObjectKey] {
        if let namespace {
            guard var names = namespaces[namespace] else { return [] }
            let list = names.names()
            namespaces[namespace] = names
            return list.map { ObjectKey(namespace: namespace, name: $0) }
        }
        var result: [ObjectKey] = []
        result.reserveCapacity(objects.count)
        for namespace in namespaces.keys.sorted() {
            result.append(contentsOf: keys(namespace: namespace))
        }
        return result
    }

    func count(namespace: String?) -> Int {
        guard let namespace else { return objects.count }
        return namespaces[namespace]?.count ?? 0
    }
}

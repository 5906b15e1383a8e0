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
        indexLabels(of: object, key)
        indexNode(of: object, key)
    }

    @discardableResult
    func remove(_ key: ObjectKey) -> KubeObject? {
        guard let object = objects.removeValue(forKey: key) else { return nil }
        namespaces[key.namespace]?.remove(key.name)
        if namespaces[key.namespace]?.count == 0 { namespaces[key.namespace] = nil }
        unindexLabels(of: object, key)
        unindexNode(of: object, key)
        return object
    }

    /// Only the indexes whose field changed are touched: most updates are status writes, and a
    /// binding changes the node but not the labels.
    func replace(_ object: KubeObject, at key: ObjectKey) {
        guard let old = objects.updateValue(object, forKey: key) else {
            insert(object, at: key)
            return
        }
        if old.content["metadata"]?["labels"] != object.content["metadata"]?["labels"] {
            unindexLabels(of: old, key)
            indexLabels(of: object, key)
        }
        if indexesNodes, old.content["spec"]?["nodeName"] != object.content["spec"]?["nodeName"] {
            unindexNode(of: old, key)
            indexNode(of: object, key)
        }
    }

    private func indexLabels(of object: KubeObject, _ key: ObjectKey) {
        guard let labels = object.content[path: ["metadata", "labels"]]?.objectValue else { return }
        for (name, value) in labels {
            if let value = value.stringValue { labelIndex[Self.labelKey(name, value), default: []].insert(key) }
        }
    }

    private func indexNode(of object: KubeObject, _ key: ObjectKey) {
        if indexesNodes, let node = object.content[path: ["spec", "nodeName"]]?.stringValue, !node.isEmpty {
            nodeIndex[node, default: []].insert(key)
        }
    }

    private func unindexLabels(of object: KubeObject, _ key: ObjectKey) {
        guard let labels = object.content[path: ["metadata", "labels"]]?.objectValue else { return }
        for (name, value) in labels {
            guard let value = value.stringValue else { continue }
            let indexKey = Self.labelKey(name, value)
            labelIndex[indexKey]?.remove(key)
            if labelIndex[indexKey]?.isEmpty == true { labelIndex[indexKey] = nil }
        }
    }

    private func unindexNode(of object: KubeObject, _ key: ObjectKey) {
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

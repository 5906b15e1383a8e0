import Cluster
import NodeFS

/// A file on one, some or all nodes.
enum FileCheck {
    static func evaluate(path: String, nodes scope: NodeScope, exists: Bool, contents: TextMatch?, in world: World) -> CheckOutcome {
        let names: [String]
        switch scope {
        case .all, .any, .eligible: names = world.nodes.map(\.name)
        case .named(let list): names = list
        }
        var good: [String] = []
        var problems: [CheckDetail] = []
        for name in names {
            guard let node = world.node(named: name) else {
                problems.append(.onNode(name, .say(.noSuchNode)))
                continue
            }
            if let problem = problem(path: path, on: node, exists: exists, contents: contents) {
                problems.append(.onNode(name, problem))
            } else {
                good.append(name)
            }
        }
        let passed = scope == .any ? !good.isEmpty : problems.isEmpty
        let one = names.count == 1
        var values: [String: CheckDetail] = ["path": .verbatim(path), "good": .number(good.count), "total": .number(names.count)]
        let key: LabMessage
        if !exists {
            key = one ? .noFileOnNodesOne : .noFileOnNodes
        } else if let contents {
            key = one ? .fileMatchingOnNodesOne : .fileMatchingOnNodes
            values["expectation"] = contents.expected
        } else {
            key = one ? .fileOnNodesOne : .fileOnNodes
        }
        return CheckOutcome(passed: passed, found: .problems([.say(key, values)] + problems))
    }

    /// Why this node does not pass, or nil.
    private static func problem(path: String, on node: Node, exists: Bool, contents: TextMatch?) -> CheckDetail? {
        let bytes: [UInt8]
        do throws(FSError) {
            bytes = try node.disk.readFile(path)
        } catch {
            // The strerror text, as the real tools print it (in English).
            return exists ? .verbatim(error.message.lowercased()) : nil
        }
        guard exists else { return .say(.fileExists, ["path": .verbatim(path)]) }
        guard let contents else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        return contents.accepts(text) ? nil : .say(.fileContents, ["text": .verbatim(Quoted.text(text))])
    }
}

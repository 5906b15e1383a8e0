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
        var problems: [String] = []
        for name in names {
            guard let node = world.node(named: name) else {
                problems.append("\(name): no such node")
                continue
            }
            if let problem = problem(path: path, on: node, exists: exists, contents: contents) {
                problems.append("\(name): \(problem)")
            } else {
                good.append(name)
            }
        }
        let wanted = exists ? "\(path)\(contents.map { " " + $0.expectation } ?? "")" : "no \(path)"
        let passed = scope == .any ? !good.isEmpty : problems.isEmpty
        var detail = "\(wanted) on \(good.count) of \(names.count) node\(names.count == 1 ? "" : "s")"
        if !problems.isEmpty { detail += "; " + problems.joined(separator: "; ") }
        return CheckOutcome(passed: passed, detail: detail)
    }

    /// Why this node does not pass, or nil.
    private static func problem(path: String, on node: Node, exists: Bool, contents: TextMatch?) -> String? {
        let bytes: [UInt8]
        do throws(FSError) {
            bytes = try node.disk.readFile(path)
        } catch {
            return exists ? error.message.lowercased() : nil
        }
        guard exists else { return "\(path) exists" }
        guard let contents else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        return contents.accepts(text) ? nil : "contents are \(Quoted.text(text))"
    }
}

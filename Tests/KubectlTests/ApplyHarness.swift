import APIStore
import Cluster
import CommandKit
import Foundation
import KubeModel
import LabTestSupport
import NodeFS

/// A fresh lab for the manifest verbs: files written into the control plane's /root, kubectl
/// lines run through the learner's shell, the world's store at hand for before/after checks.
final class ApplyLab {
    let world = World()
    private let out = OutputBuffer()
    private let err = OutputBuffer()
    private lazy var session = TerminalSession(world: world, stdout: out.sink, stderr: err.sink, isTerminal: false)

    /// Writes `text` (or bytes) to /root/`path` on the control plane.
    func write(_ path: String, _ bytes: [UInt8]) {
        guard let disk = world.node(named: "controlplane")?.disk else { return }
        let absolute = Path.join("/root", path)
        try? disk.createDirectories(Path.dirname(absolute))
        try? disk.writeFile(absolute, bytes)
    }

    func write(_ path: String, _ text: String) { write(path, Array(text.utf8)) }

    /// Runs one script and returns only what it printed.
    @discardableResult
    func run(_ script: String) -> KubectlRun {
        out.clear()
        err.clear()
        let status = session.runScript(script)
        return KubectlRun(stdout: out.text, stderr: err.text, status: status)
    }

    /// The store's revision and object count: equal before and after means nothing was written.
    var storeState: [Int] {
        [world.store.revision, world.store.resources.types.reduce(0) { $0 + world.store.count($1) }]
    }

    /// A stored object.
    func object(_ resource: String, _ name: String, namespace: String = "default") -> KubeObject? {
        guard let type = world.store.resources.lookup(resource) else { return nil }
        return world.store.object(type, namespace: type.namespaced ? namespace : "", name: name)
    }
}

/// The corpus under Tests/Fixtures/manifests.
enum ManifestCorpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/manifests")

    static func files(_ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.sorted()
    }

    static func bytes(_ folder: String, _ name: String) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(folder).appendingPathComponent(name).path)
        else { return [] }
        return [UInt8](data)
    }
}

/// Whether every field of `given` is in `stored` with the same value (defaults may add more).
func containsFields(_ given: JSONValue, in stored: JSONValue?, path: String = "") -> String? {
    guard let stored else { return "\(path): missing" }
    switch (given, stored) {
    case let (.object(a), .object(b)):
        for (key, value) in a {
            if let problem = containsFields(value, in: b[key], path: path + "." + key) { return problem }
        }
        return nil
    case let (.array(a), .array(b)):
        // Admission may append (a pod's token volume and mounts, default tolerations).
        guard a.count <= b.count else { return "\(path): \(a.count) elements, stored \(b.count)" }
        for (index, pair) in zip(a, b).enumerated() {
            if let problem = containsFields(pair.0, in: pair.1, path: path + "[\(index)]") { return problem }
        }
        return nil
    default:
        return given == stored ? nil : "\(path): gave \(KubeJSON.compact(given)), stored \(KubeJSON.compact(stored))"
    }
}

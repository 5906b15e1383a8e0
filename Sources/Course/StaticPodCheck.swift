import APIStore
import Cluster
import Controllers
import KubeModel
import NodeFS

/// A static pod: a manifest in the staticPodPath the node's kubelet config names, and its
/// mirror pod (`NAME-NODE`) Running in the API.
enum StaticPodCheck {
    static func evaluate(name: String, node nodeName: String, namespace: String, in world: World) -> CheckOutcome {
        guard let node = world.node(named: nodeName) else { return .fail("no node \(nodeName)") }
        let configText = try? node.disk.readText(KubeletConfigFile.path)
        let directory: String
        switch KubeletConfigFile.load(configText) {
        case .failure:
            return .fail("\(nodeName): the kubelet's \(KubeletConfigFile.path) cannot be loaded")
        case .success(nil):
            return .fail("\(nodeName): the kubelet's \(KubeletConfigFile.path) sets no staticPodPath")
        case .success(let path?):
            directory = path
        }
        let manifests = files(in: directory, on: node)
        guard manifests.contains(where: { declares($0, name: name, namespace: namespace, on: node) }) else {
            let listing = manifests.isEmpty ? "it is empty" : "it holds " + manifests.map(Path.basename).joined(separator: ", ")
            return .fail("\(nodeName): no manifest for pod \(name) in staticPodPath \(directory) (\(listing))")
        }
        let mirror = "\(name)-\(nodeName)"
        guard let type = world.store.resources.lookup("pods"),
              let pod = world.store.object(type, namespace: namespace, name: mirror) else {
            return .fail("\(nodeName): manifest in \(directory), but no mirror pod \(namespace)/\(mirror)")
        }
        let phase = PodsCheck.phase(pod)
        guard phase == "Running" else { return .fail("\(nodeName): mirror pod \(namespace)/\(mirror) is \(phase.isEmpty ? "not started" : phase)") }
        return .pass("\(nodeName): \(directory) runs \(namespace)/\(mirror)")
    }

    /// The files the kubelet's file source reads: no hidden ones, no subdirectories.
    private static func files(in directory: String, on node: Node) -> [String] {
        guard let names = try? node.disk.listDirectory(directory) else { return [] }
        return names.sorted().filter { !$0.hasPrefix(".") }.map { Path.join(directory, $0) }.filter { !node.disk.isDirectory($0) }
    }

    private static func declares(_ path: String, name: String, namespace: String, on node: Node) -> Bool {
        guard let text = try? node.disk.readText(path),
              let documents = try? KubeYAML.documents(in: text, source: path) else { return false }
        return documents.contains { document in
            document["kind"]?.stringValue == "Pod" && document[path: ["metadata", "name"]]?.stringValue == name
                && (document[path: ["metadata", "namespace"]]?.stringValue ?? "default") == namespace
        }
    }
}

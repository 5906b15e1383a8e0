import APIStore
import Cluster
import Controllers
import KubeModel
import NodeFS

/// A static pod: a manifest in the staticPodPath the node's kubelet config names, and its
/// mirror pod (`NAME-NODE`) Running in the API.
enum StaticPodCheck {
    static func evaluate(name: String, node nodeName: String, namespace: String, in world: World) -> CheckOutcome {
        guard let node = world.node(named: nodeName) else { return .fail(.say(.noNode, ["node": .verbatim(nodeName)])) }
        let config: [String: CheckDetail] = ["path": .verbatim(KubeletConfigFile.path)]
        let configText = try? node.disk.readText(KubeletConfigFile.path)
        let directory: String
        switch KubeletConfigFile.load(configText) {
        case .failure:
            return .fail(.onNode(nodeName, .say(.kubeletConfigUnloadable, config)))
        case .success(nil):
            return .fail(.onNode(nodeName, .say(.kubeletConfigNoStaticPodPath, config)))
        case .success(let path?):
            directory = path
        }
        let manifests = files(in: directory, on: node)
        guard manifests.contains(where: { declares($0, name: name, namespace: namespace, on: node) }) else {
            let files = CheckDetail.list(manifests.map { .verbatim(Path.basename($0)) }, separator: .listSeparator)
            let listing: CheckDetail = manifests.isEmpty ? .say(.directoryEmpty) : .say(.directoryHolds, ["files": files])
            return .fail(.onNode(nodeName, .say(.staticPodNoManifest, ["name": .verbatim(name), "directory": .verbatim(directory),
                                                                         "listing": listing])))
        }
        let mirror = "\(name)-\(nodeName)"
        let values: [String: CheckDetail] = ["directory": .verbatim(directory), "pod": .verbatim("\(namespace)/\(mirror)")]
        guard let type = world.store.resources.lookup("pods"),
              let pod = world.store.object(type, namespace: namespace, name: mirror) else {
            return .fail(.onNode(nodeName, .say(.staticPodNoMirror, values)))
        }
        guard PodsCheck.phase(pod) == "Running" else {
            return .fail(.onNode(nodeName, PodsCheck.phaseDetail(pod, shown: "\(namespace)/\(mirror)", .mirrorPodIs,
                                                                 notStarted: .mirrorPodNotStarted)))
        }
        return .pass(.onNode(nodeName, .say(.staticPodRuns, values)))
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

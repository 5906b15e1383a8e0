import APIStore
import Controllers
import KubeModel

/// The mirror pods the control plane's kubelet creates for the static pods in
/// /etc/kubernetes/manifests, read from the files on the node so file and object agree.
extension KubeadmCluster {
    static let manifestDirectory = "/etc/kubernetes/manifests"

    mutating func installMirrorPods(controlPlane: WorldDescription.NodeSpec) {
        let manifests = ControlPlaneManifests(address: controlPlane.address, nodeName: controlPlane.name)
        for (index, file) in manifests.files.enumerated() {
            let path = Self.manifestDirectory + "/" + file.name
            let text = self.file(path, on: controlPlane.name)
            let source = text.isEmpty ? file.contents : text
            guard let manifest = (try? KubeYAML.documents(in: source, source: path))?.first else { continue }
            let started = 8 + Int64(index)
            let hash = StaticPodSource.hash(manifest: text, node: controlPlane.name, path: path)
            add(mirrorPod(manifest, node: controlPlane, hash: hash, started: started), at: started + 20)
        }
    }

    /// The static pod as the kubelet sees it (kubelet defaults), then as the mirror the API stores.
    mutating func mirrorPod(_ manifest: JSONValue, node: WorldDescription.NodeSpec, hash: String, started: Int64) -> JSONValue {
        let baseName = manifest[path: ["metadata", "name"]]?.stringValue ?? ""
        var metadata = manifest["metadata"]?.objectValue ?? [:]
        metadata["creationTimestamp"] = nil
        var annotations = metadata["annotations"]?.objectValue ?? [:]
        annotations["kubernetes.io/config.hash"] = .string(hash)
        annotations["kubernetes.io/config.mirror"] = .string(hash)
        annotations["kubernetes.io/config.seen"] = .string(Timestamp.rfc3339Nano(
            nanoseconds: time(started) + Int64(random.next() % 1_000_000_000)))
        annotations["kubernetes.io/config.source"] = "file"
        metadata["annotations"] = .object(annotations)
        metadata["name"] = .string(baseName + "-" + node.name.lowercased())
        if metadata["namespace"] == nil { metadata["namespace"] = "default" }
        metadata["ownerReferences"] = [["apiVersion": "v1", "controller": true, "kind": "Node", "name": .string(node.name),
                                        "uid": .string(nodeUIDs[node.name] ?? "")]]
        var spec = manifest["spec"] ?? .emptyObject
        spec["nodeName"] = .string(node.name)
        spec["tolerations"] = [["effect": "NoExecute", "operator": "Exists"]]
        PodDefaults.apply(to: &spec)
        var pod: JSONValue = ["apiVersion": "v1", "kind": "Pod", "metadata": .object(metadata), "spec": spec]
        pod["status"] = runningStatus(pod, node: node, podIP: node.address, started: started)
        return pod
    }
}

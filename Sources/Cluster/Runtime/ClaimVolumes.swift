import APIStore
import KubeModel
import NodeFS

extension ContainerVolumes {
    /// Where a claim's storage lives on this node: the bound PV's hostPath or local path (the
    /// node's own directory, so data outlives the pod), or a directory of the PV's own for
    /// network volumes the lab cannot reach. nil: the claim is missing or not bound.
    func claimDirectory(_ claimName: String) -> String? {
        guard !claimName.isEmpty, let claimType = store.resources.lookup("persistentvolumeclaims"),
              let claim = store.object(claimType, namespace: pod.namespace, name: claimName),
              let volumeName = claim[path: ["spec", "volumeName"]]?.stringValue, !volumeName.isEmpty,
              let volumeType = store.resources.lookup("persistentvolumes"),
              let volume = store.object(volumeType, namespace: "", name: volumeName) else { return nil }
        let path = volume[path: ["spec", "hostPath", "path"]]?.stringValue
            ?? volume[path: ["spec", "local", "path"]]?.stringValue
            ?? "/var/lib/kubelet/plugins/kubernetes.io/pv/\(volumeName)/mount"
        guard path.hasPrefix("/") else { return nil }
        let normalized = Path.normalize(path)
        if !disk.exists(normalized) {
            // hostPath type "" or DirectoryOrCreate: containerd creates a missing bind source.
            if volume[path: ["spec", "hostPath", "type"]]?.stringValue == "FileOrCreate" {
                try? disk.createDirectories(Path.dirname(normalized))
                try? disk.writeFile(normalized, [], append: false, mode: 0o644)
            } else {
                try? disk.createDirectories(normalized)
            }
        }
        return normalized
    }
}

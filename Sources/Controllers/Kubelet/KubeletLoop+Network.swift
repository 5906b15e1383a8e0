import NodeFS

/// The runtime's network readiness as the kubelet reports it: containerd's CRI says
/// NetworkReady only once a CNI network config is in /etc/cni/net.d, and until then the
/// kubelet posts Ready=False with the runtime's reason (pkg/kubelet/nodestatus/setters.go).
extension KubeletLoop {
    static let cniConfigDirectory = "/etc/cni/net.d"
    static let networkNotReadyMessage = "container runtime network not ready: NetworkReady=false "
        + "reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized"

    /// Whether `disk` holds a CNI network config (what libcni loads: .conf, .conflist, .json).
    static func cniConfigured(_ disk: any FileSystem) -> Bool {
        let names = (try? disk.listDirectory(cniConfigDirectory)) ?? []
        return names.contains { name in
            guard name.hasSuffix(".conf") || name.hasSuffix(".conflist") || name.hasSuffix(".json") else { return false }
            return (try? disk.info(Path.join(cniConfigDirectory, name), followSymlinks: true))?.isDirectory == false
        }
    }

    /// Looks at `name`'s CNI config after its disk changed; a change owes the API server a status.
    func noteNetworkConfig(_ name: String) {
        guard let node = nodes[name], let disk = disk(name) else { return }
        let configured = Self.cniConfigured(disk)
        if node.cniConfigured != configured {
            node.cniConfigured = configured
            nodeStatusOwed.insert(name)
        }
    }

    /// The conditions the kubelet would post for `name` now: healthy, Ready only with a network.
    func expectedConditions(_ name: String) -> [String: (String, String, String)] {
        var conditions = Self.healthyConditions
        let configured = nodes[name]?.cniConfigured ?? disk(name).map(Self.cniConfigured) ?? true
        if !configured { conditions["Ready"] = ("False", "KubeletNotReady", Self.networkNotReadyMessage) }
        return conditions
    }
}

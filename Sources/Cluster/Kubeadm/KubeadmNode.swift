import NodeFS

/// What `kubeadm init` (control plane) or `kubeadm join` (worker) leaves on a node's disk.
enum KubeadmNode {
    /// How far the machine got: in the cluster since the lab began (canal's CNI installed), joined
    /// just now (no CNI until canal's pod installs it), or spare (packages only, not joined).
    enum Stage { case booted, joined, spare }

    static func install(on disk: Disk, node: WorldDescription.NodeSpec, controlPlane: WorldDescription.NodeSpec,
                        layout: KubeletFiles.PackageLayout, seed: UInt64, stage: Stage = .booted) {
        if stage == .booted { CanalCNI.install(on: disk, root: "/", node: node.name, seed: "\(seed)/\(node.name)") }
        if stage == .spare {
            installPackages(on: disk, layout: layout)
            return
        }
        var random = PEMFiller(seed: seed ^ UInt64(truncatingIfNeeded: node.name.hashValueStable))
        var files = KubeletFiles.files(layout: layout)
        try? disk.createDirectories("/etc/kubernetes/manifests")
        if node.role == .controlPlane {
            let manifests = ControlPlaneManifests(address: node.address, nodeName: node.name)
            files += manifests.files.map { ("/etc/kubernetes/manifests/" + $0.name, $0.contents) }
            let kubeconfigs = KubeconfigFiles.controlPlane(nodeName: node.name, address: node.address, random: &random)
            files += kubeconfigs
            if let admin = kubeconfigs.first(where: { $0.path == "/etc/kubernetes/admin.conf" }) {
                files.append(("/root/.kube/config", admin.contents))
            }
            try? disk.createDirectories("/var/lib/etcd/member", mode: 0o700)
        } else {
            files += KubeconfigFiles.worker(nodeName: node.name, controlPlaneAddress: controlPlane.address, random: &random)
        }
        files.append(("/var/lib/kubelet/pki/kubelet-client-current.pem",
                      random.pem("CERTIFICATE", lines: 12) + random.pem("EC PRIVATE KEY", lines: 4)))
        for (path, contents) in files {
            try? disk.createDirectories(Path.dirname(path))
            let secret = path.hasSuffix(".key") || path.hasSuffix(".conf") || path.hasSuffix(".pem") || path.hasSuffix("/config")
            try? disk.writeFile(path, Array(contents.utf8), append: false, mode: secret ? 0o600 : 0o644)
        }
    }
}

extension KubeadmNode {
    /// What the kubeadm/kubelet packages leave before any `kubeadm join`: the unit and its drop-in,
    /// /etc/default/kubelet, empty /etc/kubernetes/manifests and /var/lib/kubelet.
    static func installPackages(on disk: Disk, layout: KubeletFiles.PackageLayout) {
        try? disk.createDirectories("/etc/kubernetes/manifests")
        try? disk.createDirectories("/var/lib/kubelet")
        for (path, contents) in KubeletFiles.files(layout: layout) where KubeletFiles.fromPackages(path) {
            try? disk.createDirectories(Path.dirname(path))
            try? disk.writeFile(path, Array(contents.utf8), append: false, mode: 0o644)
        }
    }
}

private extension String {
    /// A hash that is the same in every process (Swift's `hashValue` is seeded per run).
    var hashValueStable: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

extension KubeletFiles {
    /// Whether the packages install `path` (kubeadm join writes the others: config.yaml, kubeadm-flags.env).
    static func fromPackages(_ path: String) -> Bool {
        path != "/var/lib/kubelet/config.yaml" && path != "/var/lib/kubelet/kubeadm-flags.env"
    }

    /// The files `kubeadm join` writes in its kubelet-start phase.
    static func joinFiles(layout: PackageLayout) -> [(path: String, contents: String)] {
        files(layout: layout).filter { !fromPackages($0.path) }
    }
}

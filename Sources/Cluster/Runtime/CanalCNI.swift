import CommandKit
import Coreutils
import NodeFS

/// What canal's `install-cni` init container (calico/cni's `/opt/cni/bin/install`) puts on its
/// node through its hostPath mounts: the CNI plugin binaries in /opt/cni/bin and the network
/// config in /etc/cni/net.d, which is what makes the node's runtime network ready.
enum CanalCNI {
    /// The binaries calico/cni ships in /opt/cni/bin and installs on the host.
    static let binaries = ["bandwidth", "calico", "calico-ipam", "flannel", "host-local", "install", "loopback", "portmap",
                           "tuning"]
    static let configName = "10-canal.conflist"

    /// canal.yaml's `cni_network_config` with the node name and the MTU (canal-config's veth_mtu) filled in.
    static func conflist(node: String) -> String {
        """
        {
          "name": "k8s-pod-network",
          "cniVersion": "0.3.1",
          "plugins": [
            {
              "type": "calico",
              "log_level": "info",
              "log_file_path": "/var/log/calico/cni/cni.log",
              "datastore_type": "kubernetes",
              "nodename": "\(node)",
              "mtu": 1450,
              "ipam": {
                  "type": "host-local",
                  "subnet": "usePodCidr"
              },
              "policy": {
                  "type": "k8s"
              },
              "kubernetes": {
                  "kubeconfig": "/etc/cni/net.d/calico-kubeconfig"
              }
            },
            {
              "type": "portmap",
              "snat": true,
              "capabilities": {"portMappings": true}
            },
            {
              "type": "bandwidth",
              "capabilities": {"bandwidth": true}
            }
          ]
        }
        """
    }

    /// The kubeconfig the calico plugin reads (the canal service account's token, the cluster CA).
    static func kubeconfig(token: String, ca: String) -> String {
        """
        # Kubeconfig file for Calico CNI plugin. Installed by calico/node.
        apiVersion: v1
        kind: Config
        clusters:
        - name: local
          cluster:
            server: https://10.96.0.1:443
            certificate-authority-data: "\(ca)"
        users:
        - name: calico
          user:
            token: \(token)
        contexts:
        - name: calico-context
          context:
            cluster: local
            user: calico
        current-context: calico-context

        """
    }

    static let binaryBytes = Array("\u{7F}ELF\u{2}\u{1}\u{1}\0".utf8)

    /// Writes what the installer leaves under `root` (`/` on a node, `/host` in the container).
    static func install(on fileSystem: any FileSystem, root: String, node: String, seed: String) {
        let bin = Path.join(root, "opt/cni/bin")
        let net = Path.join(root, "etc/cni/net.d")
        try? fileSystem.createDirectories(bin)
        try? fileSystem.createDirectories(net)
        for name in binaries {
            try? fileSystem.writeFile(Path.join(bin, name), binaryBytes, append: false, mode: 0o755)
        }
        var random = PEMFiller(seed: UInt64(truncatingIfNeeded: seed.utf8.reduce(5381) { ($0 << 5) &+ $0 &+ Int($1) }))
        let config = kubeconfig(token: "eyJhbGciOiJSUzI1NiIsImtpZCI6I" + random.base64(length: 880), ca: random.base64(length: 1476))
        try? fileSystem.writeFile(Path.join(net, "calico-kubeconfig"), Array(config.utf8), append: false, mode: 0o600)
        try? fileSystem.writeFile(Path.join(net, configName), Array(conflist(node: node).utf8), append: false, mode: 0o644)
    }

    /// calico/cni's installer (named apart from coreutils' `install`: it is only run by its path): copies the binaries and writes the config through the pod's mounts.
    static let installCommand = Command("calico-cni-install", path: "/opt/cni/bin/install") { invocation in
        let fileSystem = invocation.fileSystem
        guard (try? fileSystem.info("/host/opt/cni/bin"))?.isDirectory == true,
              (try? fileSystem.info("/host/etc/cni/net.d"))?.isDirectory == true else {
            invocation.stderr.write("failed to install CNI: /host/opt/cni/bin or /host/etc/cni/net.d is not mounted\n")
            return 1
        }
        let node = invocation.environment["KUBERNETES_NODE_NAME"] ?? invocation.host.hostname
        install(on: fileSystem, root: "/host", node: node, seed: node)
        return 0
    }

    /// calico/node's binary as canal's `mount-bpffs` init container and probes run it.
    static let calicoNodeCommand = Command("calico-node", path: "/usr/bin/calico-node") { _ in 0 }

    /// The commands the catalogue's images bring besides the shell's own.
    static let registry: CommandRegistry = {
        var registry = Coreutils.registry
        registry.register(installCommand)
        registry.register(calicoNodeCommand)
        return registry
    }()
}

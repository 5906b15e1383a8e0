import SimKit

/// The kubeconfig files and PKI `kubeadm init/join` leaves (reference §3.2), with stand-in
/// certificate bodies: nothing in the lab checks a signature, but `cat` must show PEM.
enum KubeconfigFiles {
    static func controlPlane(nodeName: String, address: String, random: inout PEMFiller) -> [(path: String, contents: String)] {
        let server = "https://\(address):6443"
        var files: [(String, String)] = [
            ("/etc/kubernetes/admin.conf", kubeconfig(server: server, user: "kubernetes-admin", random: &random)),
            ("/etc/kubernetes/super-admin.conf", kubeconfig(server: server, user: "kubernetes-super-admin", random: &random)),
            ("/etc/kubernetes/controller-manager.conf", kubeconfig(server: server, user: "system:kube-controller-manager", random: &random)),
            ("/etc/kubernetes/scheduler.conf", kubeconfig(server: server, user: "system:kube-scheduler", random: &random)),
            ("/etc/kubernetes/kubelet.conf", kubeletConfig(server: server, nodeName: nodeName, random: &random)),
        ]
        for name in ["ca", "apiserver", "apiserver-kubelet-client", "apiserver-etcd-client", "front-proxy-ca",
                     "front-proxy-client", "etcd/ca", "etcd/server", "etcd/peer", "etcd/healthcheck-client"] {
            files.append(("/etc/kubernetes/pki/\(name).crt", random.pem("CERTIFICATE", lines: 18)))
            files.append(("/etc/kubernetes/pki/\(name).key", random.pem("RSA PRIVATE KEY", lines: 25)))
        }
        files.append(("/etc/kubernetes/pki/sa.key", random.pem("RSA PRIVATE KEY", lines: 25)))
        files.append(("/etc/kubernetes/pki/sa.pub", random.pem("PUBLIC KEY", lines: 7)))
        return files
    }

    static func worker(nodeName: String, controlPlaneAddress: String, random: inout PEMFiller) -> [(path: String, contents: String)] {
        [("/etc/kubernetes/kubelet.conf", kubeletConfig(server: "https://\(controlPlaneAddress):6443", nodeName: nodeName, random: &random)),
         ("/etc/kubernetes/pki/ca.crt", random.pem("CERTIFICATE", lines: 18))]
    }

    /// A kubeconfig with embedded certificate data, as kubeadm writes admin.conf and friends.
    static func kubeconfig(server: String, user: String, random: inout PEMFiller) -> String {
        """
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: \(random.base64(length: 1476))
            server: \(server)
          name: kubernetes
        contexts:
        - context:
            cluster: kubernetes
            user: \(user)
          name: \(user)@kubernetes
        current-context: \(user)@kubernetes
        kind: Config
        preferences: {}
        users:
        - name: \(user)
          user:
            client-certificate-data: \(random.base64(length: 1576))
            client-key-data: \(random.base64(length: 2272))

        """
    }

    /// kubelet.conf points at the rotated client certificate instead of embedding one.
    static func kubeletConfig(server: String, nodeName: String, random: inout PEMFiller) -> String {
        """
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: \(random.base64(length: 1476))
            server: \(server)
          name: kubernetes
        contexts:
        - context:
            cluster: kubernetes
            user: system:node:\(nodeName)
          name: system:node:\(nodeName)@kubernetes
        current-context: system:node:\(nodeName)@kubernetes
        kind: Config
        preferences: {}
        users:
        - name: system:node:\(nodeName)
          user:
            client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem
            client-key: /var/lib/kubelet/pki/kubelet-client-current.pem

        """
    }
}

/// Deterministic stand-in bytes for certificates and keys, from the world's seed.
struct PEMFiller {
    private var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    mutating func base64(length: Int) -> String {
        var characters: [Character] = []
        characters.reserveCapacity(length)
        for _ in 0..<length { characters.append(Self.alphabet[Int(random.next() % 64)]) }
        return String(characters) + (length % 4 == 0 ? "" : String(repeating: "=", count: 4 - length % 4))
    }

    mutating func pem(_ label: String, lines: Int) -> String {
        var text = "-----BEGIN \(label)-----\n"
        for _ in 0..<max(lines - 1, 0) { text += base64(length: 64) + "\n" }
        text += base64(length: 40) + "\n-----END \(label)-----\n"
        return text
    }
}

import APIStore
import KubeModel

/// One node's kubelet as the loop sees it: whether it runs, its static pod path and files.
final class NodeKubelet {
    let name: String
    var running = true
    var staticPodPath: String?
    /// The manifests last read, by path (text included, so a change is seen).
    var manifests: [StaticPodSource.Manifest] = []
    /// uid of the static pod each manifest path runs.
    var staticPods: [String: String] = [:] { didSet { staticPodsVersion &+= 1 } }
    /// Counts changes to `staticPods` (what the loop's cache of control-plane workers is checked against).
    private(set) var staticPodsVersion = 0
    /// A cheap fingerprint of the static pod directory (names, sizes, times), to notice changes.
    var fingerprint: [String] = []
    /// Whether the node is in the loop's `changedDisks` (written since the last scan).
    var diskChanged = true
    /// The disk's change stamp at the last scan of the static pod path.
    var scannedStamp: Int?
    /// API pods bound here (keys), and mirror pods the API holds for this node.
    var pods: Set<ObjectKey> = []
    var mirrors: Set<ObjectKey> = []
    /// Work that waited while the kubelet was stopped.
    var deferred: [() -> Void] = []
    /// Next free host part of the pod network address.
    var nextIP = 2
    var podCIDRPrefix: String?
    /// Whether /etc/cni/net.d held a network config at the last look (nil: not looked yet).
    var cniConfigured: Bool?
    /// Whether this run of the kubelet has registered its Node (once per start, as the real one).
    var registered = false

    init(name: String) {
        self.name = name
    }
}

/// The kubelet's configuration file (`--config`, /var/lib/kubelet/config.yaml).
public enum KubeletConfigFile {
    public static let path = "/var/lib/kubelet/config.yaml"

    /// The static pod path the file sets (nil: none), or the error the kubelet dies with.
    public static func load(_ text: String?, path: String = path) -> Result<String?, KubeletConfigError> {
        let prefix = "failed to load kubelet config file, path: \(path), error: failed to load Kubelet config file \(path), error "
        guard let text else {
            return .failure(KubeletConfigError(message: prefix + "failed to read kubelet config file \"\(path)\", error: open \(path): no such file or directory"))
        }
        let documents: [JSONValue]
        do throws(ManifestError) {
            documents = try KubeYAML.documents(in: text, source: path)
        } catch {
            return .failure(KubeletConfigError(message: prefix + "failed to decode: " + error.detail))
        }
        guard let config = documents.first else {
            return .failure(KubeletConfigError(message: prefix + "kubelet config file \"\(path)\" was empty"))
        }
        guard config["kind"]?.stringValue == "KubeletConfiguration" else {
            let kind = config["kind"]?.stringValue ?? ""
            let detail = kind.isEmpty ? "Object 'Kind' is missing in '\(text.prefix(60))'"
                : "no kind \"\(kind)\" is registered for version \"\(config["apiVersion"]?.stringValue ?? "")\" in scheme \"pkg/kubelet/apis/config/scheme/scheme.go:28\""
            return .failure(KubeletConfigError(message: prefix + "failed to decode: " + detail))
        }
        let staticPath = config["staticPodPath"]?.stringValue ?? ""
        return .success(staticPath.isEmpty ? nil : staticPath)
    }
}

public struct KubeletConfigError: Error, Equatable, Sendable {
    public var message: String
}

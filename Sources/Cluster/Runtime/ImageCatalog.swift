import NodeFS
import SimKit

/// The images the lab's registry "has": what they contain, what they run, how they log.
///
/// Anything else fails to pull as it would from Docker Hub (`pull access denied,
/// repository does not exist`), and a known repository with an unknown tag is `not found`.
struct ImageSpec {
    enum Layout { case busybox, alpine, debian, distroless }

    /// `docker.io/library/nginx`.
    var name: String
    var layout: Layout
    var entrypoint: [String]
    var cmd: [String]
    /// Whether the default process serves (stays up, logs `startupLog`) rather than running a shell.
    var serves: Bool
    var bytes: Int
    /// Extra image environment (`NGINX_VERSION`, …) after `PATH`.
    var environment: [(String, String)] = []
    var workingDirectory = "/"
    /// Tags that exist besides version-like ones (`1.27`, `3.5.16-0`, `v1.32.0`).
    var namedTags: Set<String> = ["latest"]
    /// Version-like tags must start with this (`v` for Kubernetes images).
    var versionPrefix = ""
    /// What the default process prints when it starts (times filled in by `StartupLog`).
    var startupLog: StartupLog.Kind = .none
    /// Tagged by Kubernetes releases only (`v1.32.4` exists, `v1.32.99` does not).
    var kubernetesReleases = false

    func hasTag(_ tag: String) -> Bool {
        if namedTags.contains(tag) { return true }
        if kubernetesReleases { return KubernetesReleases.exists(tag) }
        var rest = Substring(tag)
        if !versionPrefix.isEmpty {
            guard rest.hasPrefix(versionPrefix) else { return false }
            rest = rest.dropFirst(versionPrefix.count)
        }
        guard let first = rest.first, first.isNumber else { return false }
        return rest.allSatisfy { $0.isNumber || $0.isLetter || ".-_".contains($0) }
    }
}

enum ImageCatalog {
    static let debianPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    /// Known images by `registry/repository`.
    static let images: [String: ImageSpec] = {
        var table: [String: ImageSpec] = [:]
        func add(_ spec: ImageSpec) { table[spec.name] = spec }
        let variants: Set<String> = ["latest", "stable", "mainline", "alpine", "bookworm", "alpine-slim", "stable-alpine",
                                     "musl", "glibc", "uclibc", "edge", "jammy", "noble", "focal", "bullseye", "slim"]
        add(ImageSpec(name: "docker.io/library/busybox", layout: .busybox, entrypoint: [], cmd: ["sh"], serves: false,
                      bytes: 2_166_802, namedTags: variants))
        add(ImageSpec(name: "docker.io/library/alpine", layout: .alpine, entrypoint: [], cmd: ["/bin/sh"], serves: false,
                      bytes: 3_645_982, namedTags: variants))
        add(ImageSpec(name: "docker.io/library/ubuntu", layout: .debian, entrypoint: [], cmd: ["/bin/bash"], serves: false,
                      bytes: 29_754_422, namedTags: variants))
        // The network toolbox seed 003 runs as a static pod: it idles until exec'd into.
        add(ImageSpec(name: "docker.io/hwchiu/netutils", layout: .debian, entrypoint: [], cmd: ["tail", "-f", "/dev/null"],
                      serves: true, bytes: 136_512_117, namedTags: ["latest"]))
        add(ImageSpec(name: "docker.io/library/debian", layout: .debian, entrypoint: [], cmd: ["bash"], serves: false,
                      bytes: 48_494_272, namedTags: variants))
        add(ImageSpec(name: "docker.io/library/nginx", layout: .debian, entrypoint: ["/docker-entrypoint.sh"],
                      cmd: ["nginx", "-g", "daemon off;"], serves: true, bytes: 72_099_410,
                      environment: [("NGINX_VERSION", "1.27.3"), ("NJS_VERSION", "0.8.7"), ("NJS_RELEASE", "1~bookworm"),
                                    ("PKG_RELEASE", "1~bookworm")],
                      namedTags: variants, startupLog: .nginx))
        add(ImageSpec(name: "docker.io/library/httpd", layout: .debian, entrypoint: [], cmd: ["httpd-foreground"],
                      serves: true, bytes: 58_143_526, environment: [("HTTPD_PREFIX", "/usr/local/apache2")],
                      workingDirectory: "/usr/local/apache2", namedTags: variants, startupLog: .httpd))
        add(ImageSpec(name: "docker.io/library/redis", layout: .debian, entrypoint: ["docker-entrypoint.sh"],
                      cmd: ["redis-server"], serves: true, bytes: 45_035_127, workingDirectory: "/data",
                      namedTags: variants, startupLog: .redis))
        add(ImageSpec(name: "docker.io/library/memcached", layout: .debian, entrypoint: ["docker-entrypoint.sh"],
                      cmd: ["memcached"], serves: true, bytes: 32_384_210, namedTags: variants))
        add(ImageSpec(name: "docker.io/library/mysql", layout: .debian, entrypoint: ["docker-entrypoint.sh"],
                      cmd: ["mysqld"], serves: true, bytes: 172_390_581, namedTags: variants))
        add(ImageSpec(name: "docker.io/library/postgres", layout: .debian, entrypoint: ["docker-entrypoint.sh"],
                      cmd: ["postgres"], serves: true, bytes: 158_263_905, namedTags: variants))
        add(ImageSpec(name: "docker.io/fluent/fluentd", layout: .alpine, entrypoint: ["tini", "--", "/bin/entrypoint.sh"],
                      cmd: ["fluentd"], serves: true, bytes: 41_287_310,
                      namedTags: ["latest", "edge", "v1.17-1", "v1.16-1", "v1.17-debian-1", "v1.16-debian-1"],
                      startupLog: .fluentd))
        add(ImageSpec(name: "quay.io/fluentd_elasticsearch/fluentd", layout: .debian, entrypoint: ["/entrypoint.sh"],
                      cmd: [], serves: true, bytes: 170_233_310, namedTags: ["latest"], versionPrefix: "v", startupLog: .fluentd))
        let kubernetes: [(String, Int)] = [
            ("kube-apiserver", 28_048_328), ("kube-controller-manager", 26_291_012), ("kube-scheduler", 20_658_969),
            ("kube-proxy", 30_903_548), ("coredns/coredns", 18_562_039), ("pause", 320_368),
        ]
        let logs: [String: StartupLog.Kind] = [
            "kube-apiserver": .kubeAPIServer, "kube-controller-manager": .kubeControllerManager, "kube-scheduler": .kubeScheduler,
            "kube-proxy": .kubeProxy, "coredns/coredns": .coredns, "calico/node": .calicoNode,
            "calico/kube-controllers": .calicoKubeControllers,
        ]
        for (repository, bytes) in kubernetes {
            // kube-proxy's too is distroless since 1.25 (distroless-iptables: iptables, conntrack, no shell).
            add(ImageSpec(name: "registry.k8s.io/" + repository, layout: .distroless, entrypoint: ["/" + Path.basename(repository)],
                          cmd: [], serves: true, bytes: bytes, namedTags: [], versionPrefix: repository == "pause" ? "" : "v",
                          startupLog: logs[repository] ?? .none, kubernetesReleases: repository.hasPrefix("kube-")))
        }
        add(ImageSpec(name: "registry.k8s.io/etcd", layout: .distroless, entrypoint: ["/usr/local/bin/etcd"], cmd: [],
                      serves: true, bytes: 57_680_541, namedTags: [], startupLog: .etcd))
        for component in ["node", "cni", "kube-controllers"] {
            add(ImageSpec(name: "docker.io/calico/" + component, layout: .distroless, entrypoint: ["/usr/bin/start_runit"],
                          cmd: [], serves: component != "cni", bytes: 143_061_234, namedTags: ["latest"], versionPrefix: "v",
                          startupLog: logs["calico/" + component] ?? .none))
        }
        add(ImageSpec(name: "docker.io/flannel/flannel", layout: .alpine, entrypoint: ["/opt/bin/flanneld"], cmd: [],
                      serves: true, bytes: 32_996_046, namedTags: ["latest"], versionPrefix: "v", startupLog: .flannel))
        return table
    }()

    /// The image a container names, or why it cannot be pulled (the text after `Failed to pull image "x": `).
    static func resolve(_ image: String) -> Result<(ImageReference, ImageSpec), PullFailure> {
        resolved.answer(image, resolveAnew)
    }

    /// Every container start and pull asks; a DaemonSet asks 5,000 times for one name.
    private static let resolved = Memo<String, Result<(ImageReference, ImageSpec), PullFailure>>(capacity: 1_024)

    private static func resolveAnew(_ image: String) -> Result<(ImageReference, ImageSpec), PullFailure> {
        guard let reference = ImageReference.parse(image) else { return .failure(.invalidName) }
        guard let spec = images[reference.name] else { return .failure(.accessDenied(reference)) }
        if reference.digest == nil, !spec.hasTag(reference.tag) { return .failure(.notFound(reference)) }
        return .success((reference, spec))
    }

    enum PullFailure: Error {
        case invalidName
        case accessDenied(ImageReference)
        case notFound(ImageReference)

        /// containerd 1.7's words, as the kubelet's `Failed` event quotes them.
        var message: String {
            switch self {
            case .invalidName:
                return "invalid reference format"
            case .accessDenied(let reference):
                let ref = reference.canonical
                return "rpc error: code = Unknown desc = failed to pull and unpack image \"\(ref)\": failed to resolve reference "
                    + "\"\(ref)\": pull access denied, repository does not exist or may require authorization: "
                    + "server message: insufficient_scope: authorization failed"
            case .notFound(let reference):
                let ref = reference.canonical
                return "rpc error: code = NotFound desc = failed to pull and unpack image \"\(ref)\": failed to resolve reference "
                    + "\"\(ref)\": \(ref): not found"
            }
        }
    }
}

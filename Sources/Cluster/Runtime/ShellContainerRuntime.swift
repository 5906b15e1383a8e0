import CommandKit
import Controllers
import Coreutils
import KubeModel
import NodeFS
import Shell
import SimKit

/// The nodes' container runtime (containerd, as the lab plays it): images come from the
/// catalogue, a container's command runs in the shell over its own filesystem with its
/// volumes mounted, in simulated time; what it prints is its log.
public final class ShellContainerRuntime: ContainerRuntime {
    unowned let world: World
    private var serial = 0
    private(set) var containers: [String: RuntimeContainer] = [:]
    /// Container ids per node, in creation order (`crictl ps`).
    private(set) var containersByNode: [String: [String]] = [:]
    /// Images on each node (canonical names), with the time their pull finishes (past: present).
    private var pulled: [String: [String: Int64]] = [:]
    /// When each node's pull queue is free again (the kubelet pulls one image at a time).
    private var pullQueueFree: [String: Int64] = [:]
    /// Each image's digest reference, worked out once.
    private var imageIDs: [String: String] = [:]
    /// `missingExecutableAtStart`'s answers (nil inside: found).
    private var executableLookups: [ExecutableLookup: String?] = [:]
    private struct ExecutableLookup: Hashable {
        var image: String
        var path: String
        var program: String
    }
    /// `plainDirectories`'s answers by PATH.
    private var plainPathDirectories: [String: [String]] = [:]
    /// What a container's shell can run besides its builtins, built once: every container's
    /// shell starts from it (read on the world's thread, before a process's own thread starts).
    lazy var containerCommands: CommandRegistry = {
        var commands = CanalCNI.registry
        commands.merge(DNSCommands.registry(store: world.store))
        commands.merge(HTTPCommands.registry(world: world))
        Shell.registerShellPrograms(&commands)
        return commands
    }()

    init(world: World) {
        self.world = world
    }

    deinit {
        // Parked threads must not outlive the world: wake each one to unwind.
        for container in containers.values { container.process?.kill() }
    }

    // MARK: - Images

    public func pull(image: String, node: String, always: Bool) -> ImagePullOutcome {
        switch ImageCatalog.resolve(image) {
        case .failure(let failure):
            return .failed(message: failure.message)
        case .success(let (reference, spec)):
            let now = world.clock.now
            let finished = Self.preloaded(reference) ? Int64.min : pulled[node]?[reference.canonical]
            if !always, let finished, finished <= now { return .present }
            // Deterministic "network" time: ~25 MB/s plus a little, different per node. An image
            // whose layers are already here (pulled, or being pulled ahead in the queue) is a
            // quick manifest check.
            let wobble = Double(StaticPodSource.hex(of: node + image, length: 2).utf8.reduce(0) { $0 + Int($1) } % 97) / 100
            let seconds = finished == nil ? 0.6 + Double(spec.bytes) / 25_000_000 + wobble : 0.3 + wobble / 2
            let start = max(now, pullQueueFree[node] ?? now)
            let done = start + Int64(seconds * 1_000_000_000)
            pullQueueFree[node] = done
            pulled[node, default: [:]][reference.canonical] = min(finished ?? done, done)
            return .pulled(seconds: seconds, waited: Double(done - now) / 1_000_000_000, bytes: spec.bytes)
        }
    }

    /// kubeadm's and the CNI's images are on every node before the lab starts (`kubeadm config
    /// images pull` fetched the cluster's version; other versions are pulled like any image).
    private static func preloaded(_ reference: ImageReference) -> Bool {
        if reference.repository.hasPrefix("calico/") || reference.repository.hasPrefix("flannel/") { return true }
        guard reference.registry == "registry.k8s.io" else { return false }
        switch reference.repository {
        case "etcd": return reference.tag == "3.5.16-0"
        case "coredns/coredns": return reference.tag == "v1.11.3"
        case "pause": return reference.tag == "3.10"
        default: return reference.tag == "v1.32.4"
        }
    }

    // MARK: - Containers

    public func start(_ launch: ContainerLaunch, exited: @escaping (ContainerExit) -> Void) -> String {
        serial += 1
        let name = launch.container["name"]?.stringValue ?? ""
        let id = StaticPodSource.hex(of: "\(launch.pod.uid)/\(name)/\(launch.restartCount)/\(serial)", length: 64)
        let image = launch.container["image"]?.stringValue ?? ""
        let now = world.clock.now
        guard case .success(let (reference, spec)) = ImageCatalog.resolve(image) else {
            let record = makeRecord(id: id, launch: launch, image: image, spec: nil, now: now, argv: [])
            record.exited = exited
            finish(record, code: 128, reason: "StartError", at: now)
            return id
        }
        let argv = Self.argv(container: launch.container, image: spec)
        let record = makeRecord(id: id, launch: launch, image: reference.canonical, spec: spec, now: now, argv: argv)
        record.exited = exited
        if let failure = ControlPlaneCommand.failure(argv: argv, image: reference.name) {
            if failure.exitCode == 128 {
                finish(record, code: 128, reason: "StartError", at: now, message: failure.message)
            } else {
                // The binary parses its flags, prints cobra's error and exits within a second or two.
                record.log.append(line: "Error: " + failure.message, stream: .stderr, time: now + 1_200_000_000)
                finish(record, code: failure.exitCode, reason: "Error", at: now + 1_500_000_000)
            }
            return id
        }
        if Self.serves(container: launch.container, image: spec, argv: argv) {
            logStartup(record, launch: launch, spec: spec, tag: reference.tag, at: now)
            return id
        }
        if let missing = missingExecutableAtStart(argv, in: record) {
            let message = "failed to create containerd task: failed to create shim task: OCI runtime create failed: "
                + "runc create failed: unable to start container process: exec: \"\(missing)\": "
                + Self.notFoundText(missing)
                + ": unknown"
            finish(record, code: 128, reason: "StartError", at: now, message: message)
            return id
        }
        run(record)
        return id
    }

    /// A container running since before the lab: its image's server, up since `startedAt`, with what it logged then.
    public func adopt(_ launch: ContainerLaunch, containerID: String, startedAt: Int64,
                      exited: @escaping (ContainerExit) -> Void) {
        guard containers[containerID] == nil else { return }
        let image = launch.container["image"]?.stringValue ?? ""
        let resolved = try? ImageCatalog.resolve(image).get()
        let argv = resolved.map { Self.argv(container: launch.container, image: $0.1) } ?? []
        // The kubeadm world has thousands of these on a large cluster: filesystem and log are made when first needed.
        let record = makeRecord(id: containerID, launch: launch, image: resolved?.0.canonical ?? image, spec: resolved?.1,
                                now: startedAt, argv: argv, eager: false)
        record.exited = exited
        if let (reference, spec) = resolved {
            record.log.pending = { [weak self, weak record] in
                guard let self, let record else { return }
                logStartup(record, launch: launch, spec: spec, tag: reference.tag, at: startedAt)
            }
        }
    }

    /// What a serving image prints as it starts, at the times it prints it.
    private func logStartup(_ record: RuntimeContainer, launch: ContainerLaunch, spec: ImageSpec, tag: String, at start: Int64) {
        let facts = ComponentLogs.Facts(node: launch.node, nodeIP: nodeIP(launch.node),
                                        podIP: launch.pod[path: ["status", "podIP"]]?.stringValue ?? "127.0.0.1",
                                        tag: tag, argv: record.argv)
        // The cluster's components stamp their own lines; other servers' lines all land at the start.
        let component = ComponentLogs.lines(spec.startupLog, at: start, facts: facts)
        for line in component {
            record.log.append(stampedLine: line.text, stream: line.stream, time: start + line.offset * 1_000)
        }
        guard component.isEmpty else { return }
        for line in StartupLog.lines(spec.startupLog, at: start, podIP: facts.podIP) { record.log.append(line: line, time: start) }
    }

    /// A node's InternalIP, as its Node object reports it.
    private func nodeIP(_ node: String) -> String {
        guard let nodeType = world.store.resources.type(key: "nodes"),
              let object = world.store.object(nodeType, namespace: "", name: node) else { return "" }
        let addresses = object[path: ["status", "addresses"]]?.arrayValue ?? []
        return addresses.first { $0["type"]?.stringValue == "InternalIP" }?["address"]?.stringValue ?? ""
    }

    public func stop(containerID: String, gracePeriodSeconds: Int) {
        guard let record = containers[containerID], record.isRunning else { return }
        let now = world.clock.now
        guard record.process != nil else {
            // A server shuts down on SIGTERM and exits 0.
            finish(record, code: 0, reason: "Completed", at: now)
            return
        }
        // A shell as PID 1 has no SIGTERM handler: the kernel ignores the signal, so the
        // kubelet's SIGKILL ends it when the grace period runs out.
        let deadline = now + Int64(max(0, gracePeriodSeconds)) * 1_000_000_000
        if let ticket = record.ticket { world.timeline.cancel(ticket) }
        record.ticket = world.timeline.schedule(at: deadline) { [weak self, weak record] in
            guard let self, let record, record.isRunning else { return }
            record.ticket = nil
            record.process?.kill()
            self.finish(record, code: 137, reason: "Error", at: self.world.clock.now)
        }
    }

    private func makeRecord(id: String, launch: ContainerLaunch, image: String, spec: ImageSpec?, now: Int64,
                            argv: [String], eager: Bool = true) -> RuntimeContainer {
        // A pod on the host's network shares the node's UTS namespace too: its hostname is the node's.
        let hostname = launch.pod[path: ["spec", "hostNetwork"]]?.boolValue == true ? launch.node : launch.pod.name
        let workingDirectory = launch.container["workingDir"]?.stringValue ?? spec?.workingDirectory ?? "/"
        let imageID = imageID(of: image)
        let record = RuntimeContainer(
            id: id, launch: launch, name: launch.container["name"]?.stringValue ?? "", image: image, imageID: imageID,
            created: now,
            fileSystem: { [unowned world] in Self.fileSystem(world: world, launch: launch, spec: spec, hostname: hostname) },
            environment: { [unowned world] in
                spec.map { ContainerEnvironment.make(store: world.store, pod: launch.pod, container: launch.container, image: $0) } ?? [:]
            },
            workingDirectory: workingDirectory, argv: argv)
        record.hostname = hostname
        record.waitsOnStdin = Self.waitsOnStdin(launch.container, argv: argv)
        if eager {
            _ = record.fileSystem
            _ = record.environment
        }
        containers[id] = record
        containersByNode[launch.node, default: []].append(id)
        return record
    }

    /// The image's digest reference (`docker.io/library/busybox@sha256:…`), worked out once per image.
    private func imageID(of image: String) -> String {
        if let known = imageIDs[image] { return known }
        let reference = ImageReference.parse(image)
        let id = (reference?.name ?? image) + "@sha256:" + StaticPodSource.hex(of: image, length: 64)
        imageIDs[image] = id
        return id
    }

    /// The container's root: the image's files, the kubelet's /etc files, the pod's volumes mounted.
    private static func fileSystem(world: World, launch: ContainerLaunch, spec: ImageSpec?, hostname: String) -> ContainerFileSystem {
        let root = Disk(tree: spec.map(ImageRoots.tree) ?? FileTree(), clock: world.clock)
        let podIP = launch.pod[path: ["status", "podIP"]]?.stringValue ?? ""
        let hosts = "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
            + "fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n"
            + (podIP.isEmpty ? "" : "\(podIP)\t\(hostname)\n")
        let resolv = "search \(launch.pod.namespace).svc.cluster.local svc.cluster.local cluster.local\n"
            + "nameserver 10.96.0.10\noptions ndots:5\n"
        try? root.writeFiles(in: "/etc", [
            ("hostname", Array("\(hostname)\n".utf8)), ("hosts", Array(hosts.utf8)), ("resolv.conf", Array(resolv.utf8)),
        ])
        let fileSystem = ContainerFileSystem(root: root)
        if let node = world.node(named: launch.node) {
            let volumes = ContainerVolumes(store: world.store, disk: node.disk, pod: launch.pod)
            for mount in volumes.mounts(for: launch.container) { fileSystem.mount(mount) }
        }
        return fileSystem
    }

    /// Docker's rule: `command` replaces the ENTRYPOINT (and drops CMD), `args` replaces CMD.
    static func argv(container: JSONValue, image: ImageSpec) -> [String] {
        let command = container["command"]?.arrayValue?.compactMap(\.stringValue)
        let args = container["args"]?.arrayValue?.compactMap(\.stringValue)
        return (command ?? image.entrypoint) + (args ?? (command == nil ? image.cmd : []))
    }

    /// Servers the lab does not interpret: the image's own process, or a known daemon named by `command`.
    static func serves(container: JSONValue, image: ImageSpec, argv: [String]) -> Bool {
        guard image.serves else { return false }
        if container["command"] == nil { return true }
        let program = argv.first.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? ""
        return daemons.contains(program)
    }

    static let daemons: Set<String> = [
        "nginx", "redis-server", "httpd-foreground", "httpd", "etcd", "kube-apiserver", "kube-controller-manager",
        "kube-scheduler", "kube-proxy", "coredns", "pause", "flanneld", "fluentd", "memcached", "mysqld", "postgres",
        "docker-entrypoint.sh", "/docker-entrypoint.sh",
    ]

    /// `missingExecutable` for a container just made: a program looked up on `$PATH` is found or
    /// not by its image's files alone, unless a volume is mounted over a `$PATH` directory (or the
    /// lookup passes the kubelet's /etc files), so the answer is kept per image, PATH and program.
    private func missingExecutableAtStart(_ argv: [String], in record: RuntimeContainer) -> String? {
        guard let program = argv.first, !program.isEmpty, !program.contains("/") else {
            return missingExecutable(argv, in: record)
        }
        let path = record.environment["PATH"] ?? ImageCatalog.debianPath
        guard let entries = plainDirectories(path) else { return missingExecutable(argv, in: record) }
        let shadowed = entries.contains { directory in
            directory == "/etc" || record.fileSystem.mounts.contains { mount in
                mount.covers(directory) || directory == "/" || mount.path.hasPrefix(directory + "/")
            }
        }
        guard !shadowed else { return missingExecutable(argv, in: record) }
        let key = ExecutableLookup(image: record.image, path: path, program: program)
        if let known = executableLookups[key] { return known }
        let missing = missingExecutable(argv, in: record)
        executableLookups[key] = .some(missing)
        return missing
    }

    /// `$PATH`'s directories when every one is absolute and written plainly (an empty or relative
    /// entry is looked up from the working directory; `..` or `//` would need folding): nil otherwise.
    private func plainDirectories(_ path: String) -> [String]? {
        if let known = plainPathDirectories[path] { return known }
        let entries = path.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard entries.allSatisfy({ $0.hasPrefix("/") && Path.normalize($0) == $0 }) else { return nil }
        plainPathDirectories[path] = entries
        return entries
    }

    /// The program runc cannot find (`exec: "x": executable file not found in $PATH`), if any.
    func missingExecutable(_ argv: [String], in record: RuntimeContainer) -> String? {
        guard let program = argv.first else { return "" }
        if program.contains("/") {
            let info = try? record.fileSystem.info(Path.join(record.workingDirectory, program))
            return info.map { $0.isDirectory || $0.mode & 0o111 == 0 } == false ? nil : program
        }
        let path = record.environment["PATH"] ?? ImageCatalog.debianPath
        for directory in path.utf8.split(separator: UInt8(ascii: ":")) {
            let candidate = Path.join(String(Substring(directory)), program)
            if let info = try? record.fileSystem.info(candidate), !info.isDirectory, info.mode & 0o111 != 0 { return nil }
        }
        return program
    }
}

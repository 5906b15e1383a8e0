import Controllers
import KubeModel
import NodeFS

/// One container the runtime created on a node (containerd's record of it).
final class RuntimeContainer {
    enum State: Equatable {
        case running
        case exited(code: Int32, at: Int64)
    }

    let id: String
    let node: String
    let podUID: String
    let podName: String
    let podNamespace: String
    let name: String
    let image: String
    let imageID: String
    let attempt: Int
    let created: Int64
    let log: ContainerLog
    /// Built on first use: an adopted container's filesystem may never be looked at.
    lazy var fileSystem: ContainerFileSystem = makeFileSystem()
    lazy var environment: [String: String] = makeEnvironment()
    private let makeFileSystem: () -> ContainerFileSystem
    private let makeEnvironment: () -> [String: String]
    let workingDirectory: String
    /// The main process's argv (what `crictl inspect` would show).
    let argv: [String]
    var state: State = .running
    /// What `hostname` says inside (the pod's name, or the node's on the host network).
    var hostname: String
    /// The shell running the main process, if it is a script (nil for a serving image).
    var process: ContainerProcess?
    /// A bare shell with its stdin open: it waits for input until a terminal attaches.
    var waitsOnStdin = false
    /// What was sent to that stdin: the shell runs it as its script.
    var stdinScript: String?
    /// A pending wake-up or kill on the world's timeline.
    var ticket: Int?
    var exited: ((ContainerExit) -> Void)?
    /// How it ended, once it has.
    var exit: ContainerExit?

    init(id: String, launch: ContainerLaunch, name: String, image: String, imageID: String, created: Int64,
         fileSystem: @escaping () -> ContainerFileSystem, environment: @escaping () -> [String: String],
         workingDirectory: String, argv: [String]) {
        self.id = id
        node = launch.node
        podUID = launch.pod.uid
        podName = launch.pod.name
        podNamespace = launch.pod.namespace
        hostname = launch.pod.name
        self.name = name
        self.image = image
        self.imageID = imageID
        attempt = launch.restartCount
        self.created = created
        log = ContainerLog(jitter: Int64(id.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) % 900_000 }) * 1_000 + 100_000)
        makeFileSystem = fileSystem
        makeEnvironment = environment
        self.workingDirectory = workingDirectory
        self.argv = argv
    }

    var isRunning: Bool { state == .running }
}

import KubeModel

/// What a kubelet asks of its node's container runtime (containerd on a real node).
/// Declared here, implemented by the Cluster module, which runs container commands in the
/// shell over the node's filesystem.
public protocol ContainerRuntime: AnyObject {
    /// How pulling `image` on `node` goes (the kubelet records Pulling/Pulled/Failed events).
    /// `always` (imagePullPolicy Always) asks the registry even when the image is present.
    /// Pulls on one node run one after another, as the kubelet's serializeImagePulls makes them.
    func pull(image: String, node: String, always: Bool) -> ImagePullOutcome
    /// Starts a container. The runtime calls `exited` on the world's thread, from the
    /// timeline, when the process ends (never, for a server that stays up).
    /// Returns the container id (`containerd://<64 hex>` without the scheme).
    func start(_ launch: ContainerLaunch, exited: @escaping (ContainerExit) -> Void) -> String
    /// Why the container `start` just returned could not start (runc's StartError), if it could not.
    func startFailure(containerID: String) -> ContainerExit?
    /// Stops a container: SIGTERM, then SIGKILL after `gracePeriodSeconds`. `exited` is still called.
    func stop(containerID: String, gracePeriodSeconds: Int)
    /// Takes over a container that was running before the kubelet started (the kubeadm world's pods,
    /// from their `containerStatuses`): the runtime records it under `containerID` as started at
    /// `startedAt` and running its image's server until stopped; then `exited` is called as for `start`.
    func adopt(_ launch: ContainerLaunch, containerID: String, startedAt: Int64, exited: @escaping (ContainerExit) -> Void)
}

/// The result of pulling an image.
public enum ImagePullOutcome: Equatable, Sendable {
    /// Already on the node (`Container image "x" already present on machine`).
    case present
    /// Pulled in `seconds`, done `waited` seconds from now (queued behind other pulls);
    /// `bytes` is the image size the Pulled event reports.
    case pulled(seconds: Double, waited: Double, bytes: Int)
    /// ErrImagePull with this message (the `Failed` event's text after `Failed to pull image "x": `).
    case failed(message: String)
}

/// One container to start.
public struct ContainerLaunch: Sendable {
    public var node: String
    /// The pod as stored (metadata, spec with volumes), for mounts and the downward API.
    public var pod: KubeObject
    /// The container's spec (`spec.containers[i]` or `spec.initContainers[i]`).
    public var container: JSONValue
    public var isInit: Bool
    public var restartCount: Int

    public init(node: String, pod: KubeObject, container: JSONValue, isInit: Bool, restartCount: Int) {
        self.node = node
        self.pod = pod
        self.container = container
        self.isInit = isInit
        self.restartCount = restartCount
    }
}

/// How a container ended.
public struct ContainerExit: Equatable, Sendable {
    public var exitCode: Int32
    /// `Completed` (exit 0), `Error`, `OOMKilled`, `ContainerCannotRun`, …
    public var reason: String
    public var finishedAt: Int64
    /// The terminated state's `message`: runc's words when the process could not start, else empty.
    public var message: String = ""

    public init(exitCode: Int32, reason: String, finishedAt: Int64) {
        self.exitCode = exitCode
        self.reason = reason
        self.finishedAt = finishedAt
    }

    public init(exitCode: Int32, reason: String, finishedAt: Int64, message: String) {
        self.init(exitCode: exitCode, reason: reason, finishedAt: finishedAt)
        self.message = message
    }
}

import Controllers
import KubeModel

/// The nodes' container runtime: containers' commands run in the shell, in the container's
/// filesystem with its volumes mounted. (Stand-in until the runtime lands: every image is
/// present and every container stays up.)
public final class ShellContainerRuntime: ContainerRuntime {
    unowned let world: World
    private var nextID = 0

    init(world: World) {
        self.world = world
    }

    public func pull(image: String, node: String) -> ImagePullOutcome { .present }

    public func start(_ launch: ContainerLaunch, exited: @escaping (ContainerExit) -> Void) -> String {
        nextID += 1
        let digits = String(nextID)
        return String(repeating: "0", count: max(0, 64 - digits.count)) + digits
    }

    public func stop(containerID: String, gracePeriodSeconds: Int) {}
}

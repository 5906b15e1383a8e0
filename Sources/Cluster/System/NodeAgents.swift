/// What runs on each node outside containers: the kubelet's systemd unit, its journal, the
/// process table `ps` shows. (Stand-in until the kubelet work lands.)
public final class NodeAgents {
    unowned let world: World

    init(world: World) {
        self.world = world
    }
}

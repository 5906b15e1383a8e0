import APIStore

/// The part of the cluster a control loop belongs to; a loop acts only while its part runs
/// (the kube-scheduler and kube-controller-manager static pods, a node's kubelet).
public enum Component: Hashable, Sendable, CustomStringConvertible {
    case scheduler
    case controllerManager
    /// The kubelets: one loop serves every node, and each node's own kubelet state decides.
    case kubelets

    public var description: String {
        switch self {
        case .scheduler: "kube-scheduler"
        case .controllerManager: "kube-controller-manager"
        case .kubelets: "kubelet"
        }
    }
}

/// One control loop. It notes the store's changes as they happen (even while its component is
/// down, as a real one re-lists when it starts) and acts on them when asked to sync.
///
/// Decide in pure functions, act here: a controller's sync reads the store, calls its
/// decide-functions and writes their results back.
public protocol Controller: AnyObject {
    var component: Component { get }
    /// A change the store made, in order.
    func observe(_ event: WatchEvent)
    /// Acts on what is pending. Writes to the store become events the next round delivers.
    func sync(_ context: ControllerContext)
    /// Whether `sync` has anything to do.
    var hasPendingWork: Bool { get }
}

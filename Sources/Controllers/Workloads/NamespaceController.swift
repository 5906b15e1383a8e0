import APIStore
import KubeModel

/// The namespace controller (pkg/controller/namespace): a namespace marked for deletion has its
/// pods deleted gracefully; once the last pod is gone, everything else in it goes and the
/// namespace with it (`kubectl delete ns` waits for that).
final class NamespaceController: Controller {
    let component = Component.controllerManager
    private let store: APIStore
    /// Terminating namespaces with something to do.
    private var pending: Set<String> = []
    /// Every terminating namespace, so pod deletions in it wake it up.
    private var terminating: Set<String> = []
    /// Namespaces just marked for deletion: the controller's queue reaches them a moment later
    /// (so `kubectl delete -f` can still delete the objects listed after the namespace).
    private var marked: Set<String> = []
    static let queueDelay = 2.0

    init(store: APIStore) {
        self.store = store
        if let type = store.resourceType("namespaces") {
            for namespace in store.list(type) where namespace[path: ["metadata", "deletionTimestamp"]] != nil {
                terminating.insert(namespace.name)
            }
        }
        pending = terminating
    }

    var hasPendingWork: Bool { !pending.isEmpty || !marked.isEmpty }

    func observe(_ event: WatchEvent) {
        switch event.resource.key {
        case "namespaces":
            if event.type == .deleted {
                terminating.remove(event.object.name)
                pending.remove(event.object.name)
            } else if event.object[path: ["metadata", "deletionTimestamp"]] != nil,
                      terminating.insert(event.object.name).inserted {
                marked.insert(event.object.name)
            }
        case "pods":
            if event.type == .deleted, terminating.contains(event.object.namespace) { pending.insert(event.object.namespace) }
        default:
            break
        }
    }

    func sync(_ context: ControllerContext) {
        for name in marked.sorted() {
            context.after(seconds: Self.queueDelay) { [weak self] in self?.pending.insert(name) }
        }
        marked = []
        guard let podType = store.resourceType("pods") else { return }
        let names = pending.sorted()
        pending = []
        for name in names where terminating.contains(name) {
            let pods = store.list(podType, ListOptions(namespace: name))
            for pod in pods where pod[path: ["metadata", "deletionTimestamp"]] == nil {
                _ = try? store.delete(podType, namespace: name, name: pod.name)
            }
            // Pods left terminate on their nodes; their deletion wakes this namespace again.
            if store.list(podType, ListOptions(namespace: name)).isEmpty { store.finishNamespaceDeletion(name) }
        }
    }
}

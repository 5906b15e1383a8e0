import APIStore

/// kube-controller-manager's loops, in the order they are registered.
public enum WorkloadControllers {
    /// Every workload loop, the garbage collector and the node lifecycle controller, primed from `store`.
    public static func make(store: APIStore, context: ControllerContext) -> [any Controller] {
        let controllers: [any Controller] = [
            DeploymentController(store: store),
            ReplicaSetController(store: store),
            DaemonSetController(store: store),
            StatefulSetController(store: store),
            JobController(store: store),
            CronJobController(store: store),
            GarbageCollector(store: store),
            PersistentVolumeBinder(store: store),
            EndpointsController(store: store),
            NamespaceController(store: store),
            NodeLifecycleController(store: store, context: context),
            TaintEvictionController(store: store),
        ]
        // One store's events: the loops share each event's controller reference.
        let refs = ControllerRefOfEvent()
        for case let loop as OwnerLoop in controllers { loop.controllerRefs = refs }
        return controllers
    }
}

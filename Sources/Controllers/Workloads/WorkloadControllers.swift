import APIStore

/// kube-controller-manager's loops, in the order they are registered.
public enum WorkloadControllers {
    /// Every workload loop, the garbage collector and the node lifecycle controller, primed from `store`.
    public static func make(store: APIStore, context: ControllerContext) -> [any Controller] {
        [
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
    }
}

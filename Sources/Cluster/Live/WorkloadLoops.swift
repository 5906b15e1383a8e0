import Controllers

extension World {
    /// kube-controller-manager's loops: workloads, garbage collection, node lifecycle.
    func installWorkloadControllers() {
        for loop in WorkloadControllers.make(store: store, context: controllers.context) { controllers.add(loop) }
    }
}

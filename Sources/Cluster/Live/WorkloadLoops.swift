import Controllers

extension World {
    /// kube-controller-manager's loops: workloads, garbage collection, node lifecycle.
    func installWorkloadControllers() {}
}

import Controllers

extension World {
    /// The kubelets (one loop for every node), their static pods and the container runtime.
    func installKubelets() {}
}

import Controllers

extension World {
    /// The kubelets (one loop for every node), their static pods and the container runtime.
    /// The scheduler and the controller manager run while their static pods do (and the API server answers).
    func installKubelets() {
        let loop = KubeletLoop(context: controllers.context, runtime: runtime, nodes: nodes.map(\.name),
                               controlPlane: description.controlPlane?.name) { [unowned self] name in
            node(named: name)?.disk
        }
        loop.adoptExisting()
        agents.attach(loop)
        controllers.add(loop)
        controllers.isRunning = { [unowned loop] component in
            switch component {
            case .kubelets: true
            case .scheduler: loop.apiServerUp && loop.serving("kube-scheduler")
            case .controllerManager: loop.apiServerUp && loop.serving("kube-controller-manager")
            }
        }
    }
}

import Kubectl

/// Whether kubectl reaches the API server: not while the kube-apiserver (or etcd) static pod is down.
extension StoreKubectlContext {
    func checkReachable() throws(KubectlServerError) {
        guard let world = world?.world, let kubelet = world.agents.kubelet else { return }
        world.settle()
        guard !kubelet.apiServerUp else { return }
        let address = world.description.controlPlane?.address ?? "127.0.0.1"
        throw .connectionRefused(server: address + ":6443")
    }
}

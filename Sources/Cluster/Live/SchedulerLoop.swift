import Controllers

extension World {
    /// kube-scheduler: binds pending pods while its static pod runs.
    func installScheduler() {}
}
